package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kvdoctor/kvdoctor/checks"
	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// TestRenderReproduces is `kvdoctor render`: the JSON of a run, read back,
// renders the same bytes as the run itself, in every format and language,
// whatever the language the JSON was written in.
func TestRenderReproduces(t *testing.T) {
	reports := map[string]checks.Report{
		"fixture":  fixtureReport(),
		"redacted": Redact(identifyingReport()),
		"empty":    {},
	}
	for name, r := range reports {
		for _, written := range catalog.Langs {
			var js bytes.Buffer
			if err := Write(&js, FormatJSON, r, Options{Lang: written}); err != nil {
				t.Fatal(err)
			}
			back, err := ReadJSON(bytes.NewReader(js.Bytes()))
			if err != nil {
				t.Fatalf("%s: ReadJSON: %v", name, err)
			}
			for _, lang := range catalog.Langs {
				for _, v := range goldenVariants {
					opt := v.opt
					opt.Lang = lang
					var want, got bytes.Buffer
					if err := Write(&want, v.format, r, opt); err != nil {
						t.Fatal(err)
					}
					if err := Write(&got, v.format, back, opt); err != nil {
						t.Fatal(err)
					}
					if got.String() != want.String() {
						t.Errorf("%s: JSON in %s rendered as %s in %s differs:\n%s", name, written, v.name, lang, firstDiff(want.String(), got.String()))
					}
				}
			}
		}
	}
}

// firstDiff shows the first line where two renderings part.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) && i < len(g); i++ {
		if w[i] != g[i] {
			return "want: " + w[i] + "\n got: " + g[i]
		}
	}
	return "one rendering is longer"
}

func TestReadJSONRejects(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "other schema version", in: `{"schemaVersion":2,"checks":[]}`, want: "schemaVersion 2 is not supported"},
		{name: "no schema version", in: `{"checks":[]}`, want: "no schemaVersion"},
		{name: "not JSON", in: `# kvdoctor report`, want: "not a kvdoctor JSON report"},
		{name: "unknown status", in: `{"schemaVersion":1,"checks":[{"id":"env","status":"great"}]}`, want: `unknown status "great"`},
		{name: "unknown severity", in: `{"schemaVersion":1,"checks":[{"id":"env","status":"fail","findings":[{"code":"env-missing","severity":"fatal"}]}]}`, want: `unknown severity "fatal"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ReadJSON(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ReadJSON error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestReadJSONIssue3 reads a report of the issue 3 contract, without the
// fields issue 4 added.
func TestReadJSONIssue3(t *testing.T) {
	in := `{"schemaVersion":1,"tool":{"name":"kvdoctor","version":"v0.0.1"},"status":"fail",
	"target":{"vault":"https://mykeyvalue01.vault.azure.cn","cloud":"AzureChinaCloud","secret":""},
	"checks":[{"id":"env","title":"Environment variables","status":"fail","durationMs":3,
	"findings":[{"code":"env-missing","severity":"error","title":"t","detail":"d","fix":"f","verified":false}],
	"facts":{"b":"2","a":"1"}}]}`
	r, err := ReadJSON(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	res := r.Results[0]
	if res.Status != checks.Fail || res.Duration.Milliseconds() != 3 || res.Findings[0].Code != catalog.EnvMissing {
		t.Errorf("result = %+v", res)
	}
	if len(res.Facts) != 2 || res.Facts[0].Key != "b" {
		t.Errorf("facts lost their order: %v", res.Facts)
	}
}
