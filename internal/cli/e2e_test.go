package cli

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/fakeazure"
)

func withEnv(env map[string]string, kv ...string) map[string]string {
	out := map[string]string{}
	for k, v := range env {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			delete(out, kv[i])
			continue
		}
		out[kv[i]] = kv[i+1]
	}
	return out
}

func cnVaultOf(w *fakeazure.World) *fakeazure.Vault { return &w.Vaults[0] }

// TestDiagnoseFindings runs kvdoctor end to end against the emulator for
// each failure it must name: the check, its status, the slug, and that the
// fix names the right command for the vault's cloud.
func TestDiagnoseFindings(t *testing.T) {
	t.Parallel()
	certPath := writeUnregisteredCert(t)
	fedTokenPath := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(fedTokenPath, []byte("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZGVmYXVsdDphcHAifQ.c2ln"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		world       func(*fakeazure.World)
		env         map[string]string
		args        []string
		check       string
		status      string
		slug        string
		wantCommand string
		wantExit    int
	}{
		{name: "nothing configured", env: map[string]string{}, check: "env", status: "fail", slug: catalog.EnvMissing, wantExit: 1},
		{name: "client id is no GUID", env: withEnv(chinaEnv(), "AZURE_CLIENT_ID", "mykeyvaultapp01"), check: "env", status: "fail", slug: catalog.EnvMalformed, wantExit: 1},
		{name: "tenant id in quotes", env: withEnv(chinaEnv(), "AZURE_TENANT_ID", `"`+cnTenant+`"`), check: "env", status: "fail", slug: catalog.EnvMalformed, wantExit: 1},
		{name: "secret ID pasted as the secret", env: withEnv(chinaEnv(), "AZURE_CLIENT_SECRET", cnSecretID), check: "env", status: "fail", slug: catalog.SecretLooksLikeID, wantCommand: "az ad app credential reset --id " + cnApp, wantExit: 1},
		{name: "secret ID rejected by Entra ID", env: withEnv(chinaEnv(), "AZURE_CLIENT_SECRET", cnSecretID), check: "token", status: "fail", slug: catalog.InvalidClientSecret, wantCommand: "az cloud set -n AzureChinaCloud", wantExit: 1},
		{name: "authority host without https", env: withEnv(chinaEnv(), "AZURE_AUTHORITY_HOST", "login.chinacloudapi.cn"), check: "env", status: "fail", slug: catalog.AuthorityInvalid, wantExit: 1},
		{name: "China vault, global authority", env: withEnv(chinaEnv(), "AZURE_AUTHORITY_HOST", ""), check: "cloud", status: "fail", slug: catalog.CloudMismatch, wantCommand: "export AZURE_AUTHORITY_HOST=https://login.chinacloudapi.cn", wantExit: 1},
		{name: "US Gov vault, China authority", env: map[string]string{"AZURE_TENANT_ID": govTenant, "AZURE_CLIENT_ID": govApp, "AZURE_CLIENT_SECRET": govSecret, "AZURE_AUTHORITY_HOST": chinaLogin}, args: []string{"--vault", govVault}, check: "cloud", status: "fail", slug: catalog.CloudMismatch, wantCommand: "export AZURE_AUTHORITY_HOST=https://login.microsoftonline.us", wantExit: 1},
		{name: "scope of the public cloud asked of the China authority", env: chinaEnv(), args: []string{"--scope", "https://vault.azure.net/.default"}, check: "token", status: "fail", slug: catalog.CloudMismatch, wantExit: 1},
		{name: "federated token not trusted", env: withEnv(chinaEnv(), "AZURE_CLIENT_SECRET", "", "AZURE_FEDERATED_TOKEN_FILE", fedTokenPath), check: "token", status: "fail", slug: catalog.FederatedTokenInvalid, wantExit: 1},
		{name: "RBAC role on the whole vault", world: func(w *fakeazure.World) {
			v := cnVaultOf(w)
			v.PermissionModel, v.AccessPolicies = fakeazure.ModelRBAC, nil
			v.RoleAssignments = []fakeazure.RoleAssignment{{PrincipalID: cnSP, Role: "Key Vault Secrets User", Scope: "/"}}
		}, env: chinaEnv(), check: "access", status: "pass", wantExit: 0},
		{name: "tenant unknown in its cloud", env: withEnv(chinaEnv(), "AZURE_TENANT_ID", "11111111-2222-4333-8444-555555555555"), check: "token", status: "fail", slug: catalog.TenantNotFound, wantExit: 1},
		{name: "app not in tenant", env: withEnv(chinaEnv(), "AZURE_CLIENT_ID", "22222222-3333-4444-8555-666666666666"), check: "token", status: "fail", slug: catalog.AppNotInTenant, wantExit: 1},
		{name: "wrong client secret", env: withEnv(chinaEnv(), "AZURE_CLIENT_SECRET", "Wrong8Q~notTheSecretAtAll.0123456789abcd"), check: "token", status: "fail", slug: catalog.InvalidClientSecret, wantCommand: "az ad app credential reset --id " + cnApp, wantExit: 1},
		{name: "client secret expired", world: func(w *fakeazure.World) {
			w.Applications[0].Secrets[0].EndDateTime = time.Now().Add(-48 * time.Hour).UTC().Truncate(time.Second)
		}, env: chinaEnv(), check: "token", status: "fail", slug: catalog.ClientSecretExpired, wantCommand: "az ad app credential reset --id " + cnApp, wantExit: 1},
		{name: "certificate path is a directory", env: withEnv(chinaEnv(), "AZURE_CLIENT_SECRET", "", "AZURE_CLIENT_CERTIFICATE_PATH", os.TempDir()), check: "env", status: "fail", slug: catalog.EnvMalformed, wantExit: 1},
		{name: "certificate not registered", env: withEnv(chinaEnv(), "AZURE_CLIENT_SECRET", "", "AZURE_CLIENT_CERTIFICATE_PATH", certPath), check: "token", status: "fail", slug: catalog.CertificateInvalid, wantExit: 1},
		{name: "local clock far from Entra ID's", world: func(w *fakeazure.World) { w.ClockSkewSeconds = 3 * 3600 }, env: chinaEnv(), check: "token", status: "warn", slug: catalog.ClockSkew, wantExit: 0},
		{name: "expired secret on a machine whose clock is off", world: func(w *fakeazure.World) {
			w.ClockSkewSeconds = 600
			w.Applications[0].Secrets[0].EndDateTime = time.Now().Add(-48 * time.Hour).UTC().Truncate(time.Second)
		}, env: chinaEnv(), check: "token", status: "fail", slug: catalog.ClientSecretExpired, wantExit: 1},
		{name: "vault in another tenant", world: func(w *fakeazure.World) { cnVaultOf(w).Tenant = cnOtherTenant }, env: chinaEnv(), check: "vault", status: "fail", slug: catalog.VaultTenantMismatch, wantCommand: "az keyvault show -n mykeyvalue01 --query properties.tenantId", wantExit: 1},
		{name: "vault in another tenant, the app not registered there", world: func(w *fakeazure.World) { cnVaultOf(w).Tenant = cnOtherTenant }, env: chinaEnv(), check: "vault", status: "fail", slug: catalog.AppNotInTenant, wantExit: 1},
		{name: "authority host without https, verified", env: withEnv(chinaEnv(), "AZURE_AUTHORITY_HOST", "login.partner.microsoftonline.cn"), check: "token", status: "pass", slug: "", wantExit: 1},
		{name: "token of another tenant presented (AKV10032)", world: func(w *fakeazure.World) { cnVaultOf(w).Tenant = cnOtherTenant }, env: chinaEnv(), args: []string{"--no-verify"}, check: "access", status: "fail", slug: catalog.VaultTenantMismatch, wantExit: 1},
		{name: "token for ARM, not Key Vault", env: chinaEnv(), args: []string{"--scope", "https://management.chinacloudapi.cn/.default"}, check: "claims", status: "fail", slug: catalog.TokenAudienceWrong, wantExit: 1},
		{name: "token for ARM presented (AKV10022)", env: chinaEnv(), args: []string{"--scope", "https://management.chinacloudapi.cn/.default", "--no-verify"}, check: "access", status: "fail", slug: catalog.TokenAudienceWrong, wantExit: 1},
		{name: "sign-in host resets the connection", world: func(w *fakeazure.World) {
			w.Faults = []fakeazure.Fault{{Host: "login.chinacloudapi.cn", Kind: fakeazure.FaultReset}}
		}, env: chinaEnv(), check: "token", status: "fail", slug: catalog.AuthorityUnreachable, wantCommand: "nslookup login.chinacloudapi.cn", wantExit: 1},
		{name: "captive portal answers for the sign-in host", world: func(w *fakeazure.World) {
			w.Faults = []fakeazure.Fault{{Host: "login.chinacloudapi.cn", Kind: fakeazure.FaultHTML}}
		}, env: chinaEnv(), check: "token", status: "fail", slug: catalog.AuthorityUnreachable, wantExit: 1},
		{name: "vault name does not resolve", env: chinaEnv(), args: []string{"--vault", "https://nosuchvault42.vault.azure.cn"}, check: "vault", status: "fail", slug: catalog.VaultNotFound, wantExit: 1},
		{name: "captive portal answers for the vault", world: func(w *fakeazure.World) {
			w.Faults = []fakeazure.Fault{{Host: "mykeyvalue01.vault.azure.cn", Kind: fakeazure.FaultHTML}}
		}, env: chinaEnv(), check: "vault", status: "fail", slug: catalog.NotKeyVault, wantExit: 1},
		{name: "vault throttles", world: func(w *fakeazure.World) {
			w.Faults = []fakeazure.Fault{{Host: "mykeyvalue01.vault.azure.cn", Kind: fakeazure.FaultThrottle}}
		}, env: chinaEnv(), check: "vault", status: "fail", slug: catalog.Throttled, wantExit: 1},
		{name: "firewall denies the client address", world: func(w *fakeazure.World) {
			cnVaultOf(w).Network = &fakeazure.Network{PublicNetworkAccess: "Enabled", DefaultAction: "Deny", IPRules: []string{"198.51.100.0/24"}}
		}, env: chinaEnv(), check: "access", status: "fail", slug: catalog.FirewallDenied, wantCommand: "az keyvault network-rule add", wantExit: 1},
		{name: "public access disabled", world: func(w *fakeazure.World) {
			cnVaultOf(w).Network = &fakeazure.Network{PublicNetworkAccess: "Disabled", DefaultAction: "Deny"}
		}, env: chinaEnv(), check: "access", status: "fail", slug: catalog.PrivateLinkOnly, wantExit: 1},
		{name: "no access policy", world: func(w *fakeazure.World) { cnVaultOf(w).AccessPolicies = nil }, env: chinaEnv(), check: "access", status: "fail", slug: catalog.AccessPolicyMissingGet, wantCommand: "az keyvault set-policy -n mykeyvalue01 --spn " + cnApp, wantExit: 1},
		{name: "RBAC vault without a role", world: func(w *fakeazure.World) {
			v := cnVaultOf(w)
			v.PermissionModel, v.AccessPolicies = fakeazure.ModelRBAC, nil
		}, env: chinaEnv(), args: []string{"--secret", "mysecret"}, check: "access", status: "fail", slug: catalog.RBACRoleMissing, wantCommand: `az role assignment create --role "Key Vault Secrets User" --assignee ` + cnApp, wantExit: 1},
		{name: "RBAC role scoped to one secret, no --secret", world: func(w *fakeazure.World) {
			v := cnVaultOf(w)
			v.PermissionModel, v.AccessPolicies = fakeazure.ModelRBAC, nil
			v.RoleAssignments = []fakeazure.RoleAssignment{{PrincipalID: cnSP, Role: "Key Vault Secrets User", Scope: "/secrets/mysecret"}}
		}, env: chinaEnv(), check: "access", status: "warn", slug: catalog.AccessUnproven, wantExit: 0},
		{name: "RBAC role scoped to one secret, --secret proves it", world: func(w *fakeazure.World) {
			v := cnVaultOf(w)
			v.PermissionModel, v.AccessPolicies = fakeazure.ModelRBAC, nil
			v.RoleAssignments = []fakeazure.RoleAssignment{{PrincipalID: cnSP, Role: "Key Vault Secrets User", Scope: "/secrets/mysecret"}}
		}, env: chinaEnv(), args: []string{"--secret", "mysecret"}, check: "access", status: "warn", slug: catalog.ListDenied, wantExit: 0},
		{name: "get granted, list denied", world: func(w *fakeazure.World) { cnVaultOf(w).AccessPolicies[0].Secrets = []string{"get"} }, env: chinaEnv(), check: "access", status: "warn", slug: catalog.ListDenied, wantExit: 0},
		{name: "secret does not exist", env: chinaEnv(), args: []string{"--secret", "nosuchsecret"}, check: "access", status: "fail", slug: catalog.SecretNotFound, wantExit: 1},
		{name: "secret disabled", world: func(w *fakeazure.World) { cnVaultOf(w).Secrets[0].Enabled = enabled(false) }, env: chinaEnv(), args: []string{"--secret", "mysecret"}, check: "access", status: "fail", slug: catalog.SecretDisabled, wantCommand: "az keyvault secret set-attributes --vault-name mykeyvalue01 -n mysecret --enabled true", wantExit: 1},
		{name: "vault host is a privatelink name", env: chinaEnv(), args: []string{"--vault", "https://mykeyvalue01.privatelink.vaultcore.azure.cn"}, check: "cloud", status: "fail", slug: catalog.VaultURLInvalid, wantExit: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			w := healthyWorld()
			if tt.world != nil {
				tt.world(w)
			}
			args := tt.args
			if !slices.Contains(args, "--vault") {
				args = append([]string{"--vault", cnVault}, args...)
			}
			r := runKV(t, w, tt.env, append(args, "--format", "json", "--verbose")...)
			if r.code != tt.wantExit {
				t.Errorf("exit = %d, want %d; stderr: %s", r.code, tt.wantExit, r.stderr)
			}
			status, codes := r.check(tt.check)
			if status != tt.status || (tt.slug != "" && !slices.Contains(codes, tt.slug)) {
				t.Fatalf("check %s = %s %v, want %s with %s\n%s", tt.check, status, codes, tt.status, tt.slug, r.stdout)
			}
			for i, c := range codes {
				if slices.Contains(codes[i+1:], c) {
					t.Errorf("check %s reports %s twice", tt.check, c)
				}
			}
			if tt.wantCommand != "" && !strings.Contains(r.stdout, jsonEscape(tt.wantCommand)) {
				t.Errorf("no fix command %q in the report:\n%s", tt.wantCommand, r.stdout)
			}
			assertNoCanary(t, r)
		})
	}
}

