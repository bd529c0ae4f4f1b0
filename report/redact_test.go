package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/kvdoctor/kvdoctor/checks"
	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// identifyingReport is the fixture with identifying values in every string
// field: ids, the vault name in any case, addresses, user names, tenant
// domains and the proxy host.
func identifyingReport() checks.Report {
	r := fixtureReport()
	r.Target.Secret = "db-password-for-" + fxVaultName
	r.Results[0].Facts.Add("AZURE_USERNAME", "alice@contoso.onmicrosoft.com")
	r.Results[0].Facts.Add("note", "tenant contoso.onmicrosoft.com, guest live.com#bob.smith@outlook.com")
	r.Results[0].Facts.Add("AZURE_TENANT_ID", `"fabrikam.cn"`)
	r.Results[2].Requests = append(r.Results[2].Requests, checks.Request{Method: "GET", Host: "login.chinacloudapi.cn", Path: "/fabrikam.cn/v2.0/.well-known/openid-configuration", Status: 200})
	r.Results[1].Findings[0].Params[catalog.ParamObjectID] = fxObject
	r.Results[4].Findings = append(r.Results[4].Findings, checks.Finding{
		Code:     catalog.FirewallDenied,
		Severity: catalog.Error,
		Params: map[string]string{
			catalog.ParamVault:         strings.ToUpper(fxVaultName),
			catalog.ParamVaultURL:      fxVaultURL,
			catalog.ParamClientAddress: fxClientAddress,
			catalog.ParamClientID:      fxClient,
			catalog.ParamTenantID:      fxTenant,
			catalog.ParamObjectID:      fxObject,
			catalog.ParamProxy:         fxProxy,
		},
		Quote: "Client address is not authorized and caller is not a trusted service.\r\nClient address: " + fxClientAddress +
			"\r\nCaller: appid=" + fxClient + ";oid=" + fxObject + ";iss=https://sts.chinacloudapi.cn/" + fxTenant + "/" +
			"\r\nVault: " + strings.ToUpper(fxVaultName) + ";location=chinaeast2",
	})
	r.Results[4].Facts.Add("ipv6 client", "[2001:db8:85a3::8a2e:370:7334]:51234")
	r.Results[4].Facts.Add("private endpoint", "10.1.2.3 fe80::1%eth0 ::ffff:192.0.2.44")
	r.Results[4].Requests = append(r.Results[4].Requests, checks.Request{
		Method: "GET", Host: fxVaultName + ".vault.azure.cn", Path: "/secrets/" + fxVaultName + "-probe",
		DurationMs: 30000, RequestID: "req-0123456789abcdef", TraceID: "trace0123456789",
		Error: "proxyconnect tcp: dial tcp 198.51.100.23:3128: i/o timeout (proxy.corp.contoso.com)",
	})
	return r
}

// identifying matches what must not survive --redact in any output.
var identifying = []*regexp.Regexp{
	regexp.MustCompile(`(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`),
	regexp.MustCompile(`\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}`),
	regexp.MustCompile(`(?i)2001:db8|fe80::|::ffff`),
	regexp.MustCompile(`[A-Za-z0-9._-]+@[A-Za-z0-9.-]+`),
	regexp.MustCompile(`(?i)mykeyvalue01|contoso|fabrikam|req-0123456789abcdef|trace0123456789`),
}

func TestRedactLeavesNothingIdentifying(t *testing.T) {
	r := Redact(identifyingReport())
	if !r.Header.Redacted {
		t.Error("Header.Redacted not set")
	}
	for _, lang := range catalog.Langs {
		for _, v := range goldenVariants {
			t.Run(string(lang)+"/"+v.name, func(t *testing.T) {
				opt := v.opt
				opt.Lang = lang
				opt.Verbose = true
				var b bytes.Buffer
				if err := Write(&b, v.format, r, opt); err != nil {
					t.Fatal(err)
				}
				for _, re := range identifying {
					if m := re.FindString(b.String()); m != "" {
						t.Errorf("%q survives --redact", m)
					}
				}
			})
		}
	}
}

