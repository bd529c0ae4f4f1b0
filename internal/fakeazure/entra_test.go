package fakeazure_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
)

const (
	chinaTenant  = "6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e01"
	publicTenant = "72f0c0de-1111-4222-8333-444455556601"
	chinaApp     = "0c8a6f3e-5d2b-4e1a-9c7f-2b3a4c5d6e01"
	publicApp    = "0c8a6f3e-5d2b-4e1a-9c7f-2b3a4c5d6e11"
	chinaVault   = "https://mykeyvalue01.vault.azure.cn"
)

func TestEntraErrorsThroughAzidentity(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		world    string
		cloud    cloud.Configuration
		tenant   string
		clientID string
		secret   string // "" uses the app's registered secret
		certFile string // set: certificate credential
		scope    string
		wantCode int
	}{
		{name: "china tenant at the global authority", world: "china-healthy", cloud: cloud.AzurePublic, tenant: chinaTenant, clientID: chinaApp, scope: "https://vault.azure.cn/.default", wantCode: 90002},
		{name: "public tenant at the china authority", world: "public-healthy", cloud: cloud.AzureChina, tenant: publicTenant, clientID: publicApp, scope: "https://vault.azure.net/.default", wantCode: 90002},
		{name: "unknown client id", world: "china-healthy", cloud: cloud.AzureChina, tenant: chinaTenant, clientID: "11111111-2222-3333-4444-555555555555", scope: "https://vault.azure.cn/.default", wantCode: 700016},
		{name: "tenant by domain, unknown client id", world: "china-healthy", cloud: cloud.AzureChina, tenant: "contoso.partner.onmschina.cn", clientID: publicApp, scope: "https://vault.azure.cn/.default", wantCode: 700016},
		{name: "wrong client secret", world: "china-healthy", cloud: cloud.AzureChina, tenant: chinaTenant, clientID: chinaApp, secret: "not-the-secret", scope: "https://vault.azure.cn/.default", wantCode: 7000215},
		{name: "secret id sent instead of its value", world: "china-healthy", cloud: cloud.AzureChina, tenant: chinaTenant, clientID: chinaApp, secret: "d2b7a1c0-6e5f-4a3b-9c8d-7e6f5a4b3c01", scope: "https://vault.azure.cn/.default", wantCode: 7000215},
		{name: "expired client secret", world: "china-expired-secret", cloud: cloud.AzureChina, tenant: chinaTenant, clientID: chinaApp, scope: "https://vault.azure.cn/.default", wantCode: 7000222},
		{name: "unregistered certificate", world: "china-healthy", cloud: cloud.AzureChina, tenant: chinaTenant, clientID: chinaApp, certFile: "unregistered-cert.pem", scope: "https://vault.azure.cn/.default", wantCode: 700027},
		{name: "assertion outside its window (clock skew)", world: "china-clock-skew", cloud: cloud.AzureChina, tenant: chinaTenant, clientID: chinaApp, certFile: "app-cert.pem", scope: "https://vault.azure.cn/.default", wantCode: 700024},
		{name: "global key vault asked of china", world: "china-healthy", cloud: cloud.AzureChina, tenant: chinaTenant, clientID: chinaApp, scope: "https://vault.azure.net/.default", wantCode: 500011},
		{name: "china key vault asked of the global cloud", world: "public-healthy", cloud: cloud.AzurePublic, tenant: publicTenant, clientID: publicApp, scope: "https://vault.azure.cn/.default", wantCode: 500011},
		{name: "vault-specific resource", world: "china-healthy", cloud: cloud.AzureChina, tenant: chinaTenant, clientID: chinaApp, scope: chinaVault + "/.default", wantCode: 500011},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, w := startWorld(t, tt.world)
			var cred azcore.TokenCredential
			if tt.certFile != "" {
				cred = certCredential(t, srv, tt.cloud, tt.tenant, tt.clientID, tt.certFile)
			} else {
				secret := tt.secret
				if secret == "" {
					secret = w.Applications[0].Secrets[0].Value
				}
				cred = secretCredential(t, srv, tt.cloud, tt.tenant, tt.clientID, secret)
			}
			_, err := cred.GetToken(testContext(t), policy.TokenRequestOptions{Scopes: []string{tt.scope}})
			if err == nil {
				t.Fatal("GetToken succeeded, want an Entra error")
			}
			if got := aadstsCodes(t, err); !slices.Equal(got, []int{tt.wantCode}) {
				t.Errorf("error_codes = %v, want [%d]", got, tt.wantCode)
			}
			if n := len(srv.IssuedTokens()); n != 0 {
				t.Errorf("issued %d tokens on a failed request", n)
			}
		})
	}
}

// TestWrongAuthorityForChinaVault is the original user report: a China
// vault, the credential left on the global authority.
func TestWrongAuthorityForChinaVault(t *testing.T) {
	t.Parallel()
	srv, w := startWorld(t, "china-healthy")
	app := w.Applications[0]
	cred := secretCredential(t, srv, cloud.AzurePublic, app.HomeTenant, app.ClientID, app.Secrets[0].Value)
	_, err := secretClient(t, srv, cloud.AzurePublic, chinaVault, cred).GetSecret(testContext(t), "mysecret", "", nil)
	if got := aadstsCodes(t, err); !slices.Equal(got, []int{90002}) {
		t.Errorf("error_codes = %v, want [90002]", got)
	}
}