// TestHealthyInEveryCloud: a correctly configured app passes every check,
// in every cloud, within the request budget.
func TestHealthyInEveryCloud(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		vault string
		env   map[string]string
	}{
		{"AzureChinaCloud", cnVault, chinaEnv()},
		{"AzureCloud", pubVault, map[string]string{"AZURE_TENANT_ID": pubTenant, "AZURE_CLIENT_ID": pubApp, "AZURE_CLIENT_SECRET": pubSecret}},
		{"AzureUSGovernment", govVault, map[string]string{"AZURE_TENANT_ID": govTenant, "AZURE_CLIENT_ID": govApp, "AZURE_CLIENT_SECRET": govSecret, "AZURE_AUTHORITY_HOST": "https://login.microsoftonline.us"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := runKV(t, healthyWorld(), tt.env, "--vault", tt.vault, "--secret", "mysecret", "--format", "json")
			if r.code != 0 || r.report.Status != "pass" {
				t.Fatalf("exit %d, status %s, want 0 pass:\n%s%s", r.code, r.report.Status, r.stdout, r.stderr)
			}
			for _, c := range r.report.Checks {
				if c.Status != "pass" {
					t.Errorf("check %s = %s, want pass", c.ID, c.Status)
				}
			}
			if n := len(r.srv.Log()); n > 7 {
				t.Errorf("%d HTTP requests, want at most 7: %+v", n, r.srv.Log())
			}
			assertNoCanary(t, r)
		})
	}
}

