package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/explain"
)

// explainSeed is the example of issue 5: a Python app in Azure China.
const explainSeed = `DefaultAzureCredential failed to retrieve a token from the included credentials.
Attempted credentials:
EnvironmentCredential: EnvironmentCredential authentication unavailable. Environment variables are not fully configured.
ManagedIdentityCredential: ManagedIdentityCredential authentication unavailable, no managed identity endpoint found.
SharedTokenCacheCredential: Azure Active Directory error '(invalid_resource) AADSTS500011: The resource principal named https://vault.azure.cn was not found in the tenant named xxxxxxxx-... '
`

// explainVariants are the renderings of explain kept in testdata.
var explainVariants = []struct {
	name   string
	format Format
	opt    Options
}{
	{name: "txt", format: FormatText},
	{name: "color.txt", format: FormatText, opt: Options{Color: true}},
	{name: "md", format: FormatMarkdown},
	{name: "json", format: FormatJSON},
}

func TestExplainGolden(t *testing.T) {
	inputs := []struct{ name, text string }{
		{name: "seed", text: explainSeed},
		{name: "unrecognised", text: "panic: runtime error: invalid memory address or nil pointer dereference"},
	}
	for _, in := range inputs {
		res := explain.Explain([]byte(in.text))
		for _, lang := range catalog.Langs {
			for _, v := range explainVariants {
				name := "explain-" + in.name + "." + string(lang) + "." + v.name
				t.Run(name, func(t *testing.T) {
					opt := v.opt
					opt.Lang = lang
					var b bytes.Buffer
					if err := WriteExplain(&b, v.format, res, opt); err != nil {
						t.Fatal(err)
					}
					checkGolden(t, filepath.Join("testdata", name+".golden"), b.Bytes())
				})
			}
		}
	}
}

// TestExplainJSONContract checks the fields the issue promises.
func TestExplainJSONContract(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		primary   string
		evidence  []string
		nullFirst bool
	}{
		{name: "seed", text: explainSeed, primary: "env-missing", evidence: []string{"aadsts", "traceIds", "correlationIds", "hosts", "credentials"}},
		{name: "nothing", text: "hello", nullFirst: true, evidence: []string{"aadsts", "traceIds", "correlationIds", "hosts"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteExplain(&b, FormatJSON, explain.Explain([]byte(tt.text)), Options{Lang: catalog.English}); err != nil {
				t.Fatal(err)
			}
			var doc map[string]any
			if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			if doc["schemaVersion"] != float64(1) {
				t.Errorf("schemaVersion = %v", doc["schemaVersion"])
			}
			if _, ok := doc["findings"].([]any); !ok {
				t.Errorf("findings = %v, want a list", doc["findings"])
			}
			if tt.nullFirst {
				if doc["primary"] != nil {
					t.Errorf("primary = %v, want null", doc["primary"])
				}
			} else {
				p, _ := doc["primary"].(map[string]any)
				for _, k := range []string{"code", "confidence", "title", "detail", "fix"} {
					if _, ok := p[k].(string); !ok {
						t.Errorf("primary.%s missing", k)
					}
				}
				if p["code"] != tt.primary {
					t.Errorf("primary.code = %v, want %s", p["code"], tt.primary)
				}
			}
			ev, _ := doc["evidence"].(map[string]any)
			for _, k := range tt.evidence {
				if _, ok := ev[k].([]any); !ok {
					t.Errorf("evidence.%s = %v, want a list", k, ev[k])
				}
			}
		})
	}
}

func TestExplainUnknownFormat(t *testing.T) {
	err := WriteExplain(&bytes.Buffer{}, Format("yaml"), explain.Result{}, Options{})
	if err == nil || !strings.Contains(err.Error(), "yaml") {
		t.Errorf("err = %v, want an unknown format error", err)
	}
}
