package cli

import (
	"time"

	"github.com/kvdoctor/kvdoctor/internal/fakeazure"
)

// The test world: one tenant, app and vault per cloud. Secrets are canaries:
// a test fails if one of them reaches any output.
const (
	cnTenant      = "6f1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b"
	cnOtherTenant = "7a2b3c4d-5e6f-4071-8b9c-1d2e3f4a5b6c"
	cnApp         = "0b6c4d2e-7f8a-4b9c-8d1e-2f3a4b5c6d7e"
	cnSP          = "9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b"
	cnSecretID    = "3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9"
	cnSecret      = "Xq28Q~CANARYchinaClientSecret.0123456789"
	pubTenant     = "72f988bf-86f1-41af-91ab-2d7cd011db47"
	pubApp        = "1c7d5e3f-8a9b-4cad-9e2f-3a4b5c6d7e8f"
	pubSP         = "8d7c6b5a-4f3e-4d2c-8b1a-0f9e8d7c6b5a"
	pubSecret     = "Yr39Q~CANARYpublicClientSecret.012345678"
	govTenant     = "5e0f1a2b-3c4d-4e5f-9a6b-7c8d9e0f1a2b"
	govApp        = "2d8e6f4a-9bac-4dbe-8f3a-4b5c6d7e8f9a"
	govSP         = "7c6b5a4f-3e2d-4c1b-9a0f-9e8d7c6b5a4f"
	govSecret     = "Zs40Q~CANARYusgovClientSecret.0123456789"
	secretValue   = "CANARY-SECRET-VALUE-never-printed"
	cnVault       = "https://mykeyvalue01.vault.azure.cn"
	pubVault      = "https://mypubvault01.vault.azure.net"
	govVault      = "https://mygovvault01.vault.usgovcloudapi.net"
	chinaLogin    = "https://login.chinacloudapi.cn"
	clientIP      = "203.0.113.7"
)

var canaries = []string{cnSecret, pubSecret, govSecret, secretValue}

func enabled(b bool) *bool { return &b }

func app(name, id, tenant, sp, secret string, end time.Time) fakeazure.Application {
	return fakeazure.Application{
		DisplayName:       name,
		ClientID:          id,
		HomeTenant:        tenant,
		ServicePrincipals: []fakeazure.ServicePrincipal{{Tenant: tenant, ObjectID: sp}},
		Secrets:           []fakeazure.ClientSecret{{KeyID: cnSecretID, Value: secret, EndDateTime: end}},
	}
}

func vault(name, cloud, tenant, location, sp string) fakeazure.Vault {
	return fakeazure.Vault{
		Name: name, Cloud: cloud, Tenant: tenant, Location: location,
		PermissionModel: fakeazure.ModelAccessPolicy,
		AccessPolicies:  []fakeazure.AccessPolicy{{ObjectID: sp, Secrets: []string{"get", "list"}}},
		Secrets:         []fakeazure.Secret{{Name: "mysecret", Value: secretValue, Enabled: enabled(true), ContentType: "text/plain"}},
	}
}

// healthyWorld is a world in which every app can read its vault's secret.
func healthyWorld() *fakeazure.World {
	future := time.Now().Add(365 * 24 * time.Hour).UTC().Truncate(time.Second)
	return &fakeazure.World{
		ClientIP: clientIP,
		Tenants: []fakeazure.Tenant{
			{ID: cnTenant, Cloud: "AzureChinaCloud", Domain: "contoso.partner.onmschina.cn"},
			{ID: cnOtherTenant, Cloud: "AzureChinaCloud", Domain: "fabrikam.partner.onmschina.cn"},
			{ID: pubTenant, Cloud: "AzureCloud", Domain: "contoso.onmicrosoft.com"},
			{ID: govTenant, Cloud: "AzureUSGovernment", Domain: "contoso.onmicrosoft.us"},
		},
		Applications: []fakeazure.Application{
			app("mykeyvaultapp01", cnApp, cnTenant, cnSP, cnSecret, future),
			app("mypublicapp01", pubApp, pubTenant, pubSP, pubSecret, future),
			app("mygovapp01", govApp, govTenant, govSP, govSecret, future),
		},
		Vaults: []fakeazure.Vault{
			vault("mykeyvalue01", "AzureChinaCloud", cnTenant, "chinanorth3", cnSP),
			vault("mypubvault01", "AzureCloud", pubTenant, "westus3", pubSP),
			vault("mygovvault01", "AzureUSGovernment", govTenant, "usgovvirginia", govSP),
		},
	}
}

// chinaEnv is the environment of a correctly configured app in Azure China.
func chinaEnv() map[string]string {
	return map[string]string{
		"AZURE_TENANT_ID":      cnTenant,
		"AZURE_CLIENT_ID":      cnApp,
		"AZURE_CLIENT_SECRET":  cnSecret,
		"AZURE_AUTHORITY_HOST": chinaLogin,
	}
}
