package fakeazure

import (
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"strings"

	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

var (
	guidPattern       = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	vaultNamePattern  = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$`)
	secretNamePattern = regexp.MustCompile(`^[0-9a-zA-Z-]{1,127}$`)
	domainPattern     = regexp.MustCompile(`^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)+$`)
)

var secretPermissions = []string{"get", "list", "set", "delete", "backup", "restore", "recover", "purge", "all"}

// Validate checks the world's rules: ids are GUIDs, references resolve,
// names are what Azure accepts and enumerations hold known values. The
// error is a *ValidationError naming the first bad field.
func (w *World) Validate() error {
	v := validator{}
	v.world(w)
	if v.err != nil {
		return v.err
	}
	return nil
}

type validator struct {
	err *ValidationError
}

func (v *validator) fail(field, format string, args ...any) {
	if v.err == nil {
		v.err = &ValidationError{File: "world", Field: field, Problem: fmt.Sprintf(format, args...)}
	}
}

func (v *validator) guid(field, value string) {
	if !guidPattern.MatchString(value) {
		v.fail(field, "must be a GUID, got %q", value)
	}
}

func (v *validator) required(field, value string) bool {
	if strings.TrimSpace(value) == "" {
		v.fail(field, "is required")
		return false
	}
	return true
}

func (v *validator) world(w *World) {
	if _, err := netip.ParseAddr(w.ClientIP); err != nil {
		v.fail("clientIP", "must be an IP address, got %q", w.ClientIP)
	}
	tenantCloud := map[string]string{}
	for i, t := range w.Tenants {
		f := fmt.Sprintf("tenants[%d]", i)
		v.guid(f+".id", t.ID)
		if _, ok := cloudByName(t.Cloud); !ok {
			v.fail(f+".cloud", "must be AzureCloud, AzureChinaCloud or AzureUSGovernment, got %q", t.Cloud)
		}
		if !domainPattern.MatchString(t.Domain) {
			v.fail(f+".domain", "must be a domain name, got %q", t.Domain)
		}
		id := strings.ToLower(t.ID)
		if _, dup := tenantCloud[id]; dup {
			v.fail(f+".id", "tenant %s is listed twice", t.ID)
		}
		tenantCloud[id] = cloudName(t.Cloud)
	}
	clientIDs := map[string]bool{}
	for i, a := range w.Applications {
		v.application(fmt.Sprintf("applications[%d]", i), a, tenantCloud, clientIDs)
	}
	hosts := map[string]bool{}
	for i, vault := range w.Vaults {
		v.vault(fmt.Sprintf("vaults[%d]", i), vault, tenantCloud, hosts)
	}
	for i, f := range w.Faults {
		v.fault(fmt.Sprintf("faults[%d]", i), f)
	}
}

func (v *validator) application(f string, a Application, tenantCloud map[string]string, clientIDs map[string]bool) {
	v.required(f+".displayName", a.DisplayName)
	v.guid(f+".clientId", a.ClientID)
	if clientIDs[strings.ToLower(a.ClientID)] {
		v.fail(f+".clientId", "client id %s is used by two applications", a.ClientID)
	}
	clientIDs[strings.ToLower(a.ClientID)] = true
	home, ok := tenantCloud[strings.ToLower(a.HomeTenant)]
	if !ok {
		v.fail(f+".homeTenant", "names no tenant of this world: %q", a.HomeTenant)
	}
	for j, sp := range a.ServicePrincipals {
		sf := fmt.Sprintf("%s.servicePrincipals[%d]", f, j)
		cloud, ok := tenantCloud[strings.ToLower(sp.Tenant)]
		switch {
		case !ok:
			v.fail(sf+".tenant", "names no tenant of this world: %q", sp.Tenant)
		case cloud != home:
			v.fail(sf+".tenant", "is in %s but the application's home tenant is in %s; registrations do not cross clouds", cloud, home)
		}
		v.guid(sf+".objectId", sp.ObjectID)
	}
	for j, s := range a.Secrets {
		sf := fmt.Sprintf("%s.secrets[%d]", f, j)
		v.guid(sf+".keyId", s.KeyID)
		v.required(sf+".value", s.Value)
		if s.EndDateTime.IsZero() {
			v.fail(sf+".endDateTime", "is required")
		}
	}
	for j, c := range a.Certificates {
		cf := fmt.Sprintf("%s.certificates[%d]", f, j)
		v.guid(cf+".keyId", c.KeyID)
		if _, err := parseCertificatePEM(c.CertificatePEM); err != nil {
			v.fail(cf+".certificatePem", "%v", err)
		}
		if c.EndDateTime.IsZero() {
			v.fail(cf+".endDateTime", "is required")
		}
	}
}

func (v *validator) vault(f string, vault Vault, tenantCloud map[string]string, hosts map[string]bool) {
	if !vaultNamePattern.MatchString(vault.Name) || strings.Contains(vault.Name, "--") {
		v.fail(f+".name", "must be 3-24 letters, digits and single dashes, starting with a letter, got %q", vault.Name)
	}
	cloud, ok := cloudByName(vault.Cloud)
	if !ok {
		v.fail(f+".cloud", "must be AzureCloud, AzureChinaCloud or AzureUSGovernment, got %q", vault.Cloud)
	}
	host := strings.ToLower(vault.Name + "." + cloud.VaultSuffix)
	if hosts[host] {
		v.fail(f+".name", "vault %s is listed twice", host)
	}
	hosts[host] = true
	if tc, ok := tenantCloud[strings.ToLower(vault.Tenant)]; !ok {
		v.fail(f+".tenant", "names no tenant of this world: %q", vault.Tenant)
	} else if tc != cloud.Name {
		v.fail(f+".tenant", "is in %s but the vault is in %s", tc, cloud.Name)
	}
	v.required(f+".location", vault.Location)
	if vault.PermissionModel != ModelAccessPolicy && vault.PermissionModel != ModelRBAC {
		v.fail(f+".permissionModel", "must be %q or %q, got %q", ModelAccessPolicy, ModelRBAC, vault.PermissionModel)
	}
	for j, p := range vault.AccessPolicies {
		pf := fmt.Sprintf("%s.accessPolicies[%d]", f, j)
		v.guid(pf+".objectId", p.ObjectID)
		for k, perm := range p.Secrets {
			if !slices.Contains(secretPermissions, strings.ToLower(perm)) {
				v.fail(fmt.Sprintf("%s.secrets[%d]", pf, k), "must be one of %s, got %q", strings.Join(secretPermissions, ", "), perm)
			}
		}
	}
	for j, r := range vault.RoleAssignments {
		rf := fmt.Sprintf("%s.roleAssignments[%d]", f, j)
		v.guid(rf+".principalId", r.PrincipalID)
		if _, ok := roles[r.Role]; !ok {
			v.fail(rf+".role", "must be one of %s, got %q", strings.Join(roleNames(), ", "), r.Role)
		}
		if name, ok := strings.CutPrefix(r.Scope, "/secrets/"); r.Scope != "/" && (!ok || !secretNamePattern.MatchString(name)) {
			v.fail(rf+".scope", "must be / or /secrets/NAME, got %q", r.Scope)
		}
	}
	if n := vault.Network; n != nil {
		if n.PublicNetworkAccess != "" && n.PublicNetworkAccess != "Enabled" && n.PublicNetworkAccess != "Disabled" {
			v.fail(f+".network.publicNetworkAccess", "must be Enabled or Disabled, got %q", n.PublicNetworkAccess)
		}
		if n.DefaultAction != "" && n.DefaultAction != "Allow" && n.DefaultAction != "Deny" {
			v.fail(f+".network.defaultAction", "must be Allow or Deny, got %q", n.DefaultAction)
		}
		for j, rule := range n.IPRules {
			if _, err := parseIPRule(rule); err != nil {
				v.fail(fmt.Sprintf("%s.network.ipRules[%d]", f, j), "must be an IP address or CIDR range, got %q", rule)
			}
		}
	}
	names := map[string]bool{}
	for j, s := range vault.Secrets {
		sf := fmt.Sprintf("%s.secrets[%d]", f, j)
		if !secretNamePattern.MatchString(s.Name) {
			v.fail(sf+".name", "must be 1-127 letters, digits and dashes, got %q", s.Name)
		}
		if names[strings.ToLower(s.Name)] {
			v.fail(sf+".name", "secret %s is listed twice", s.Name)
		}
		names[strings.ToLower(s.Name)] = true
		if s.Enabled == nil {
			v.fail(sf+".enabled", "is required")
		}
	}
}

func (v *validator) fault(f string, fault Fault) {
	v.required(f+".host", fault.Host)
	switch fault.Kind {
	case FaultThrottle, FaultHTML, FaultBlackhole, FaultReset:
	case FaultLatency:
		if fault.LatencyMs <= 0 {
			v.fail(f+".latencyMs", "must be more than 0 for a latency fault")
		}
	default:
		v.fail(f+".kind", "must be throttle, html, latency, blackhole or reset, got %q", fault.Kind)
	}
	if fault.LatencyMs < 0 {
		v.fail(f+".latencyMs", "must not be negative")
	}
}

func cloudName(name string) string {
	c, _ := cloudByName(name)
	return c.Name
}

// cloudByName finds a cloud by its exact Azure CLI name, as worlds spell it.
func cloudByName(name string) (azcloud.Cloud, bool) {
	for _, c := range azcloud.All {
		if c.Name == name {
			return c, true
		}
	}
	return azcloud.Cloud{}, false
}

func parseIPRule(rule string) (netip.Prefix, error) {
	if strings.Contains(rule, "/") {
		p, err := netip.ParsePrefix(rule)
		return p.Masked(), err
	}
	a, err := netip.ParseAddr(rule)
	if err != nil {
		return netip.Prefix{}, err
	}
	return netip.PrefixFrom(a, a.BitLen()), nil
}

func parseCertificatePEM(s string) (*x509.Certificate, error) {
	block, _ := pem.Decode([]byte(s))
	if block == nil || block.Type != "CERTIFICATE" {
		return nil, fmt.Errorf("must hold a PEM CERTIFICATE block")
	}
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("must hold a valid certificate: %v", err)
	}
	return cert, nil
}
