package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestOutputFilesAndRender: one run writes r.md and r.json; rendering r.json
// as Markdown reproduces r.md byte for byte, and --lang zh-CN renders the
// same report in Chinese.
func TestOutputFilesAndRender(t *testing.T) {
	t.Parallel()
	w := healthyWorld()
	cnVaultOf(w).AccessPolicies = nil
	dir := t.TempDir()
	md, js := filepath.Join(dir, "r.md"), filepath.Join(dir, "r.json")
	r := runKV(t, w, withEnv(chinaEnv(), "AZURE_AUTHORITY_HOST", ""), "--vault", cnVault, "--output", md, "--output", js, "--no-color")
	if r.code != 1 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "access-policy-missing-get") || !strings.Contains(r.stdout, md) || !strings.Contains(r.stdout, js) {
		t.Errorf("the terminal should show the text summary and the paths written:\n%s", r.stdout)
	}
	want, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	rendered := renderFile(t, js, "--format", "markdown", "--lang", "en")
	if rendered != string(want) {
		t.Errorf("render r.json --format markdown differs from r.md:\n--- r.md\n%s\n--- rendered\n%s", want, rendered)
	}
	zh := renderFile(t, "--lang", "zh-CN", js, "--format", "markdown")
	if !strings.Contains(zh, "access-policy-missing-get") || !hasHan(zh) {
		t.Errorf("zh-CN rendering is not Chinese:\n%s", zh)
	}
	for _, f := range []string{md, js} {
		entries, _ := os.ReadDir(dir)
		if len(entries) != 2 {
			t.Errorf("the output directory holds %d entries, want only %s and %s", len(entries), md, js)
		}
		if data, _ := os.ReadFile(f); bytes.Contains(data, []byte(cnSecret)) || bytes.Contains(data, []byte(secretValue)) {
			t.Errorf("%s leaks a secret", f)
		}
	}
}

func TestRenderBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	notJSON := filepath.Join(dir, "r.json")
	if err := os.WriteFile(notJSON, []byte("not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"render"},
		{"render", filepath.Join(dir, "missing.json")},
		{"render", notJSON},
		{"render", notJSON, "--format", "pdf"},
	} {
		var out, errOut bytes.Buffer
		if code := Run(args, IO{Out: &out, Err: &errOut, Getenv: func(string) string { return "" }}); code != ExitUsage {
			t.Errorf("%v: exit %d, want 2; stderr %s", args, code, errOut.String())
		}
		if n := strings.Count(strings.TrimSpace(errOut.String()), "\n"); n != 1 {
			t.Errorf("%v: stderr is not one line and a hint: %q", args, errOut.String())
		}
	}
}

func renderFile(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(append([]string{"render"}, args...), IO{Out: &out, Err: &errOut, Getenv: func(string) string { return "" }})
	if code != ExitOK {
		t.Fatalf("render %v: exit %d: %s", args, code, errOut.String())
	}
	return out.String()
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// TestChineseReportHasNoEnglishFacts: with --lang zh-CN, the facts the
// checks write read in Chinese too, in the terminal and in Markdown.
func TestChineseReportHasNoEnglishFacts(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"text", "markdown"} {
		r := runKV(t, healthyWorld(), chinaEnv(), "--vault", cnVault, "--lang", "zh-CN", "--verbose", "--format", format)
		for _, english := range []string{"set, ", "granted", "not verified", "random name", "HTTPS_PROXY applies", "certificate issued", "client secret"} {
			if strings.Contains(r.stdout, english) {
				t.Errorf("%s: zh-CN report still says %q", format, english)
			}
		}
	}
}
