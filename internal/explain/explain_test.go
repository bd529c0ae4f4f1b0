package explain

import (
	"os"
	"strings"
	"testing"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// seed is the example of the issue: a Python app in Azure China.
const seed = `DefaultAzureCredential failed to retrieve a token from the included credentials.
Attempted credentials:
EnvironmentCredential: EnvironmentCredential authentication unavailable. Environment variables are not fully configured.
ManagedIdentityCredential: ManagedIdentityCredential authentication unavailable, no managed identity endpoint found.
SharedTokenCacheCredential: Azure Active Directory error '(invalid_resource) AADSTS500011: The resource principal named https://vault.azure.cn was not found in the tenant named xxxxxxxx-... '
`

func TestExplain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		text     string
		want     string
		conf     Confidence
		also     string
		notFound bool
	}{
		{name: "seed: no credential of its own, cache asked the wrong cloud", text: seed, want: catalog.EnvMissing, conf: Medium, also: catalog.CloudMismatch},
		{name: "bare AADSTS90002", text: "AADSTS90002: Tenant 'x' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.",
			want: catalog.CloudMismatch, conf: Medium, also: catalog.TenantNotFound},
		{name: "AADSTS90002 with vault and authority of one cloud", text: "GET https://kv1.vault.azure.cn/secrets/a\nPOST https://login.chinacloudapi.cn/t/oauth2/v2.0/token\nAADSTS90002: Tenant 't' not found.",
			want: catalog.TenantNotFound, conf: High},
		{name: "AADSTS90002 with a China vault and the global authority", text: "GET https://kv1.vault.azure.cn/secrets/a\nPOST https://login.microsoftonline.com/t/oauth2/v2.0/token\nAADSTS90002: Tenant 't' not found.",
			want: catalog.CloudMismatch, conf: High, also: catalog.TenantNotFound},
		{name: "AADSTS900023 tenant not a GUID", text: "AADSTS900023: Specified tenant identifier 'my tenant' is neither a valid DNS name, nor a valid external domain.",
			want: catalog.EnvMalformed, conf: High},
		{name: "China resource with global authority", text: "POST https://login.microsoftonline.com/t/oauth2/v2.0/token\nEnvironmentCredential: Authentication failed: AADSTS500011: The resource principal named https://vault.azure.cn was not found in the tenant named Contoso.",
			want: catalog.CloudMismatch, conf: High},
		{name: "vault URL as resource", text: `AADSTS500011: The resource principal named https://myvault.vault.azure.net was not found in the tenant named x.`,
			want: catalog.ScopeInvalid, conf: High},
		{name: "placeholder resource", text: `AADSTS500011: The resource principal named <resource> was not found in the tenant named x.`,
			want: catalog.ScopeInvalid, conf: High},
		{name: "US Gov vault, public audience", text: `AKV10022: Invalid audience. Expected https://vault.usgovcloudapi.net, found: https://vault.azure.net.`,
			want: catalog.CloudMismatch, conf: High},
		{name: "ARM token at the vault", text: `{"error":{"code":"Unauthorized","message":"AKV10022: Invalid audience. Expected https://vault.azure.net, found: https://management.azure.com/."}}`,
			want: catalog.TokenAudienceWrong, conf: High},
		{name: "issuer of another cloud", text: `AKV10032: Invalid issuer. Expected one of https://sts.chinacloudapi.cn/1111/, found https://sts.windows.net/9999/.`,
			want: catalog.CloudMismatch, conf: High},
		{name: "secret not found", text: `{"error":{"code":"SecretNotFound","message":"A secret with (name/id) db-pass was not found in this key vault."}}`,
			want: catalog.SecretNotFound, conf: High},
		{name: "429", text: `RESPONSE 429: 429 Too Many Requests
ERROR CODE: Throttled`, want: catalog.Throttled, conf: High},
		{name: "list permission", text: `The user, group or application 'appid=a;oid=b;iss=https://sts.windows.net/t/' does not have secrets list permission on key vault 'kv;location=x'.`,
			want: catalog.ListDenied, conf: High},
		{name: "Go DNS", text: `dial tcp: lookup myvault.vault.azure.net on 127.0.0.53:53: no such host`, want: catalog.VaultNotFound, conf: Medium},
		{name: "Go TLS", text: `Get "https://kv.vault.azure.net/secrets/x": tls: failed to verify certificate: x509: certificate signed by unknown authority`,
			want: catalog.TLSUntrusted, conf: High},
		{name: "Java PKIX", text: `javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException`,
			want: catalog.TLSUntrusted, conf: High},
		{name: "Go proxy", text: `proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused`, want: catalog.ProxyProblem, conf: Medium},
		{name: "timeout to vault", text: `Get "https://kv.vault.azure.net/secrets/x": dial tcp 20.1.1.1:443: i/o timeout`, want: catalog.VaultUnreachable, conf: Medium},
		{name: "CLI expired refresh token", text: "ERROR: AADSTS700082: The refresh token has expired due to inactivity.\nTo re-authenticate, please run:\naz login",
			want: catalog.CLINotLoggedIn, conf: High},
		{name: "federated credential", text: `AADSTS70021: No matching federated identity record found for presented assertion.`, want: catalog.FederatedTokenInvalid, conf: High},
		{name: "every credential unavailable, on App Service", text: "DefaultAzureCredential failed to retrieve a token from the included credentials.\n" +
			"- EnvironmentCredential authentication unavailable. Environment variables are not fully configured.\n" +
			"- ManagedIdentityCredential authentication unavailable. No Managed Identity endpoint found.\n" +
			`- Visual Studio Token provider can't be accessed at D:\home\LocalAppData\.IdentityService\tokenprovider.json`,
			want: catalog.ManagedIdentityUnavailable, conf: Medium},
		{name: "AADSTS70011 is not token-failed", text: "AADSTS70011: The provided value for the input parameter 'scope' is not valid.", want: catalog.ScopeInvalid, conf: High},
		{name: "unknown AADSTS is token-failed, never high", text: "AADSTS53003: Access has been blocked by Conditional Access policies.", want: catalog.TokenFailed, conf: Medium},
		{name: "quoted tenant id", text: `AADSTS90002: Tenant '"72f988bf-86f1-41af-91ab-2d7cd011db47"' not found.`, want: catalog.EnvMalformed, conf: High},
		{name: "client id with a trailing space", text: `AADSTS700016: Application with identifier '9267f2f6-1160-4dc9-b4e7-988ea7987eb7 ' was not found in the directory 'x'.`,
			want: catalog.EnvMalformed, conf: High},
		{name: "az not signed in", text: "ERROR: Please run 'az login' to setup account.", want: catalog.CLINotLoggedIn, conf: Medium},
		{name: "Go chain, CLI not signed in: no credential of its own", text: "DefaultAzureCredential: failed to acquire a token.\nAttempted credentials:\n" +
			"\tEnvironmentCredential: missing environment variable AZURE_TENANT_ID\n" +
			"\tManagedIdentityCredential: managed identity timed out. See https://aka.ms/azsdk/go/identity/troubleshoot#dac for more information\n" +
			"\tAzureCLICredential: ERROR: Please run 'az login' to setup account.\n", want: catalog.EnvMissing, conf: Medium, also: catalog.CLINotLoggedIn},
		{name: "managed identity endpoint answered", text: "DefaultAzureCredential: failed to acquire a token.\nAttempted credentials:\n" +
			"\tEnvironmentCredential: missing environment variable AZURE_TENANT_ID\n" +
			"\tManagedIdentityCredential: IMDS token request failed: status 400 Bad Request: Identity not found\n", want: catalog.ManagedIdentityUnavailable, conf: Medium},
		{name: "public vault, China scope", text: "GET https://kv1.vault.azure.net/secrets/db\nscope=https://vault.azure.cn/.default", want: catalog.CloudMismatch, conf: Medium},
		{name: "scope sent as a v1 resource", text: `AADSTS500011: The resource principal named https://vault.azure.net/.default was not found in the tenant named x.`,
			want: catalog.ScopeInvalid, conf: High},
		{name: "URL-encoded form body", text: "body: scope=https%3A%2F%2Fvault.azure.cn%2F.default\nAADSTS500011: The resource principal named https://vault.azure.cn was not found in the tenant named x.", want: catalog.CloudMismatch, conf: Medium},
		{name: "sign-in host does not resolve", text: `RestError: getaddrinfo EAI_AGAIN login.microsoftonline.com`, want: catalog.AuthorityUnreachable, conf: Medium},
		{name: "vault host does not resolve", text: `Error: getaddrinfo ENOTFOUND myvault.vault.azure.net`, want: catalog.VaultNotFound, conf: Medium},
		{name: "App Service managed identity refused", text: "ManagedIdentityCredential authentication failed: Service request failed.\nStatus: 400 (Bad Request)\n\nContent:\n" +
			`{"statusCode":400,"message":"Unable to load the proper Managed Identity."}`, want: catalog.ManagedIdentityUnavailable, conf: Medium},
		{name: "CLI credential in the wrong cloud", text: "AzureCliCredential: ERROR: AADSTS90002: Tenant '1111' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.",
			want: catalog.CLIWrongCloud, conf: Medium},
		{name: "CLI credential expired", text: "DefaultAzureCredential failed to retrieve a token from the included credentials.\nAttempted credentials:\n" +
			"\tEnvironmentCredential: EnvironmentCredential authentication unavailable. Environment variables are not fully configured.\n" +
			"\tAzureCliCredential: ERROR: AADSTS700082: The refresh token has expired due to inactivity.", want: catalog.CLINotLoggedIn, conf: High},
		{name: "app not found across clouds", text: "GET https://kv1.vault.azure.cn/secrets/db\nPOST https://login.microsoftonline.com/t/oauth2/v2.0/token\n" +
			"AADSTS700016: Application with identifier 'a' was not found in the directory 'd'.", want: catalog.CloudMismatch, conf: High, also: catalog.AppNotInTenant},
		{name: "bare 403 from Key Vault", text: "Get-AzKeyVaultSecret : Operation returned an invalid status code 'Forbidden'", want: catalog.RBACRoleMissing, conf: Low},
		{name: "bare 401 from a vault", text: "GET https://kv1.vault.azure.net/secrets/db -> 401 Unauthorized\nStatus: 401", want: catalog.TokenFailed, conf: Low},
		{name: "a 403 elsewhere is nothing", text: "GET https://example.com/ Status: 403", notFound: true},
		{name: "pod identity without an identity", text: "failed to get keyvault client: failed to get authorizer for keyvault client: nmi response failed with status code: 404",
			want: catalog.ManagedIdentityUnavailable, conf: Medium},
		{name: "URL wrapped mid-word", text: "AADSTS500011: The resource principal named https://vault.azure.\ncn was not found in the tenant named x.",
			want: catalog.CloudMismatch, conf: Medium},
		{name: "code cut short", text: "error_description: AADSTS500", notFound: true},
		{name: "nothing recognised", text: "panic: runtime error: index out of range [3] with length 3", notFound: true},
		{name: "empty", text: "", notFound: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := Explain([]byte(tt.text))
			if tt.notFound {
				if res.Primary != nil {
					t.Fatalf("primary = %s, want nothing recognised", res.Primary.Finding.Code)
				}
				return
			}
			if res.Primary == nil {
				t.Fatalf("nothing recognised, want %s", tt.want)
			}
			if res.Primary.Finding.Code != tt.want || res.Primary.Confidence != tt.conf {
				t.Errorf("primary = %s (%s), want %s (%s); findings %v", res.Primary.Finding.Code, res.Primary.Confidence, tt.want, tt.conf, codes(res.Findings))
			}
			if tt.also != "" && !hasFinding(res, tt.also) {
				t.Errorf("findings %v lack %s", codes(res.Findings), tt.also)
			}
		})
	}
}

