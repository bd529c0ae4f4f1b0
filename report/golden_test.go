package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

var update = flag.Bool("update", false, "rewrite the golden files and the docs examples")

// goldenVariants are the renderings kept in testdata, per language.
var goldenVariants = []struct {
	name   string
	format Format
	opt    Options
}{
	{name: "txt", format: FormatText},
	{name: "verbose.txt", format: FormatText, opt: Options{Verbose: true}},
	{name: "color.txt", format: FormatText, opt: Options{Color: true, Verbose: true}},
	{name: "md", format: FormatMarkdown},
	{name: "json", format: FormatJSON},
}

func TestGolden(t *testing.T) {
	for _, lang := range catalog.Langs {
		for _, v := range goldenVariants {
			name := "report." + string(lang) + "." + v.name
			t.Run(name, func(t *testing.T) {
				opt := v.opt
				opt.Lang = lang
				var b bytes.Buffer
				if err := Write(&b, v.format, fixtureReport(), opt); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, filepath.Join("testdata", name), b.Bytes())
			})
		}
	}
}

// TestDocsExamples keeps docs/example-report.*.md equal to the Markdown
// golden files.
func TestDocsExamples(t *testing.T) {
	for _, lang := range catalog.Langs {
		t.Run(string(lang), func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, FormatMarkdown, fixtureReport(), Options{Lang: lang}); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("..", "docs", "example-report."+string(lang)+".md"), b.Bytes())
		})
	}
}

// checkGolden compares got with the file at path, or rewrites the file
// under -update.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run go test ./report -update and review the diff):\n%s", path, firstDiff(string(want), string(got)))
	}
}
