package fakeazure_test

import (
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"

	"github.com/kvdoctor/kvdoctor/internal/fakeazure"
)

// staticToken is a credential that always presents one token, as an app
// does that was handed a token from elsewhere (az, another tenant, ARM).
type staticToken string

func (s staticToken) GetToken(context.Context, policy.TokenRequestOptions) (azcore.AccessToken, error) {
	return azcore.AccessToken{Token: string(s), ExpiresOn: time.Now().Add(time.Hour)}, nil
}

// tokenFor gets a real token from the emulator with the world's first app.
func tokenFor(t *testing.T, srv *fakeazure.Server, c cloud.Configuration, app fakeazure.Application, tenant, scope string) string {
	t.Helper()
	cred := secretCredential(t, srv, c, tenant, app.ClientID, app.Secrets[0].Value)
	tok, err := cred.GetToken(testContext(t), policy.TokenRequestOptions{Scopes: []string{scope}})
	if err != nil {
		t.Fatalf("GetToken %s: %v", scope, err)
	}
	return tok.Token
}

// combinedWorld is the China world plus the public one: two clouds at once.
func combinedWorld(t *testing.T) *fakeazure.World {
	w := loadWorld(t, "china-healthy")
	p := loadWorld(t, "public-healthy")
	w.Tenants = append(w.Tenants, p.Tenants...)
	w.Applications = append(w.Applications, p.Applications...)
	w.Vaults = append(w.Vaults, p.Vaults...)
	return w
}

func TestKeyVaultErrorsThroughAzsecrets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		world       string
		secret      string
		credential  func(t *testing.T, srv *fakeazure.Server, w *fakeazure.World) azcore.TokenCredential
		want        kvFailure
		wantMessage string
	}{
		{
			name: "access policy missing", world: "china-missing-policy", secret: "mysecret",
			want:        kvFailure{Status: 403, ErrorCode: "Forbidden", Inner: "AccessDenied"},
			wantMessage: "does not have secrets get permission on key vault 'mykeyvalue01;location=chinanorth3'",
		},
		{
			name: "rbac without a role on the secret", world: "china-rbac", secret: "mysecret",
			want:        kvFailure{Status: 403, ErrorCode: "Forbidden", Inner: "ForbiddenByRbac"},
			wantMessage: "\r\nAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'\r\n",
		},
		{
			name: "firewall", world: "china-firewall", secret: "mysecret",
			want:        kvFailure{Status: 403, ErrorCode: "Forbidden", Inner: "ForbiddenByFirewall"},
			wantMessage: "\r\nClient address: 203.0.113.7\r\n",
		},
		{
			name: "public network access disabled", world: "china-private", secret: "mysecret",
			want:        kvFailure{Status: 403, ErrorCode: "Forbidden", Inner: "ForbiddenByConnection"},
			wantMessage: "Public network access is disabled",
		},
		{
			name: "secret not found", world: "china-healthy", secret: "nosuchsecret",
			want:        kvFailure{Status: 404, ErrorCode: "SecretNotFound"},
			wantMessage: "A secret with (name/id) nosuchsecret was not found in this key vault.",
		},
		{
			name: "secret disabled", world: "china-healthy", secret: "oldsecret",
			want:        kvFailure{Status: 403, ErrorCode: "Forbidden", Inner: "SecretDisabled"},
			wantMessage: "Operation get is not allowed on a disabled secret.",
		},
		{
			name: "empty bearer token (a proxy strips it)", world: "china-healthy", secret: "mysecret",
			credential: func(*testing.T, *fakeazure.Server, *fakeazure.World) azcore.TokenCredential {
				return staticToken("")
			},
			want:        kvFailure{Status: 401, ErrorCode: "Unauthorized"},
			wantMessage: "AKV10000: Request is missing a Bearer, PoP, or MTLS_POP token.",
		},
		{
			name: "resource manager token", world: "china-healthy", secret: "mysecret",
			credential: func(t *testing.T, srv *fakeazure.Server, w *fakeazure.World) azcore.TokenCredential {
				return staticToken(tokenFor(t, srv, cloud.AzureChina, w.Applications[0], chinaTenant, "https://management.chinacloudapi.cn/.default"))
			},
			want:        kvFailure{Status: 401, ErrorCode: "Unauthorized"},
			wantMessage: "AKV10022: Invalid audience. Expected https://vault.azure.cn, found: https://management.chinacloudapi.cn.",
		},
		{
			name: "token of another tenant", world: "china-other-tenant", secret: "mysecret",
			credential: func(t *testing.T, srv *fakeazure.Server, w *fakeazure.World) azcore.TokenCredential {
				return staticToken(tokenFor(t, srv, cloud.AzureChina, w.Applications[0], chinaTenant, "https://vault.azure.cn/.default"))
			},
			want:        kvFailure{Status: 401, ErrorCode: "Unauthorized"},
			wantMessage: "AKV10032: Invalid issuer. Expected one of https://sts.chinacloudapi.cn/6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e02/",
		},
		{
			name: "signature from no key of this cloud", world: "china-healthy", secret: "mysecret",
			credential: func(t *testing.T, srv *fakeazure.Server, w *fakeazure.World) azcore.TokenCredential {
				vault := tokenFor(t, srv, cloud.AzureChina, w.Applications[0], chinaTenant, "https://vault.azure.cn/.default")
				arm := tokenFor(t, srv, cloud.AzureChina, w.Applications[0], chinaTenant, "https://management.chinacloudapi.cn/.default")
				return staticToken(vault[:strings.LastIndex(vault, ".")] + arm[strings.LastIndex(arm, "."):])
			},
			want:        kvFailure{Status: 401, ErrorCode: "Unauthorized"},
			wantMessage: "AKV10046: Unable to resolve the key used for signature validation.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, w := startWorld(t, tt.world)
			var cred azcore.TokenCredential
			if tt.credential != nil {
				cred = tt.credential(t, srv, w)
			} else {
				app := w.Applications[0]
				cred = secretCredential(t, srv, cloud.AzureChina, app.HomeTenant, app.ClientID, app.Secrets[0].Value)
			}
			_, err := secretClient(t, srv, cloud.AzureChina, chinaVault, cred).GetSecret(testContext(t), tt.secret, "", nil)
			if err == nil {
				t.Fatal("GetSecret succeeded, want a Key Vault error")
			}
			got := keyVaultFailure(t, err)
			if got.Status != tt.want.Status || got.ErrorCode != tt.want.ErrorCode || got.Inner != tt.want.Inner {
				t.Errorf("got %d %s/%s, want %d %s/%s", got.Status, got.ErrorCode, got.Inner, tt.want.Status, tt.want.ErrorCode, tt.want.Inner)
			}
			if !strings.Contains(got.Message, tt.wantMessage) {
				t.Errorf("message %q lacks %q", got.Message, tt.wantMessage)
			}
		})
	}
}