// TestPastedForms feeds the seed as people paste it: it must read the same.
func TestPastedForms(t *testing.T) {
	t.Parallel()
	jsonEscaped := strings.NewReplacer("\n", `\r\n`, `'`, `\"`).Replace(seed)
	tests := []struct {
		name string
		text string
	}{
		{name: "CRLF", text: strings.ReplaceAll(seed, "\n", "\r\n")},
		{name: "ANSI colours", text: "\x1b[31m" + strings.ReplaceAll(seed, "SharedTokenCacheCredential:", "\x1b[1mSharedTokenCacheCredential:\x1b[0m") + "\x1b[0m"},
		{name: "JSON-escaped", text: `{"message":"` + jsonEscaped + `"}`},
		{name: "HTML-escaped", text: strings.NewReplacer("'", "&#39;", "<", "&lt;", ">", "&gt;").Replace(seed)},
		{name: "quoted", text: "> " + strings.ReplaceAll(seed, "\n", "\n> ")},
		{name: "wrapped mid-word", text: wrap(seed, 37)},
		{name: "tabs and indentation", text: strings.ReplaceAll(seed, "\n", "\n\t      ")},
		{name: "in a longer log", text: strings.Repeat("2024-01-01 INFO request ok\n", 200) + seed + strings.Repeat("2024-01-01 INFO retrying\n", 50)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := Explain([]byte(tt.text))
			if res.Primary == nil || res.Primary.Finding.Code != catalog.EnvMissing {
				t.Fatalf("primary = %v, want env-missing", res.Primary)
			}
			if !hasFinding(res, catalog.CloudMismatch) {
				t.Errorf("findings %v lack cloud-mismatch", codes(res.Findings))
			}
			if len(res.Evidence.AADSTS) != 1 || res.Evidence.AADSTS[0] != "AADSTS500011" {
				t.Errorf("evidence AADSTS = %v", res.Evidence.AADSTS)
			}
		})
	}
}

