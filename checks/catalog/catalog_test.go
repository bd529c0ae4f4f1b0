package catalog

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// constValues returns the string constants declared in a file of this
// package, so a constant added without its catalogue entry fails a test.
func constValues(t *testing.T, file string) map[string]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatalf("parse %s: %v", file, err)
	}
	out := map[string]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			for i, n := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				out[n.Name] = constant.StringVal(constant.MakeFromLiteral(lit.Value, lit.Kind, 0))
			}
		}
	}
	return out
}

var placeholder = regexp.MustCompile(`\{([A-Za-z0-9]+)\}`)

func placeholders(s string) []string {
	var names []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		names = append(names, m[1])
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// texts lists an entry's language-dependent fields by name.
func texts(e Entry) map[string]Text {
	return map[string]Text{"Title": e.Title, "Meaning": e.Meaning, "Fix": e.Fix, "Verified": e.Verified}
}

var explainOnly = []string{ManagedIdentityUnavailable, CLINotLoggedIn, CLIWrongCloud, FederatedTokenInvalid}

func TestEverySlugHasExactlyOneEntry(t *testing.T) {
	t.Parallel()
	slugs := constValues(t, "slugs.go")
	seen := map[string]int{}
	for _, e := range All() {
		seen[e.Slug]++
	}
	for name, slug := range slugs {
		if seen[slug] != 1 {
			t.Errorf("%s (%s): %d entries, want 1", name, slug, seen[slug])
		}
		if _, ok := Lookup(slug); !ok {
			t.Errorf("Lookup(%q) found nothing", slug)
		}
	}
	if len(All()) != len(slugs) {
		t.Errorf("%d entries for %d slug constants: an entry has no constant", len(All()), len(slugs))
	}
	if !slices.IsSorted(Slugs()) || len(Slugs()) != len(slugs) {
		t.Errorf("Slugs() = %v, want all %d slugs sorted", Slugs(), len(slugs))
	}
}

func TestEntriesHaveEveryTextInBothLanguages(t *testing.T) {
	t.Parallel()
	for _, e := range All() {
		for field, txt := range texts(e) {
			if field == "Verified" && txt == (Text{}) {
				continue
			}
			if strings.TrimSpace(txt.EN) == "" || strings.TrimSpace(txt.ZH) == "" {
				t.Errorf("%s.%s: EN %q, ZH %q: both must be set", e.Slug, field, txt.EN, txt.ZH)
				continue
			}
			if !hasHan(txt.ZH) {
				t.Errorf("%s.%s: Chinese text has no Chinese: %q", e.Slug, field, txt.ZH)
			}
			if hasHan(txt.EN) {
				t.Errorf("%s.%s: English text has Chinese: %q", e.Slug, field, txt.EN)
			}
		}
	}
}

func TestEntriesHaveSeverityAndCheck(t *testing.T) {
	t.Parallel()
	warnings := []string{SecretLooksLikeID, ListDenied, AccessUnproven}
	for _, e := range All() {
		want := Error
		if slices.Contains(warnings, e.Slug) {
			want = Warning
		}
		if e.Severity != want {
			t.Errorf("%s: severity %q, want %q", e.Slug, e.Severity, want)
		}
		switch {
		case slices.Contains(explainOnly, e.Slug):
			if e.Check != "" {
				t.Errorf("%s: explain-only finding names check %q", e.Slug, e.Check)
			}
		case !slices.Contains(CheckIDs, e.Check):
			t.Errorf("%s: check %q is no check id", e.Slug, e.Check)
		}
	}
}

func TestParamNamesAreTheParamConstants(t *testing.T) {
	t.Parallel()
	consts := slices.Sorted(maps.Values(constValues(t, "params.go")))
	names := slices.Sorted(slices.Values(ParamNames))
	if !slices.Equal(consts, names) {
		t.Errorf("ParamNames %v\ndiffers from the constants of params.go %v", names, consts)
	}
}

func TestPlaceholdersAreParamsTheCheckSupplies(t *testing.T) {
	t.Parallel()
	for _, e := range All() {
		for _, p := range e.Params {
			if !slices.Contains(ParamNames, p) {
				t.Errorf("%s: Params names %q, which params.go does not define", e.Slug, p)
			}
		}
		check := func(where, s string) {
			for _, p := range placeholders(s) {
				if !slices.Contains(ParamNames, p) {
					t.Errorf("%s.%s: {%s} is not a parameter of params.go", e.Slug, where, p)
				} else if !slices.Contains(e.Params, p) {
					t.Errorf("%s.%s: {%s} is not among the params its check supplies %v", e.Slug, where, p, e.Params)
				}
			}
		}
		for field, txt := range texts(e) {
			check(field+".EN", txt.EN)
			check(field+".ZH", txt.ZH)
			if en, zh := placeholders(txt.EN), placeholders(txt.ZH); !slices.Equal(en, zh) {
				t.Errorf("%s.%s: English uses %v, Chinese %v: a fact is lost in translation", e.Slug, field, en, zh)
			}
		}
		for i, c := range e.Commands {
			check("Commands["+string(rune('0'+i))+"]", c)
		}
	}
}

// TestParamsCoverTheChecks: every parameter the checks were asked to supply
// (issue 3) is one the entry declares; entries may declare more, for the
// facts some checks or explain add.
func TestParamsCoverTheChecks(t *testing.T) {
	t.Parallel()
	explain := []string{ParamCloud, ParamTenantID, ParamClientID}
	tests := []struct {
		name   string
		params []string
	}{
		{EnvMissing, []string{"variable", "cloud", "expectedAuthorityHost"}},
		{EnvMalformed, []string{"variable", "problem"}},
		{SecretLooksLikeID, []string{"variable", "clientId", "cloud"}},
		{AuthorityInvalid, []string{"authorityHost", "expectedAuthorityHost", "problem"}},
		{CloudMismatch, []string{"cloud", "authorityCloud", "authorityHost", "expectedAuthorityHost", "scope", "expectedScope", "vault", "foundAudience", "code"}},
		{VaultURLInvalid, []string{"vaultUrl", "host"}},
		{TenantNotFound, []string{"tenantId", "authorityHost", "cloud", "code"}},
		{AppNotInTenant, []string{"clientId", "tenantId", "cloud"}},
		{InvalidClientSecret, []string{"clientId", "tenantId", "cloud"}},
		{ClientSecretExpired, []string{"clientId", "cloud"}},
		{CertificateInvalid, []string{"clientId", "certificatePath", "code", "cloud"}},
		{ClockSkew, []string{"skew", "code", "host"}},
		{ScopeInvalid, []string{"scope", "resource", "expectedScope"}},
		{TokenFailed, []string{"code", "codeMeaning", "cloud"}},
		{AuthorityUnreachable, []string{"host", "detail", "proxy"}},
		{VaultTenantMismatch, []string{"tenantId", "vaultTenantId", "vault", "cloud", "foundIssuer", "expectedIssuer"}},
		{TokenAudienceWrong, []string{"expectedAudience", "foundAudience", "vault", "cloud"}},
		{VaultNotFound, []string{"vault", "host", "cloud", "proxy"}},
		{VaultUnreachable, []string{"host", "detail", "proxy"}},
		{ProxyProblem, []string{"proxy", "host", "detail"}},
		{TLSUntrusted, []string{"host", "detail", "proxy"}},
		{NotKeyVault, []string{"host", "detail"}},
		{FirewallDenied, []string{"vault", "clientAddress", "cloud", "clientId"}},
		{PrivateLinkOnly, []string{"vault", "cloud"}},
		{AccessPolicyMissingGet, []string{"vault", "clientId", "objectId", "cloud", "permission"}},
		{RBACRoleMissing, []string{"vault", "clientId", "objectId", "cloud", "secret", "action"}},
		{ListDenied, []string{"vault", "clientId", "cloud"}},
		{SecretNotFound, []string{"vault", "secret", "cloud"}},
		{SecretDisabled, []string{"vault", "secret", "cloud"}},
		{Throttled, []string{"vault", "host"}},
		{AccessUnproven, []string{"vault", "secret"}},
		{ManagedIdentityUnavailable, explain},
		{CLINotLoggedIn, explain},
		{CLIWrongCloud, explain},
		{FederatedTokenInvalid, explain},
	}
	if len(tests) != len(All()) {
		t.Errorf("%d cases for %d entries", len(tests), len(All()))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e, ok := Lookup(tt.name)
			if !ok {
				t.Fatalf("no entry")
			}
			for _, p := range tt.params {
				if !slices.Contains(e.Params, p) {
					t.Errorf("Params %v lack %q", e.Params, p)
				}
			}
		})
	}
}

