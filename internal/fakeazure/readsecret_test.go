package fakeazure_test

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
)

func TestGoClientsReadSecret(t *testing.T) {
	t.Parallel()
	partner := cloud.Configuration{ActiveDirectoryAuthorityHost: "https://login.partner.microsoftonline.cn/"}
	tests := []struct {
		name     string
		world    string
		vaultURL string
		cloud    cloud.Configuration
		cert     bool
	}{
		{name: "china secret credential", world: "china-healthy", vaultURL: "https://mykeyvalue01.vault.azure.cn", cloud: cloud.AzureChina},
		{name: "china certificate credential", world: "china-healthy", vaultURL: "https://mykeyvalue01.vault.azure.cn", cloud: cloud.AzureChina, cert: true},
		{name: "china partner authority alias", world: "china-healthy", vaultURL: "https://mykeyvalue01.vault.azure.cn", cloud: partner},
		{name: "public secret credential", world: "public-healthy", vaultURL: "https://kvdoctorpub01.vault.azure.net", cloud: cloud.AzurePublic},
		{name: "public certificate credential", world: "public-healthy", vaultURL: "https://kvdoctorpub01.vault.azure.net", cloud: cloud.AzurePublic, cert: true},
		{name: "us government secret credential", world: "usgov-healthy", vaultURL: "https://kvdoctorgov01.vault.usgovcloudapi.net", cloud: cloud.AzureGovernment},
		{name: "china rbac secret-scoped role", world: "china-rbac", vaultURL: "https://mykeyvalue01.vault.azure.cn", cloud: cloud.AzureChina},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, w := startWorld(t, tt.world)
			app := w.Applications[0]
			var cred azcore.TokenCredential = secretCredential(t, srv, tt.cloud, app.HomeTenant, app.ClientID, app.Secrets[0].Value)
			if tt.cert {
				cred = certCredential(t, srv, tt.cloud, app.HomeTenant, app.ClientID, "app-cert.pem")
			}
			want := w.Vaults[0].Secrets[len(w.Vaults[0].Secrets)-1]
			if tt.world != "china-rbac" {
				want = w.Vaults[0].Secrets[0]
			}
			resp, err := secretClient(t, srv, tt.cloud, tt.vaultURL, cred).GetSecret(testContext(t), want.Name, "", nil)
			if err != nil {
				t.Fatalf("GetSecret: %v", err)
			}
			if resp.Value == nil || *resp.Value != want.Value {
				t.Errorf("GetSecret returned a different value than the world holds")
			}
			if len(srv.IssuedTokens()) != 1 {
				t.Errorf("issued %d tokens, want 1", len(srv.IssuedTokens()))
			}
		})
	}
}

// TestGoClientReadSecretAuthorityHostEnv points azidentity at China through
// AZURE_AUTHORITY_HOST, as a deployed app does; t.Setenv forbids t.Parallel.
func TestGoClientReadSecretAuthorityHostEnv(t *testing.T) {
	t.Setenv("AZURE_AUTHORITY_HOST", "https://login.chinacloudapi.cn")
	for _, cert := range []bool{false, true} {
		name := "secret credential"
		if cert {
			name = "certificate credential"
		}
		t.Run(name, func(t *testing.T) {
			srv, w := startWorld(t, "china-healthy")
			app := w.Applications[0]
			var cred azcore.TokenCredential = secretCredential(t, srv, cloud.Configuration{}, app.HomeTenant, app.ClientID, app.Secrets[0].Value)
			if cert {
				cred = certCredential(t, srv, cloud.Configuration{}, app.HomeTenant, app.ClientID, "app-cert.pem")
			}
			resp, err := secretClient(t, srv, cloud.Configuration{}, chinaVault, cred).GetSecret(testContext(t), "mysecret", "", nil)
			if err != nil {
				t.Fatalf("GetSecret: %v", err)
			}
			if *resp.Value != w.Vaults[0].Secrets[0].Value {
				t.Errorf("GetSecret returned a different value than the world holds")
			}
			for _, e := range srv.Log() {
				if e.Host != "login.chinacloudapi.cn" && e.Method == "POST" {
					t.Errorf("token requested from another authority: %+v", e)
				}
			}
		})
	}
}