// wrap breaks every line after n bytes, mid-word, as a narrow terminal does.
func wrap(s string, n int) string {
	var b strings.Builder
	col := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			col = 0
		} else if col == n {
			b.WriteByte('\n')
			col = 0
		}
		b.WriteByte(s[i])
		col++
	}
	return b.String()
}

func TestSeveralErrorsInOneLog(t *testing.T) {
	t.Parallel()
	text := "10:00 AKV10000: Request is missing a Bearer or PoP token.\n" +
		"10:01 RESPONSE 403: 403 Forbidden\n" +
		`{"error":{"code":"Forbidden","message":"Client address is not authorized and caller is not a trusted service.\r\nClient address: 20.1.2.3\r\nVault: kv1;location=x","innererror":{"code":"ForbiddenByFirewall"}}}` + "\n" +
		"10:02 AADSTS7000215: Invalid client secret provided.\n"
	res := Explain([]byte(text))
	if res.Primary == nil || res.Primary.Finding.Code != catalog.FirewallDenied {
		t.Fatalf("primary = %v, want firewall-denied (the first sure finding)", res.Primary)
	}
	if res.Primary.Finding.Params[catalog.ParamVault] != "kv1" {
		t.Errorf("vault = %q", res.Primary.Finding.Params[catalog.ParamVault])
	}
	if res.Primary.Finding.Params[catalog.ParamClientAddress] != "20.1.2.3" {
		t.Errorf("client address = %q", res.Primary.Finding.Params[catalog.ParamClientAddress])
	}
	if !hasFinding(res, catalog.InvalidClientSecret) {
		t.Errorf("findings %v lack invalid-client-secret", codes(res.Findings))
	}
}

