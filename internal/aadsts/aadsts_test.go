package aadsts

import (
	"testing"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

func TestTableIsComplete(t *testing.T) {
	t.Parallel()
	all := All()
	if len(all) < 80 {
		t.Fatalf("only %d codes read from aadsts.tsv", len(all))
	}
	for _, c := range all {
		if c.Meaning == "" || c.Source == "" || c.Meaning[0] == '[' {
			t.Errorf("AADSTS%d: meaning %q, source %q", c.Number, c.Meaning, c.Source)
		}
		if _, ok := catalog.Lookup(FindingFor(c.Number, false)); !ok {
			t.Errorf("AADSTS%d maps to %q, not in the catalogue", c.Number, FindingFor(c.Number, false))
		}
	}
}

func TestFindingFor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		code       int
		crossCloud bool
		want       string
	}{
		{"tenant not found in its cloud", 90002, false, catalog.TenantNotFound},
		{"tenant not found across clouds", 90002, true, catalog.CloudMismatch},
		{"resource not found across clouds", 500011, true, catalog.CloudMismatch},
		{"resource not found in its cloud", 500011, false, catalog.ScopeInvalid},
		{"wrong secret", 7000215, false, catalog.InvalidClientSecret},
		{"expired secret", 7000222, false, catalog.ClientSecretExpired},
		{"app not in tenant", 700016, true, catalog.AppNotInTenant},
		{"assertion time", 700024, false, catalog.ClockSkew},
		{"tenant is no GUID", 900023, false, catalog.EnvMalformed},
		{"anything else", 50076, false, catalog.TokenFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := FindingFor(tt.code, tt.crossCloud); got != tt.want {
				t.Errorf("FindingFor(%d, %v) = %s, want %s", tt.code, tt.crossCloud, got, tt.want)
			}
		})
	}
}

// TestRuleCodesExist keeps the rule tables to codes of the table, so a
// mistyped code cannot hide, and no code is both direct and contextual.
func TestRuleCodesExist(t *testing.T) {
	t.Parallel()
	for code := range rules {
		if _, ok := Lookup(code); !ok {
			t.Errorf("rules: AADSTS%d is not in aadsts.tsv", code)
		}
	}
	for code := range contextual {
		if _, ok := Lookup(code); !ok {
			t.Errorf("contextual: AADSTS%d is not in aadsts.tsv", code)
		}
		if _, ok := rules[code]; ok {
			t.Errorf("AADSTS%d is both direct and contextual", code)
		}
	}
}
