// Package azcloud describes the Azure clouds kvdoctor knows: their sign-in
// hosts, Key Vault host suffixes and resources, token issuers and CLI names.
// The checks, the explainer and the emulator all read this one table.
package azcloud

import (
	"strings"
)

// Cloud is one Azure cloud as the Azure CLI names it.
type Cloud struct {
	// Name is the Azure CLI name: AzureCloud, AzureChinaCloud, AzureUSGovernment.
	Name string
	// Short is the short name accepted on the command line: public, china, usgov.
	Short string
	// AuthorityHosts are the Entra ID sign-in hosts; the first is canonical.
	AuthorityHosts []string
	// VaultSuffix is the DNS suffix of Key Vault hosts, without a leading dot.
	VaultSuffix string
	// VaultResource is the Key Vault resource identifier (token audience).
	VaultResource string
	// ManagementResource is the Azure Resource Manager resource identifier.
	ManagementResource string
	// IssuerHost is the host of the v1 token issuer (https://IssuerHost/{tid}/).
	IssuerHost string
	// PrivateLinkZone is the private DNS zone of Key Vault private endpoints.
	PrivateLinkZone string
	// Portal is the Azure portal URL of the cloud.
	Portal string
}

// Public is the global Azure cloud.
var Public = Cloud{
	Name:               "AzureCloud",
	Short:              "public",
	AuthorityHosts:     []string{"login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"},
	VaultSuffix:        "vault.azure.net",
	VaultResource:      "https://vault.azure.net",
	ManagementResource: "https://management.azure.com",
	IssuerHost:         "sts.windows.net",
	PrivateLinkZone:    "privatelink.vaultcore.azure.net",
	Portal:             "https://portal.azure.com",
}

// China is Azure China, operated by 21Vianet.
var China = Cloud{
	Name:               "AzureChinaCloud",
	Short:              "china",
	AuthorityHosts:     []string{"login.chinacloudapi.cn", "login.partner.microsoftonline.cn"},
	VaultSuffix:        "vault.azure.cn",
	VaultResource:      "https://vault.azure.cn",
	ManagementResource: "https://management.chinacloudapi.cn",
	IssuerHost:         "sts.chinacloudapi.cn",
	PrivateLinkZone:    "privatelink.vaultcore.azure.cn",
	Portal:             "https://portal.azure.cn",
}

// USGov is Azure US Government.
var USGov = Cloud{
	Name:               "AzureUSGovernment",
	Short:              "usgov",
	AuthorityHosts:     []string{"login.microsoftonline.us", "login.usgovcloudapi.net"},
	VaultSuffix:        "vault.usgovcloudapi.net",
	VaultResource:      "https://vault.usgovcloudapi.net",
	ManagementResource: "https://management.usgovcloudapi.net",
	IssuerHost:         "sts.windows.net",
	PrivateLinkZone:    "privatelink.vaultcore.usgovcloudapi.net",
	Portal:             "https://portal.azure.us",
}

// All lists every known cloud, public first.
var All = []Cloud{Public, China, USGov}

// ByName finds a cloud by its CLI name or short name, ignoring case.
func ByName(name string) (Cloud, bool) {
	for _, c := range All {
		if strings.EqualFold(name, c.Name) || strings.EqualFold(name, c.Short) {
			return c, true
		}
	}
	return Cloud{}, false
}

// ByVaultHost finds the cloud whose Key Vault suffix the host ends with.
// The host may carry a port.
func ByVaultHost(host string) (Cloud, bool) {
	host = strings.ToLower(stripPort(host))
	for _, c := range All {
		if strings.HasSuffix(host, "."+c.VaultSuffix) {
			return c, true
		}
	}
	return Cloud{}, false
}

// ByAuthorityHost finds the cloud one of whose sign-in hosts is host.
// The host may carry a scheme, a port or a path.
func ByAuthorityHost(host string) (Cloud, bool) {
	host = strings.ToLower(HostOf(host))
	for _, c := range All {
		for _, h := range c.AuthorityHosts {
			if host == h {
				return c, true
			}
		}
	}
	return Cloud{}, false
}

// ByVaultResource finds the cloud whose Key Vault resource is res, with or
// without a trailing slash or a /.default suffix.
func ByVaultResource(res string) (Cloud, bool) {
	res = strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(res), "/.default"), "/")
	for _, c := range All {
		if res == c.VaultResource {
			return c, true
		}
	}
	return Cloud{}, false
}

// ByIssuer finds the cloud whose v1 issuer host the issuer URL names.
// The public and US Government clouds share sts.windows.net; Public wins.
func ByIssuer(iss string) (Cloud, bool) {
	host := strings.ToLower(HostOf(iss))
	for _, c := range All {
		if host == c.IssuerHost {
			return c, true
		}
	}
	return Cloud{}, false
}

// Authority is the canonical authority host URL, e.g. https://login.chinacloudapi.cn.
func (c Cloud) Authority() string { return "https://" + c.AuthorityHosts[0] }

// Scope is the token scope for Key Vault, e.g. https://vault.azure.cn/.default.
func (c Cloud) Scope() string { return c.VaultResource + "/.default" }

// Issuer is the v1 token issuer for a tenant.
func (c Cloud) Issuer(tenant string) string { return "https://" + c.IssuerHost + "/" + tenant + "/" }

// VaultURL is the URL of the vault with this name in this cloud.
func (c Cloud) VaultURL(name string) string { return "https://" + name + "." + c.VaultSuffix }

// HostOf returns the bare host of a URL or host string: no scheme, port,
// path or trailing dot.
func HostOf(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSuffix(stripPort(s), ".")
}

func stripPort(host string) string {
	if strings.HasPrefix(host, "[") {
		if i := strings.Index(host, "]"); i >= 0 {
			return host[1:i]
		}
	}
	if i := strings.LastIndexByte(host, ':'); i >= 0 && !strings.Contains(host[:i], ":") {
		return host[:i]
	}
	return host
}