// TestLongLine finds the code and its resource at the end of a 1 MB line.
func TestLongLine(t *testing.T) {
	t.Parallel()
	text := strings.Repeat("noise ", 180000) + "AADSTS500011: The resource principal named https://vault.azure.cn was not found in the tenant named Contoso."
	res := Explain([]byte(text))
	if res.Primary == nil || res.Primary.Finding.Code != catalog.CloudMismatch {
		t.Fatalf("primary = %v, want cloud-mismatch", res.Primary)
	}
	if got := res.Primary.Finding.Params[catalog.ParamResource]; got != "https://vault.azure.cn" {
		t.Errorf("resource = %q", got)
	}
}

// TestErrorAfterChain checks that an error logged after a chain dump is not
// taken for part of its last, merely unavailable, credential.
func TestErrorAfterChain(t *testing.T) {
	t.Parallel()
	text := "DefaultAzureCredential: failed to acquire a token.\nAttempted credentials:\n" +
		"\tEnvironmentCredential: missing environment variable AZURE_TENANT_ID\n" +
		"\tAzurePowerShellCredential: executable not found on path\n" +
		"retrying with the pipeline's service principal\n" +
		`RESPONSE 403: {"error":{"code":"Forbidden","message":"Caller is not authorized to perform action on resource.","innererror":{"code":"ForbiddenByRbac"}}}` + "\n"
	res := Explain([]byte(text))
	if res.Primary == nil || res.Primary.Finding.Code != catalog.RBACRoleMissing {
		t.Fatalf("primary = %v, want rbac-role-missing; findings %v", res.Primary, codes(res.Findings))
	}
	if !hasFinding(res, catalog.EnvMissing) {
		t.Errorf("findings %v lack env-missing", codes(res.Findings))
	}
}