// TestAzCommandsStartWithCloudSet: az acts on its active cloud, which may
// not be the vault's. Entries without az commands (export, curl, openssl)
// are exempt; vault-url-invalid has no commands, as no cloud is known.
func TestAzCommandsStartWithCloudSet(t *testing.T) {
	t.Parallel()
	for _, e := range All() {
		usesAz := false
		for i, c := range e.Commands {
			if strings.HasPrefix(c, "az ") || strings.Contains(c, "$(az ") {
				usesAz = true
			}
			if i > 0 && strings.HasPrefix(c, "az cloud set") {
				t.Errorf("%s: az cloud set is command %d, want it first", e.Slug, i)
			}
			if strings.TrimSpace(c) != c || c == "" {
				t.Errorf("%s: command %q has stray spaces", e.Slug, c)
			}
		}
		if usesAz && e.Commands[0] != azCloudSet {
			t.Errorf("%s: commands start with %q, want %q", e.Slug, e.Commands[0], azCloudSet)
		}
	}
}

func TestCommandsNameTheFixForTheCloud(t *testing.T) {
	t.Parallel()
	params := map[string]string{
		ParamCloud: "AzureChinaCloud", ParamVault: "mykeyvalue01", ParamClientID: "11111111-2222-3333-4444-555555555555",
		ParamSecret: "db-password", ParamClientAddress: "203.0.113.7", ParamVaultTenantID: "66666666-7777-8888-9999-000000000000",
		ParamExpectedAuthorityHost: "https://login.chinacloudapi.cn",
	}
	tests := []struct {
		name string
		slug string
		want []string
	}{
		{"access policy", AccessPolicyMissingGet, []string{
			"az cloud set -n AzureChinaCloud",
			"az keyvault set-policy -n mykeyvalue01 --spn 11111111-2222-3333-4444-555555555555 --secret-permissions get list",
		}},
		{"rbac", RBACRoleMissing, []string{
			"az cloud set -n AzureChinaCloud",
			`az role assignment create --role "Key Vault Secrets User" --assignee 11111111-2222-3333-4444-555555555555 --scope $(az keyvault show -n mykeyvalue01 --query id -o tsv)`,
		}},
		{"firewall", FirewallDenied, []string{
			"az cloud set -n AzureChinaCloud",
			"az keyvault network-rule add -n mykeyvalue01 --ip-address 203.0.113.7",
		}},
		{"disabled", SecretDisabled, []string{
			"az cloud set -n AzureChinaCloud",
			"az keyvault secret set-attributes --vault-name mykeyvalue01 -n db-password --enabled true",
		}},
		{"cloud mismatch", CloudMismatch, []string{"export AZURE_AUTHORITY_HOST=https://login.chinacloudapi.cn"}},
		{"tenant", VaultTenantMismatch, []string{
			"az cloud set -n AzureChinaCloud",
			"az keyvault show -n mykeyvalue01 --query properties.tenantId -o tsv",
			"export AZURE_TENANT_ID=66666666-7777-8888-9999-000000000000",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e, _ := Lookup(tt.slug)
			got := e.Render(English, params).Commands
			if !slices.Equal(got, tt.want) {
				t.Errorf("commands:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestVerifiedTexts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		slug   string
		params map[string]string
		want   string
	}{
		{"authority", CloudMismatch, map[string]string{ParamExpectedAuthorityHost: "https://login.chinacloudapi.cn"},
			"With AZURE_AUTHORITY_HOST=https://login.chinacloudapi.cn a token was issued."},
		{"tenant", VaultTenantMismatch, map[string]string{ParamVaultTenantID: "66666666-7777-8888-9999-000000000000"},
			"With AZURE_TENANT_ID=66666666-7777-8888-9999-000000000000 a token was issued."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e, _ := Lookup(tt.slug)
			if got := e.Render(English, tt.params).Verified; got != tt.want {
				t.Errorf("Verified = %q, want %q", got, tt.want)
			}
			if got := e.Render(Chinese, tt.params).Verified; !hasHan(got) {
				t.Errorf("Chinese Verified = %q", got)
			}
		})
	}
}

var (
	shownName        = regexp.MustCompile(`<[A-Za-z0-9]+>`)
	spaceBeforePunct = regexp.MustCompile(`\s[.,;:，。；：、）](\s|$)`)
)

// allParams gives every parameter a plain value, as a full report would.
func allParams() map[string]string {
	m := map[string]string{}
	for _, n := range ParamNames {
		m[n] = "X" + n
	}
	m[ParamProblem] = ProblemQuoted
	return m
}

// TestProseReadsWithoutParams: explain often knows no ids, so titles,
// meanings and fixes must read without any parameter (commands may show
// <name>: visibly incomplete, still copyable).
func TestProseReadsWithoutParams(t *testing.T) {
	t.Parallel()
	for _, e := range All() {
		for _, lang := range Langs {
			for name, params := range map[string]map[string]string{"none": nil, "all": allParams()} {
				r := e.Render(lang, params)
				for field, s := range map[string]string{"Title": r.Title, "Meaning": r.Detail, "Fix": r.Fix} {
					if name == "none" && shownName.MatchString(s) {
						t.Errorf("%s.%s (%s, no params): %q", e.Slug, field, lang, s)
					}
					for _, bad := range []string{"[[", "]]", "||", "  ", "..", "{"} {
						if strings.Contains(s, bad) {
							t.Errorf("%s.%s (%s, %s params): %q in %q", e.Slug, field, lang, name, bad, s)
						}
					}
					if m := spaceBeforePunct.FindString(s); m != "" {
						t.Errorf("%s.%s (%s, %s params): %q in %q", e.Slug, field, lang, name, m, s)
					}
					if strings.TrimSpace(s) != s || s == "" {
						t.Errorf("%s.%s (%s, %s params): %q", e.Slug, field, lang, name, s)
					}
				}
			}
		}
	}
}

func TestSegmentsAreWellFormed(t *testing.T) {
	t.Parallel()
	for _, e := range All() {
		all := append([]string{e.Title.EN, e.Title.ZH, e.Meaning.EN, e.Meaning.ZH, e.Fix.EN, e.Fix.ZH, e.Verified.EN, e.Verified.ZH}, e.Commands...)
		for _, s := range all {
			depth := 0
			for i := 0; i < len(s); i++ {
				switch {
				case strings.HasPrefix(s[i:], "[["):
					depth++
					i++
				case strings.HasPrefix(s[i:], "]]"):
					depth--
					i++
				case strings.HasPrefix(s[i:], "||") && depth != 1:
					t.Errorf("%s: || outside a segment in %q", e.Slug, s)
				}
				if depth < 0 || depth > 1 {
					t.Errorf("%s: unbalanced or nested segments in %q", e.Slug, s)
					break
				}
			}
			if depth != 0 {
				t.Errorf("%s: unclosed segment in %q", e.Slug, s)
			}
		}
	}
}

func TestChooseSegments(t *testing.T) {
	t.Parallel()
	params := map[string]string{"vault": "kv1", "cloud": "AzureChinaCloud", "empty": ""}
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"kept", "the vault[[ {vault}]] is", "the vault kv1 is"},
		{"dropped", "the app[[ {clientId}]] is", "the app is"},
		{"empty value drops", "a[[ {empty}]]b", "ab"},
		{"first filled alternative", "[[{clientId} in {cloud}||{vault} in {cloud}||somewhere]]", "kv1 in AzureChinaCloud"},
		{"fallback without params", "[[{clientId}||the app]]", "the app"},
		{"none filled", "x[[{clientId}||{tenantId}]]y", "xy"},
		{"two segments", "[[{vault}]]-[[{secret}]]-[[{cloud}]]", "kv1--AzureChinaCloud"},
		{"unclosed left alone", "a [[{vault} b", "a [[kv1 b"},
		{"query brackets untouched", `--query "[].name"`, `--query "[].name"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := Entry{Title: Text{EN: tt.in}}
			if got := e.Render(English, params).Title; got != tt.want {
				t.Errorf("Render(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRenderWithoutParamsShowsNames(t *testing.T) {
	t.Parallel()
	for _, e := range All() {
		for _, lang := range Langs {
			r := e.Render(lang, nil)
			all := append([]string{r.Title, r.Detail, r.Fix, r.Verified}, r.Commands...)
			for _, s := range all {
				if placeholder.MatchString(s) {
					t.Errorf("%s (%s): placeholder left in %q", e.Slug, lang, s)
				}
			}
			if r.Anchor != "docs/findings.md#"+e.Slug {
				t.Errorf("%s: anchor %q", e.Slug, r.Anchor)
			}
		}
	}
}

func TestFill(t *testing.T) {
	t.Parallel()
	params := map[string]string{"vault": "kv1", "empty": ""}
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"filled", "vault {vault}.", "vault kv1."},
		{"missing", "tenant {tenantId}", "tenant <tenantId>"},
		{"empty value", "x {empty} y", "x <empty> y"},
		{"twice", "{vault}/{vault}", "kv1/kv1"},
		{"lone open", "a { b {vault}", "a { b kv1"},
		{"lone close", "a } b", "a } b"},
		{"unclosed", "a {vault", "a {vault"},
		{"not a name", `--query "{id:id, n:name}"`, `--query "{id:id, n:name}"`},
		{"dash", "{a-b}", "{a-b}"},
		{"empty braces", "{}", "{}"},
		{"nested", "{{vault}}", "{kv1}"},
		{"chinese", "保管库 {vault} 中", "保管库 kv1 中"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Fill(tt.in, params); got != tt.want {
				t.Errorf("Fill(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRenderTranslatesProblem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		slug string
		code string
		lang Lang
		want string
	}{
		{"en", EnvMalformed, ProblemNotGUID, English, "AZURE_TENANT_ID is set, but its value cannot be used: the value is not a GUID"},
		{"zh", EnvMalformed, ProblemQuoted, Chinese, "已设置 AZURE_TENANT_ID，但其值无法使用：值带有引号"},
		{"no scheme", AuthorityInvalid, ProblemNoScheme, English, "Python's azure-identity accepts a bare host, but the Go and .NET libraries refuse it"},
		{"unknown code", EnvMalformed, "too-long", Chinese, "但其值无法使用：too-long。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			params := map[string]string{ParamVariable: "AZURE_TENANT_ID", ParamProblem: tt.code}
			e, _ := Lookup(tt.slug)
			if got := e.Render(tt.lang, params).Detail; !strings.Contains(got, tt.want) {
				t.Errorf("Detail = %q, want it to contain %q", got, tt.want)
			}
			if params[ParamProblem] != tt.code {
				t.Errorf("Render changed the caller's params: problem = %q", params[ParamProblem])
			}
		})
	}
}

func TestProblemTexts(t *testing.T) {
	t.Parallel()
	if len(problems) != len(ProblemCodes) {
		t.Errorf("%d phrases for %d problem codes", len(problems), len(ProblemCodes))
	}
	for _, code := range ProblemCodes {
		en, zh := ProblemText(code, English), ProblemText(code, Chinese)
		if en == code || zh == code || !hasHan(zh) || hasHan(en) {
			t.Errorf("%s: EN %q, ZH %q", code, en, zh)
		}
		if en != strings.TrimRight(en, ".。") || zh != strings.TrimRight(zh, ".。") {
			t.Errorf("%s: a phrase ends a sentence it is part of", code)
		}
	}
	if got := ProblemText("no-such-code", Chinese); got != "no-such-code" {
		t.Errorf("unknown code rendered as %q", got)
	}
}

func TestCheckTitles(t *testing.T) {
	t.Parallel()
	for _, id := range CheckIDs {
		en, zh := CheckTitle(id, English), CheckTitle(id, Chinese)
		if en == id || en == "" || !hasHan(zh) {
			t.Errorf("%s: EN %q, ZH %q", id, en, zh)
		}
	}
	if got := CheckTitle("nope", Chinese); got != "nope" {
		t.Errorf("unknown check id rendered as %q", got)
	}
}

func TestParseLang(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want Lang
		ok   bool
	}{
		{"en", "en", English, true},
		{"en-US", "en-US", English, true},
		{"zh-CN", "zh-CN", Chinese, true},
		{"zh_CN", "zh_CN", Chinese, true},
		{"zh", "zh", Chinese, true},
		{"french", "fr", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got, ok := ParseLang(tt.in); got != tt.want || ok != tt.ok {
				t.Errorf("ParseLang(%q) = %q, %v", tt.in, got, ok)
			}
		})
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