func TestRedactIsACopy(t *testing.T) {
	orig := identifyingReport()
	_ = Redact(orig)
	var before, after bytes.Buffer
	if err := Write(&before, FormatJSON, identifyingReport(), Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&after, FormatJSON, orig, Options{}); err != nil {
		t.Fatal(err)
	}
	if before.String() != after.String() {
		t.Error("Redact changed the report it was given")
	}
	twice := Redact(Redact(orig))
	once := Redact(orig)
	var a, b bytes.Buffer
	_ = Write(&a, FormatJSON, once, Options{})
	_ = Write(&b, FormatJSON, twice, Options{})
	if a.String() != b.String() {
		t.Errorf("redacting twice differs from once:\n%s", firstDiff(a.String(), b.String()))
	}
}

func TestRedactText(t *testing.T) {
	rd := newRedactor(checks.Report{
		Target: checks.Target{Vault: "https://MyKeyValue01.vault.azure.cn"},
		Header: checks.Header{ClientAddress: "203.0.113.7", Proxy: "http://proxy.example.net:3128"},
	})
	tests := []struct {
		name, in, want string
	}{
		{name: "guid", in: "tid=72f988bf-86f1-41af-91ab-2d7cd011db47.", want: "tid=72f988bf…."},
		{name: "vault host", in: "https://mykeyvalue01.vault.azure.cn/secrets/x", want: "https://mykeyval….vault.azure.cn/secrets/x"},
		{name: "vault in command", in: "az keyvault set-policy -n MYKEYVALUE01 --spn x", want: "az keyvault set-policy -n MYKEYVAL… --spn x"},
		{name: "vault name inside a longer name", in: "mykeyvalue012 and xmykeyvalue01", want: "mykeyvalue012 and xmykeyvalue01"},
		{name: "client address", in: "Client address: 203.0.113.7", want: "Client address: <client-address>"},
		{name: "other public address", in: "resolved to 52.130.1.2", want: "resolved to <ip-address>"},
		{name: "private address", in: "resolved to 10.0.0.4", want: "resolved to <private-address>"},
		{name: "ipv6 in brackets", in: "dial tcp [2001:db8::7]:443", want: "dial tcp [<ip-address>]:443"},
		{name: "time is no address", in: "Timestamp: 2026-11-27 15:30:00Z", want: "Timestamp: 2026-11-27 15:30:00Z"},
		{name: "version is no address", in: "azidentity v1.15.0 go1.26.8", want: "azidentity v1.15.0 go1.26.8"},
		{name: "upn", in: "user alice.smith@contoso.com signed in", want: "user <upn> signed in"},
		{name: "tenant domain", in: "Tenant 'contoso.partner.onmschina.cn' not found", want: "Tenant '<tenant-domain>' not found"},
		{name: "proxy host", in: "CONNECT via proxy.example.net:3128 failed", want: "CONNECT via <proxy-host>:3128 failed"},
		{name: "empty", in: "", want: ""},
		{name: "chinese text", in: "密钥保管库 mykeyvalue01 拒绝了 203.0.113.7", want: "密钥保管库 mykeyval… 拒绝了 <client-address>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := rd.text(tt.in); got != tt.want {
				t.Errorf("text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRedactIDs(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "guid", in: "0c7e2b1a-4d5f-4a3b-9e8d-7c6b5a4f3e2d", want: "0c7e2b1a…"},
		{name: "other shape", in: "req-0123456789abcdef", want: "req-0123…"},
		{name: "short", in: "abc", want: "abc"},
	}
	rd := newRedactor(checks.Report{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := rd.id(tt.in); got != tt.want {
				t.Errorf("id(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMaskName(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{name: "long", in: "mykeyvalue01", want: "mykeyval…"},
		{name: "eight", in: "kvprod01", want: "kvpr…"},
		{name: "three", in: "kv1", want: "kv…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := maskName(tt.in); got != tt.want {
				t.Errorf("maskName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