// TestAnotherCloudsTokenIsWrongAudience presents a public-cloud Key Vault
// token to a China vault: real Key Vault answers AKV10022.
func TestAnotherCloudsTokenIsWrongAudience(t *testing.T) {
	t.Parallel()
	w := combinedWorld(t)
	srv := fakeazure.Start(t, w, fakeazure.Options{})
	tok := tokenFor(t, srv, cloud.AzurePublic, w.Applications[1], publicTenant, "https://vault.azure.net/.default")
	_, err := secretClient(t, srv, cloud.AzureChina, chinaVault, staticToken(tok)).GetSecret(testContext(t), "mysecret", "", nil)
	got := keyVaultFailure(t, err)
	if got.Status != 401 || !strings.Contains(got.Message, "AKV10022: Invalid audience. Expected https://vault.azure.cn, found: https://vault.azure.net.") {
		t.Errorf("got %d %q", got.Status, got.Message)
	}
}

// TestExpiredToken lets the token the client cached expire on the
// emulator's clock; the client resends it and gets TokenExpired.
func TestExpiredToken(t *testing.T) {
	t.Parallel()
	srv, w := startWorld(t, "china-healthy")
	app := w.Applications[0]
	cred := secretCredential(t, srv, cloud.AzureChina, app.HomeTenant, app.ClientID, app.Secrets[0].Value)
	client := secretClient(t, srv, cloud.AzureChina, chinaVault, cred)
	if _, err := client.GetSecret(testContext(t), "mysecret", "", nil); err != nil {
		t.Fatal(err)
	}
	srv.AdvanceClock(2 * time.Hour)
	_, err := client.GetSecret(testContext(t), "mysecret", "", nil)
	got := keyVaultFailure(t, err)
	if got.Status != 401 || got.Message != "[TokenExpired] Error validating token: 'S2S12086'." {
		t.Errorf("got %d %q", got.Status, got.Message)
	}
}