func TestEvidence(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("testdata/corpus/000.txt")
	if err != nil {
		t.Fatal(err)
	}
	ev := Explain(b).Evidence
	check := func(name string, got []string, want ...string) {
		t.Helper()
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	check("aadsts", ev.AADSTS, "AADSTS500011")
	check("traceIds", ev.TraceIDs, "11af8f36-693a-4105-8a6c-9e271a1b9f00")
	check("correlationIds", ev.CorrelationIDs, "43cc4c0d-fd23-4b84-a03b-284ff93484a4")
	check("timestamps", ev.Timestamps, "2021-01-16 07:58:47Z")
	check("resources", ev.Resources, "https://vault.azure.cn")
	check("tenantIds", ev.TenantIDs)
	var creds []string
	for _, c := range ev.Credentials {
		creds = append(creds, c.Name+"="+string(c.State))
	}
	check("credentials", creds, "EnvironmentCredential=unavailable", "ManagedIdentityCredential=unavailable", "SharedTokenCacheCredential=failed")
}

func TestEvidenceIDs(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("testdata/corpus/040.txt")
	if err != nil {
		t.Fatal(err)
	}
	ev := Explain(b).Evidence
	if strings.Join(ev.ClientIDs, ",") != "9267f2f6-1160-4dc9-b4e7-988ea7987eb7" {
		t.Errorf("clientIds = %v", ev.ClientIDs)
	}
	if strings.Join(ev.TenantIDs, ",") != "30c22114-594d-4ac1-858d-789f5c804bb6" {
		t.Errorf("tenantIds = %v", ev.TenantIDs)
	}
}

// TestPayloads reads the client-observed chain dumps of the fixtures.
func TestPayloads(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file, section, want string
	}{
		{name: "python empty env", file: "python-default-credential-messages.txt", section: "######## A:", want: catalog.EnvMissing},
		{name: "python cache in another tenant", file: "python-default-credential-messages.txt", section: "######## B:", want: catalog.EnvMissing},
		{name: "python env credential against the global authority", file: "python-default-credential-messages.txt", section: "######## C:", want: catalog.CloudMismatch},
		{name: "go empty env", file: "go-default-credential-messages.txt", section: "# scenario: DefaultAzureCredential, empty env", want: catalog.EnvMissing},
		{name: "go authority host without https", file: "go-default-credential-messages.txt", section: "# scenario: AZURE_AUTHORITY_HOST", want: catalog.EnvMalformed},
		{name: "go access policy", file: "go-error-texts.txt", section: "######## scenario: china,noid,accesspolicy", want: catalog.AccessPolicyMissingGet},
		{name: "go issuer", file: "go-error-texts.txt", section: "######## scenario: china,noid,issuer", want: catalog.CloudMismatch},
		{name: "go throttle", file: "go-error-texts.txt", section: "######## scenario: china,noid,throttle", want: catalog.Throttled},
		{name: "go other tenant", file: "go-error-texts.txt", section: "######## scenario: china,noid,othertenant", want: catalog.VaultTenantMismatch},
		{name: "go challenge resource", file: "go-error-texts.txt", section: "######## scenario: china,noid,wrongresource", want: catalog.CloudMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b, err := os.ReadFile("testdata/payloads/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			text := section(string(b), tt.section)
			if text == "" {
				t.Fatalf("no section %q", tt.section)
			}
			res := Explain([]byte(text))
			if res.Primary == nil || res.Primary.Finding.Code != tt.want {
				t.Errorf("primary = %v, want %s; findings %v", res.Primary, tt.want, codes(res.Findings))
			}
		})
	}
}

