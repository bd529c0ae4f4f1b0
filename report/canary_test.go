package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/fatih/color"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// TestWritersPrintOnlyTheModel: the model never holds a secret, so a writer
// could only leak one by reading it elsewhere. With canary values in the
// environment and fatih/color's global switches flipped, every writer
// prints the same bytes, none of them a canary.
func TestWritersPrintOnlyTheModel(t *testing.T) {
	render := func() map[string]string {
		out := map[string]string{}
		for _, lang := range catalog.Langs {
			for _, v := range goldenVariants {
				opt := v.opt
				opt.Lang = lang
				var b bytes.Buffer
				if err := Write(&b, v.format, fixtureReport(), opt); err != nil {
					t.Fatal(err)
				}
				out[string(lang)+"/"+v.name] = b.String()
			}
		}
		return out
	}
	clean := render()

	canaries := map[string]string{
		"AZURE_CLIENT_SECRET":           "canary-client-secret-Q8~x",
		"AZURE_CLIENT_CERTIFICATE_PATH": "/canary/cert.pem",
		"AZURE_PASSWORD":                "canary-password",
		"AZURE_FEDERATED_TOKEN_FILE":    "/canary/token",
		"AZURE_KEYVAULT_URL":            "https://canaryvault.vault.azure.net",
		"HTTPS_PROXY":                   "http://canary-proxy:3128",
		"KVDOCTOR_VERSION":              "canary-version",
		"LANG":                          "zh_CN.UTF-8",
		"NO_COLOR":                      "1",
		"TERM":                          "dumb",
	}
	for k, v := range canaries {
		t.Setenv(k, v)
	}
	saved := color.NoColor
	t.Cleanup(func() { color.NoColor = saved })
	for _, noColor := range []bool{true, false} {
		color.NoColor = noColor
		for name, got := range render() {
			if got != clean[name] {
				t.Errorf("%s with NO_COLOR=%v and canaries in the environment differs:\n%s", name, noColor, firstDiff(clean[name], got))
			}
			for _, v := range canaries {
				if len(v) > 4 && strings.Contains(got, v) {
					t.Errorf("%s prints %q, which only the environment holds", name, v)
				}
			}
		}
	}
}