// TestCloudMismatchAndMissingPolicyInOneRun: both problems in one run, the
// cloud mismatch verified by a token the corrected authority really issued.
func TestCloudMismatchAndMissingPolicyInOneRun(t *testing.T) {
	t.Parallel()
	w := healthyWorld()
	cnVaultOf(w).AccessPolicies = nil
	r := runKV(t, w, withEnv(chinaEnv(), "AZURE_AUTHORITY_HOST", ""), "--vault", cnVault, "--format", "json")
	var mismatchVerified bool
	for _, c := range r.report.Checks {
		for _, f := range c.Findings {
			if c.ID == "cloud" && f.Code == catalog.CloudMismatch && f.Verified {
				mismatchVerified = true
			}
		}
	}
	if !mismatchVerified {
		t.Errorf("cloud-mismatch not reported as verified:\n%s", r.stdout)
	}
	if _, codes := r.check("access"); !slices.Contains(codes, catalog.AccessPolicyMissingGet) {
		t.Errorf("access findings %v, want %s", codes, catalog.AccessPolicyMissingGet)
	}
	issued := false
	for _, e := range r.srv.Log() {
		if e.Host == "login.chinacloudapi.cn" && e.Method == "POST" && e.Path == "/"+cnTenant+"/oauth2/v2.0/token" && e.Status == 200 {
			issued = true
		}
	}
	if !issued {
		t.Errorf("the emulator log shows no token issued by login.chinacloudapi.cn: %+v", r.srv.Log())
	}
}

