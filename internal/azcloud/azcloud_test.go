package azcloud

import "testing"

func TestLookups(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
		by             func(string) (Cloud, bool)
	}{
		{"china vault host", "mykeyvalue01.vault.azure.cn", "AzureChinaCloud", ByVaultHost},
		{"vault host with port", "mykeyvalue01.vault.usgovcloudapi.net:443", "AzureUSGovernment", ByVaultHost},
		{"privatelink host is no vault host", "mykeyvalue01.privatelink.vaultcore.azure.cn", "", ByVaultHost},
		{"suffix alone is no vault", "vault.azure.net", "", ByVaultHost},
		{"china authority URL", "https://login.chinacloudapi.cn/", "AzureChinaCloud", ByAuthorityHost},
		{"china alias", "login.partner.microsoftonline.cn", "AzureChinaCloud", ByAuthorityHost},
		{"public with tenant path", "https://login.microsoftonline.com/common", "AzureCloud", ByAuthorityHost},
		{"unknown authority", "https://login.example.com", "", ByAuthorityHost},
		{"china scope", "https://vault.azure.cn/.default", "AzureChinaCloud", ByVaultResource},
		{"public resource with slash", "https://vault.azure.net/", "AzureCloud", ByVaultResource},
		{"ARM is no vault resource", "https://management.azure.com", "", ByVaultResource},
		{"china issuer", "https://sts.chinacloudapi.cn/t/", "AzureChinaCloud", ByIssuer},
		{"short name", "china", "AzureChinaCloud", ByName},
		{"cli name any case", "azureusgovernment", "AzureUSGovernment", ByName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, ok := tt.by(tt.in)
			if ok != (tt.want != "") || c.Name != tt.want {
				t.Errorf("%q → %q, %v; want %q", tt.in, c.Name, ok, tt.want)
			}
		})
	}
}

func TestCloudURLs(t *testing.T) {
	t.Parallel()
	if got := China.Scope(); got != "https://vault.azure.cn/.default" {
		t.Errorf("Scope = %s", got)
	}
	if got := China.Issuer("t1"); got != "https://sts.chinacloudapi.cn/t1/" {
		t.Errorf("Issuer = %s", got)
	}
	if got := USGov.VaultURL("v1"); got != "https://v1.vault.usgovcloudapi.net" {
		t.Errorf("VaultURL = %s", got)
	}
	if got := Public.Authority(); got != "https://login.microsoftonline.com" {
		t.Errorf("Authority = %s", got)
	}
}