// TestUnknownAPIVersion: Key Vault checks the api-version before anything
// else, so even the unauthenticated first request fails.
func TestUnknownAPIVersion(t *testing.T) {
	t.Parallel()
	srv, w := startWorld(t, "china-healthy")
	app := w.Applications[0]
	cred := secretCredential(t, srv, cloud.AzureChina, app.HomeTenant, app.ClientID, app.Secrets[0].Value)
	opts := clientOptions(srv, cloud.AzureChina)
	opts.APIVersion = "9.9"
	client, err := azsecrets.NewClient(chinaVault, cred, &azsecrets.ClientOptions{ClientOptions: opts})
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.GetSecret(testContext(t), "mysecret", "", nil)
	if got := keyVaultFailure(t, err); got.Status != 400 || got.ErrorCode != "BadParameter" || !strings.Contains(got.Message, "(9.9)") {
		t.Errorf("got %+v", got)
	}
	if n := len(srv.IssuedTokens()); n != 0 {
		t.Errorf("a token was issued (%d) though the first request failed", n)
	}
}

func TestListSecrets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		world     string
		wantInner string
		wantCount int
	}{
		{name: "access policy with list", world: "china-healthy", wantCount: 2},
		{name: "rbac reader at the vault", world: "china-rbac", wantCount: 3},
		{name: "access policy missing", world: "china-missing-policy", wantInner: "AccessDenied"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, w := startWorld(t, tt.world)
			app := w.Applications[0]
			cred := secretCredential(t, srv, cloud.AzureChina, app.HomeTenant, app.ClientID, app.Secrets[0].Value)
			pager := secretClient(t, srv, cloud.AzureChina, chinaVault, cred).NewListSecretPropertiesPager(nil)
			page, err := pager.NextPage(testContext(t))
			if tt.wantInner != "" {
				got := keyVaultFailure(t, err)
				if got.Inner != tt.wantInner || !strings.Contains(got.Message, "secrets list permission") {
					t.Errorf("got %s %q", got.Inner, got.Message)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Value) != tt.wantCount {
				t.Errorf("listed %d secrets, want %d", len(page.Value), tt.wantCount)
			}
			for _, p := range page.Value {
				if p.ID == nil || !strings.HasPrefix(string(*p.ID), chinaVault+"/secrets/") {
					t.Errorf("bad id %v", p.ID)
				}
			}
			if pager.More() {
				t.Error("pager says there is more")
			}
		})
	}
}

func TestChallengeAndHeaders(t *testing.T) {
	t.Parallel()
	srv, _ := startWorld(t, "china-healthy")
	resp, err := srv.HTTPClient().Get(chinaVault + "/secrets/mysecret/?api-version=2026-04-01")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 401 {
		t.Errorf("status = %d", resp.StatusCode)
	}
	wantHeaders := map[string]string{
		"WWW-Authenticate":              `Bearer authorization="https://login.chinacloudapi.cn/` + chinaTenant + `", resource="https://vault.azure.cn"`,
		"X-Ms-Keyvault-Region":          "chinanorth3",
		"X-Ms-Keyvault-Network-Info":    "conn_type=Ipv4;addr=203.0.113.7;act_addr_fam=InterNetwork;",
		"X-Ms-Keyvault-Service-Version": "1.9.3347.1",
	}
	for k, v := range wantHeaders {
		if got := resp.Header.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if resp.Header.Get("X-Ms-Request-Id") == "" {
		t.Error("no x-ms-request-id")
	}
	if want := `{"error":{"code":"Unauthorized","message":"AKV10000: Request is missing a Bearer, PoP, or MTLS_POP token."}}`; string(body) != want {
		t.Errorf("body = %s", body)
	}
}

func TestAPIVersionIsCheckedFirst(t *testing.T) {
	t.Parallel()
	srv, _ := startWorld(t, "china-healthy")
	tests := []struct {
		name       string
		version    string
		wantStatus int
	}{
		{name: "azsecrets v1.5.1", version: "2026-04-01", wantStatus: 401},
		{name: "debian python sdk", version: "7.3", wantStatus: 401},
		{name: "7.0", version: "7.0", wantStatus: 401},
		{name: "7.6", version: "7.6", wantStatus: 401},
		{name: "2025-07-01", version: "2025-07-01", wantStatus: 401},
		{name: "unknown", version: "9.9", wantStatus: 400},
		{name: "preview", version: "2026-03-01-preview", wantStatus: 400},
		{name: "missing", version: "", wantStatus: 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resp, err := srv.HTTPClient().Get(chinaVault + "/secrets/mysecret?api-version=" + tt.version)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var body struct {
				Error struct{ Code string } `json:"error"`
			}
			_ = json.NewDecoder(resp.Body).Decode(&body)
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			if tt.wantStatus == 400 && body.Error.Code != "BadParameter" {
				t.Errorf("code = %q, want BadParameter", body.Error.Code)
			}
			if resp.Header.Get("X-Ms-Keyvault-Region") == "" {
				t.Error("Key Vault headers missing")
			}
		})
	}
}