func jsonEscape(s string) string { return strings.ReplaceAll(s, `"`, `\"`) }

// writeUnregisteredCert writes a certificate and key that no app registered.
func writeUnregisteredCert(t *testing.T) string {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "unregistered"}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "app.pem")
	data := append(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER})...)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// assertNoCanary fails when a client secret, a secret's value, or a token
// the emulator issued (or its signature) appears in the run's output.
func assertNoCanary(t *testing.T, r run) {
	t.Helper()
	assertNoLeak(t, r, canaries, nil)
}

// TestGUIDShapedSecretThatWorks: a GUID-shaped secret that Entra ID accepts
// clears the warning.
func TestGUIDShapedSecretThatWorks(t *testing.T) {
	t.Parallel()
	w := healthyWorld()
	w.Applications[0].Secrets[0].Value = "4f5e6d7c-8b9a-4c0d-9e1f-2a3b4c5d6e7f"
	r := runKV(t, w, withEnv(chinaEnv(), "AZURE_CLIENT_SECRET", "4f5e6d7c-8b9a-4c0d-9e1f-2a3b4c5d6e7f"), "--vault", cnVault, "--format", "json")
	if status, codes := r.check("env"); status != "pass" || len(codes) != 0 {
		t.Errorf("env = %s %v, want pass with the warning cleared", status, codes)
	}
	if r.code != 0 {
		t.Errorf("exit %d", r.code)
	}
}
