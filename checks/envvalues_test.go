package checks

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestCleanValue(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, raw, clean, problem string
	}{
		{"plain", "abc", "abc", ""},
		{"double quotes", `"abc"`, "abc", problemQuoted},
		{"single quotes", `'abc'`, "abc", problemQuoted},
		{"trailing space", "abc ", "abc", problemWhitespace},
		{"windows line end", "abc\r\n", "abc", problemNewline},
		{"quotes and newline", "\"abc\"\n", "abc", problemNewline},
		{"lone quote kept", `"abc`, `"abc`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			clean, problem := cleanValue(tt.raw)
			if clean != tt.clean || problem != tt.problem {
				t.Errorf("cleanValue(%q) = %q, %q; want %q, %q", tt.raw, clean, problem, tt.clean, tt.problem)
			}
		})
	}
}

func TestIDProblems(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, value, tenant, client string
	}{
		{"guid", "6f1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b", "", ""},
		{"domain", "contoso.partner.onmschina.cn", "", problemNotGUID},
		{"app name", "mykeyvaultapp01", problemNotGUID, problemNotGUID},
		{"angle placeholder", "<tenant-id>", problemPlaceholder, problemPlaceholder},
		{"your- placeholder", "your-client-id", problemPlaceholder, problemPlaceholder},
		{"shell placeholder", "${AZURE_TENANT_ID}", problemPlaceholder, problemPlaceholder},
		{"zero guid", "00000000-0000-0000-0000-000000000000", problemPlaceholder, problemPlaceholder},
		{"x placeholder", "xxxxxxxx-xxxx", problemPlaceholder, problemPlaceholder},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tenantProblem(tt.value); got != tt.tenant {
				t.Errorf("tenantProblem(%q) = %q, want %q", tt.value, got, tt.tenant)
			}
			if got := clientIDProblem(tt.value); got != tt.client {
				t.Errorf("clientIDProblem(%q) = %q, want %q", tt.value, got, tt.client)
			}
		})
	}
}

func TestAuthorityProblem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, raw, fixed, problem string
	}{
		{"china", "https://login.chinacloudapi.cn", "https://login.chinacloudapi.cn", ""},
		{"trailing slash", "https://login.chinacloudapi.cn/", "https://login.chinacloudapi.cn", ""},
		{"china alias", "https://login.partner.microsoftonline.cn", "https://login.partner.microsoftonline.cn", ""},
		{"upper case", "HTTPS://LOGIN.CHINACLOUDAPI.CN", "https://login.chinacloudapi.cn", ""},
		{"bare host", "login.chinacloudapi.cn", "https://login.chinacloudapi.cn", problemNoScheme},
		{"http", "http://login.microsoftonline.us", "https://login.microsoftonline.us", problemHTTP},
		{"with tenant path", "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47", "https://login.microsoftonline.com", problemHasPath},
		{"query string", "https://login.chinacloudapi.cn/?x=1", "https://login.chinacloudapi.cn", problemHasPath},
		{"unknown host", "https://login.example.com", "https://login.example.com", problemUnknownHost},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fixed, problem := authorityProblem(tt.raw)
			if fixed != tt.fixed || problem != tt.problem {
				t.Errorf("authorityProblem(%q) = %q, %q; want %q, %q", tt.raw, fixed, problem, tt.fixed, tt.problem)
			}
		})
	}
}

func TestSecretValueNeverPrints(t *testing.T) {
	t.Parallel()
	s := secretValue("CANARY-value")
	for _, out := range []string{fmt.Sprint(s), fmt.Sprintf("%v %+v %#v %s %q %x", s, s, s, s, s, s), s.String()} {
		if want := "set, 12 characters"; !strings.Contains(out, want) || strings.Contains(out, "CANARY") {
			t.Errorf("printed %q", out)
		}
	}
	b, _ := s.MarshalJSON()
	if string(b) != `"set, 12 characters"` {
		t.Errorf("JSON %s", b)
	}
}

func TestParseChallenge(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, header     string
		status           int
		tenant, resource string
		ok               bool
	}{
		{"china", `Bearer authorization="https://login.chinacloudapi.cn/6f1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b", resource="https://vault.azure.cn"`, 401, "6f1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b", "https://vault.azure.cn", true},
		{"older login.windows.net", `Bearer authorization="https://login.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47", resource="https://vault.azure.net"`, 401, "72f988bf-86f1-41af-91ab-2d7cd011db47", "https://vault.azure.net", true},
		{"scope form", `Bearer authorization="https://login.microsoftonline.com/t1", scope="https://vault.azure.net/.default"`, 401, "t1", "https://vault.azure.net", true},
		{"no header", "", 401, "", "", false},
		{"not a 401", `Bearer authorization="https://login.microsoftonline.com/t1", resource="https://vault.azure.net"`, 200, "", "", false},
		{"basic auth proxy", `Basic realm="corp"`, 401, "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resp := &http.Response{StatusCode: tt.status, Header: http.Header{}}
			if tt.header != "" {
				resp.Header.Set("WWW-Authenticate", tt.header)
			}
			ch, ok := parseChallenge(resp)
			if ok != tt.ok || ch.tenant != tt.tenant || ch.resource != tt.resource {
				t.Errorf("parseChallenge = %+v, %v; want tenant %q resource %q ok %v", ch, ok, tt.tenant, tt.resource, tt.ok)
			}
		})
	}
}

func TestDisplayIDHidesWhatIsNoID(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, raw, want string }{
		{"guid", "6f1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b", `"6f1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b"`},
		{"quoted guid", `"6f1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b"`, `"\"6f1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b\""`},
		{"domain", "contoso.partner.onmschina.cn", `"contoso.partner.onmschina.cn"`},
		{"placeholder", "<tenant-id>", `"<tenant-id>"`},
		{"a secret in the wrong variable", "Xq28Q~CANARYsecret.0123", "set, 23 characters, not an id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := displayID(tt.raw); got != tt.want {
				t.Errorf("displayID(%q) = %q, want %q", tt.raw, got, tt.want)
			}
		})
	}
}
