package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

const explainSeedText = `DefaultAzureCredential failed to retrieve a token from the included credentials.
Attempted credentials:
EnvironmentCredential: EnvironmentCredential authentication unavailable. Environment variables are not fully configured.
ManagedIdentityCredential: ManagedIdentityCredential authentication unavailable, no managed identity endpoint found.
SharedTokenCacheCredential: Azure Active Directory error '(invalid_resource) AADSTS500011: The resource principal named https://vault.azure.cn was not found in the tenant named xxxxxxxx-... '
`

// explainRun is the outcome of one kvdoctor explain.
type explainRun struct {
	code        int
	out, errOut string
}

func runExplainWith(stdin string, env map[string]string, terminal bool, args ...string) explainRun {
	var out, errOut bytes.Buffer
	code := Run(append([]string{"explain"}, args...), IO{
		In: strings.NewReader(stdin), Out: &out, Err: &errOut,
		Getenv: func(k string) string { return env[k] }, IsTerminal: terminal,
	})
	return explainRun{code, out.String(), errOut.String()}
}

func TestExplainCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "error.log")
	if err := os.WriteFile(file, []byte(explainSeedText), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		stdin    string
		env      map[string]string
		terminal bool
		args     []string
		code     int
		outHas   []string
		outLacks []string
		errHas   []string
		errLines int
	}{
		{name: "stdin, no file", stdin: explainSeedText, code: ExitOK, outHas: []string{"env-missing", "cloud-mismatch", "AADSTS500011"}},
		{name: "stdin as -", stdin: explainSeedText, args: []string{"-"}, code: ExitOK, outHas: []string{"env-missing"}},
		{name: "file, flags after", args: []string{file, "--format", "json"}, code: ExitOK, outHas: []string{`"schemaVersion": 1`, `"code": "env-missing"`}},
		{name: "flags before the file", args: []string{"--format=markdown", file}, code: ExitOK, outHas: []string{"# kvdoctor explain", "`env-missing`"}},
		{name: "Chinese by flag", stdin: explainSeedText, args: []string{"--lang", "zh-CN"}, code: ExitOK, outHas: []string{"最可能的原因"}},
		{name: "Chinese by locale", stdin: explainSeedText, env: map[string]string{"LANG": "zh_CN.UTF-8"}, code: ExitOK, outHas: []string{"最可能的原因"}},
		{name: "LC_ALL wins over LANG", stdin: explainSeedText, env: map[string]string{"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, code: ExitOK, outHas: []string{"Most likely cause"}},
		{name: "colour on a terminal", stdin: explainSeedText, terminal: true, code: ExitOK, outHas: []string{"\x1b["}},
		{name: "no colour with NO_COLOR", stdin: explainSeedText, terminal: true, env: map[string]string{"NO_COLOR": "1"}, code: ExitOK, outLacks: []string{"\x1b["}},
		{name: "no colour with --no-color", stdin: explainSeedText, terminal: true, args: []string{"--no-color"}, code: ExitOK, outLacks: []string{"\x1b["}},
		{name: "no colour off a terminal", stdin: explainSeedText, code: ExitOK, outLacks: []string{"\x1b["}},
		{name: "nothing recognised", stdin: "all good here\n", code: ExitFindings, outHas: []string{"Nothing recognised", "Run kvdoctor where the app runs"}},
		{name: "empty input", stdin: "", args: []string{"--format", "json"}, code: ExitFindings, outHas: []string{`"primary": null`}},
		{name: "unknown format", stdin: explainSeedText, args: []string{"--format", "yaml"}, code: ExitUsage, errHas: []string{"--format", explainHint}, errLines: 2},
		{name: "unknown language", stdin: explainSeedText, args: []string{"--lang", "fr"}, code: ExitUsage, errHas: []string{"--lang"}, errLines: 2},
		{name: "unknown flag", stdin: explainSeedText, args: []string{"--colour"}, code: ExitUsage, errHas: []string{"colour"}, errLines: 2},
		{name: "two files", args: []string{file, file}, code: ExitUsage, errHas: []string{"one FILE"}, errLines: 2},
		{name: "missing file", args: []string{filepath.Join(dir, "nope.log")}, code: ExitUsage, errHas: []string{"cannot read", "nope.log"}, errLines: 1},
		{name: "a directory", args: []string{dir}, code: ExitUsage, errHas: []string{"cannot read"}, errLines: 1},
		{name: "help", args: []string{"--help"}, code: ExitOK, outHas: []string{"Usage: kvdoctor explain"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := runExplainWith(tt.stdin, tt.env, tt.terminal, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d; stderr %q", r.code, tt.code, r.errOut)
			}
			for _, s := range tt.outHas {
				if !strings.Contains(r.out, s) {
					t.Errorf("stdout lacks %q:\n%s", s, r.out)
				}
			}
			for _, s := range tt.outLacks {
				if strings.Contains(r.out, s) {
					t.Errorf("stdout has %q", s)
				}
			}
			for _, s := range tt.errHas {
				if !strings.Contains(r.errOut, s) {
					t.Errorf("stderr lacks %q: %q", s, r.errOut)
				}
			}
			if tt.errLines > 0 && strings.Count(r.errOut, "\n") != tt.errLines {
				t.Errorf("stderr has not %d lines: %q", tt.errLines, r.errOut)
			}
		})
	}
}

func TestExplainJSONIsValid(t *testing.T) {
	t.Parallel()
	r := runExplainWith(explainSeedText, nil, false, "--format", "json", "--lang", "zh-CN")
	var doc struct {
		SchemaVersion int `json:"schemaVersion"`
		Primary       struct {
			Code       string `json:"code"`
			Confidence string `json:"confidence"`
			Title      string `json:"title"`
		} `json:"primary"`
	}
	if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, r.out)
	}
	if doc.SchemaVersion != 1 || doc.Primary.Code != "env-missing" || doc.Primary.Confidence != "medium" || doc.Primary.Title == "" {
		t.Errorf("unexpected document %+v", doc)
	}
}

func TestLangFromEnv(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		env  map[string]string
		want catalog.Lang
	}{
		{name: "nothing set", want: catalog.English},
		{name: "zh_CN.UTF-8", env: map[string]string{"LANG": "zh_CN.UTF-8"}, want: catalog.Chinese},
		{name: "zh_CN.GB18030 in LC_MESSAGES", env: map[string]string{"LC_MESSAGES": "zh_CN.GB18030", "LANG": "en_US.UTF-8"}, want: catalog.Chinese},
		{name: "LC_ALL first", env: map[string]string{"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, want: catalog.English},
		{name: "zh_TW is not simplified", env: map[string]string{"LANG": "zh_TW.UTF-8"}, want: catalog.English},
		{name: "de_DE", env: map[string]string{"LANG": "de_DE.UTF-8"}, want: catalog.English},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := langFromEnv(func(k string) string { return tt.env[k] }); got != tt.want {
				t.Errorf("langFromEnv = %s, want %s", got, tt.want)
			}
		})
	}
}
