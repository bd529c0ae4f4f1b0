package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/demo"
)

// TestDemo runs `kvdoctor demo` as the README says: every story runs, each
// under its caption, with the finding its story is about, and exit 0.
func TestDemo(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	code := Run([]string{"demo", "--no-color", "--lang", "en"}, IO{Out: &out, Err: &errOut, Getenv: func(string) string { return "" }})
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	text := out.String()
	for _, s := range demo.Stories {
		if !strings.Contains(text, s.Caption.EN) {
			t.Errorf("caption %q missing", s.Caption.EN)
		}
	}
	for _, slug := range []string{catalog.EnvMissing, catalog.CloudMismatch, catalog.AccessPolicyMissingGet, catalog.SecretLooksLikeID, catalog.InvalidClientSecret, catalog.RBACRoleMissing, catalog.FirewallDenied} {
		if !strings.Contains(text, slug) {
			t.Errorf("the demo never shows %s", slug)
		}
	}
	if strings.Count(text, "verified") < 1 {
		t.Errorf("the demo shows no verified fix")
	}
	if strings.Contains(text, "Xq28Q~") || strings.Contains(text, "demo-secret-value") {
		t.Errorf("the demo prints a secret")
	}
}