// section is the part of a payload file from the line starting with head to
// the next line starting with '#'.
func section(s, head string) string {
	i := strings.Index(s, head)
	if i < 0 {
		return ""
	}
	s = s[i:]
	nl := strings.IndexByte(s, '\n')
	if nl < 0 {
		return ""
	}
	s = s[nl+1:]
	if j := strings.Index(s, "\n#"); j >= 0 {
		s = s[:j]
	}
	return s
}

func TestRedact(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{name: "form field", in: "form client_secret=s3cr3t-value", want: "form client_secret=<redacted>"},
		{name: "bearer", in: "Authorization: Bearer eyJ0eXAiOiJKV1Q", want: "Authorization: Bearer <redacted>"},
		{name: "json", in: `{"password": "hunter22"}`, want: `{"password": "<redacted>"}`},
		{name: "token by shape", in: "token=eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL3ZhdWx0In0.c2lnbmF0dXJl rejected", want: "token=<token> rejected"},
		{name: "federated token after a word", in: "assertion eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJzeXN0ZW0ifQ.MEUCIQ-sig_x", want: "assertion <token>"},
		{name: "client secret by shape", in: "secret value abc8Q~LEAKEDclientSecretValue0123456789 was rejected", want: "secret value <client-secret> was rejected"},
		{name: "prose stays", in: "Invalid client secret provided.", want: "Invalid client secret provided."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := redact(tt.in); got != tt.want {
				t.Errorf("redact(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestQuoteHidesSecrets checks that a line explain quotes back keeps no
// credential from the pasted text.
func TestQuoteHidesSecrets(t *testing.T) {
	t.Parallel()
	text := "EnvironmentCredential: Authentication failed: AADSTS7000215: Invalid client secret provided. client_secret=Abc~defGHIjkl123456789\n"
	res := Explain([]byte(text))
	if res.Primary == nil {
		t.Fatal("nothing recognised")
	}
	if strings.Contains(res.Primary.Finding.Quote, "Abc~def") {
		t.Errorf("quote holds the secret: %q", res.Primary.Finding.Quote)
	}
	for _, c := range res.Evidence.Credentials {
		if strings.Contains(c.Message, "Abc~def") {
			t.Errorf("credential message holds the secret: %q", c.Message)
		}
	}
}

// TestURLEncodedHostsAreRead: a host inside scope=https%3A%2F%2F… is read
// as the host, not with the escape glued to it.
func TestURLEncodedHostsAreRead(t *testing.T) {
	t.Parallel()
	res := Explain([]byte("POST body: scope=https%3A%2F%2Fmykeyvalue01.vault.azure.cn%2F.default failed"))
	for _, h := range res.Evidence.Hosts {
		if strings.Contains(strings.ToLower(h), "2f") {
			t.Errorf("host %q read with the URL escape", h)
		}
	}
}