func TestEntraErrorBodyShape(t *testing.T) {
	t.Parallel()
	srv, _ := startWorld(t, "china-healthy")
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {chinaApp}, "client_secret": {"wrong"}, "scope": {"https://vault.azure.cn/.default"}}
	req, _ := http.NewRequestWithContext(testContext(t), http.MethodPost, "https://login.chinacloudapi.cn/"+chinaTenant+"/oauth2/v2.0/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("client-request-id", "0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d")
	resp, err := srv.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("status = %d, want 401", resp.StatusCode)
	}
	var keys []string
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	var body map[string]any
	for dec.More() {
		k, _ := dec.Token()
		keys = append(keys, k.(string))
		var v any
		_ = dec.Decode(&v)
	}
	_ = json.Unmarshal(raw, &body)
	wantKeys := []string{"error", "error_description", "error_codes", "timestamp", "trace_id", "correlation_id", "error_uri"}
	if !slices.Equal(keys, wantKeys) {
		t.Errorf("fields = %v, want %v in that order", keys, wantKeys)
	}
	desc, _ := body["error_description"].(string)
	for _, want := range []string{"AADSTS7000215: Invalid client secret provided.", "\r\nTrace ID: ", "\r\nCorrelation ID: 0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d", "\r\nTimestamp: "} {
		if !strings.Contains(desc, want) {
			t.Errorf("error_description lacks %q: %q", want, desc)
		}
	}
	if body["error"] != "invalid_client" || body["error_uri"] != "https://login.chinacloudapi.cn/error?code=7000215" {
		t.Errorf("error = %v, error_uri = %v", body["error"], body["error_uri"])
	}
	if body["correlation_id"] != "0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d" {
		t.Errorf("correlation_id = %v, want the client-request-id", body["correlation_id"])
	}
}

func TestEntraMetadata(t *testing.T) {
	t.Parallel()
	srv, _ := startWorld(t, "china-healthy")
	tests := []struct {
		name       string
		url        string
		wantStatus int
		wantField  string
		wantValue  string
	}{
		{name: "v2 document", url: "https://login.chinacloudapi.cn/" + chinaTenant + "/v2.0/.well-known/openid-configuration?", wantStatus: 200, wantField: "token_endpoint", wantValue: "https://login.chinacloudapi.cn/" + chinaTenant + "/oauth2/v2.0/token"},
		{name: "v2 issuer", url: "https://login.chinacloudapi.cn/contoso.partner.onmschina.cn/v2.0/.well-known/openid-configuration", wantStatus: 200, wantField: "issuer", wantValue: "https://login.partner.microsoftonline.cn/" + chinaTenant + "/v2.0"},
		{name: "v1 document", url: "https://login.partner.microsoftonline.cn/" + chinaTenant + "/.well-known/openid-configuration", wantStatus: 200, wantField: "issuer", wantValue: "https://sts.chinacloudapi.cn/" + chinaTenant + "/"},
		{name: "tenant unknown in this cloud", url: "https://login.microsoftonline.com/" + chinaTenant + "/v2.0/.well-known/openid-configuration", wantStatus: 400, wantField: "error", wantValue: "invalid_tenant"},
		{name: "discovery for china", url: "https://login.microsoftonline.com/common/discovery/instance?api-version=1.1&authorization_endpoint=https://login.chinacloudapi.cn/" + chinaTenant + "/oauth2/v2.0/authorize", wantStatus: 200, wantField: "tenant_discovery_endpoint", wantValue: "https://login.chinacloudapi.cn/" + chinaTenant + "/v2.0/.well-known/openid-configuration"},
		{name: "discovery for an unknown host", url: "https://login.microsoftonline.com/common/discovery/instance?api-version=1.1&authorization_endpoint=https://login.example.test/t/oauth2/v2.0/authorize", wantStatus: 400, wantField: "error", wantValue: "invalid_instance"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req, _ := http.NewRequestWithContext(testContext(t), http.MethodGet, tt.url, nil)
			resp, err := srv.HTTPClient().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var body map[string]any
			if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.wantStatus || body[tt.wantField] != tt.wantValue {
				t.Errorf("status %d, %s = %v; want %d, %s", resp.StatusCode, tt.wantField, body[tt.wantField], tt.wantStatus, tt.wantValue)
			}
		})
	}
}

func TestV1TokenEndpoint(t *testing.T) {
	t.Parallel()
	srv, w := startWorld(t, "china-healthy")
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {chinaApp}, "client_secret": {w.Applications[0].Secrets[0].Value}, "resource": {"https://vault.azure.cn"}}
	resp, err := srv.HTTPClient().PostForm("https://login.chinacloudapi.cn/"+chinaTenant+"/oauth2/token", form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || body["resource"] != "https://vault.azure.cn" || body["expires_in"] != "3599" || body["access_token"] == nil {
		t.Errorf("status %d, body fields resource=%v expires_in=%v", resp.StatusCode, body["resource"], body["expires_in"])
	}
}
