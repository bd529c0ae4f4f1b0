package cli

import (
	"bytes"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/fakeazure"
)

// TestBadInput: every bad flag or value is exit 2 with one line saying
// which and why, then the usage hint; never a stack trace.
func TestBadInput(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "plain")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unparsable vault URL", []string{"--vault", "https://exa mple.vault.azure.cn"}, "--vault"},
		{"http vault", []string{"--vault", "http://mykeyvalue01.vault.azure.cn"}, "https"},
		{"unknown cloud", []string{"--vault", cnVault, "--cloud", "mars"}, "--cloud"},
		{"empty secret", []string{"--vault", cnVault, "--secret", ""}, "--secret"},
		{"zero timeout", []string{"--vault", cnVault, "--timeout", "0"}, "--timeout"},
		{"bad timeout", []string{"--vault", cnVault, "--timeout", "soon"}, "timeout"},
		{"unknown flag", []string{"--vault", cnVault, "--colour"}, "colour"},
		{"unknown format", []string{"--vault", cnVault, "--format", "yaml"}, "--format"},
		{"unknown language", []string{"--vault", cnVault, "--lang", "fr"}, "--lang"},
		{"no vault", nil, "vault"},
		{"flag taken for the vault", []string{"--vault", "--no-verify"}, "looks like a flag"},
		{"cloud contradicts vault", []string{"--vault", cnVault, "--cloud", "usgov"}, "--cloud"},
		{"output directory missing", []string{"--vault", cnVault, "--output", filepath.Join(t.TempDir(), "no", "r.md")}, "does not exist"},
		{"output directory is a file", []string{"--vault", cnVault, "--output", filepath.Join(file, "r.md")}, "is a file"},
		{"output extension unknown", []string{"--vault", cnVault, "--output", filepath.Join(t.TempDir(), "r.pdf")}, ".md"},
		{"stray argument", []string{"--vault", cnVault, "extra"}, "extra"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var out, errOut bytes.Buffer
			code := Run(tt.args, IO{Out: &out, Err: &errOut, Getenv: func(string) string { return "" }})
			if code != ExitUsage {
				t.Fatalf("exit %d, want %d; stderr: %s", code, ExitUsage, errOut.String())
			}
			lines := strings.Split(strings.TrimSpace(errOut.String()), "\n")
			if len(lines) != 2 || !strings.Contains(lines[0], tt.want) || !strings.Contains(lines[1], "--help") {
				t.Errorf("stderr = %q, want one line naming %q then the usage hint", errOut.String(), tt.want)
			}
			if strings.Contains(errOut.String(), "goroutine") || out.Len() != 0 {
				t.Errorf("unexpected output: stdout %q stderr %q", out.String(), errOut.String())
			}
		})
	}
}

// TestUnreachableVaultEndsWithinTimeout: a vault that accepts and never
// answers ends the run within --timeout plus a second, and the other checks
// are still reported.
func TestUnreachableVaultEndsWithinTimeout(t *testing.T) {
	t.Parallel()
	w := healthyWorld()
	w.Faults = []fakeazure.Fault{{Host: "mykeyvalue01.vault.azure.cn", Kind: fakeazure.FaultBlackhole}}
	start := time.Now()
	r := runKV(t, w, chinaEnv(), "--vault", cnVault, "--timeout", "2s", "--format", "json")
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("run took %s, want at most 3s", d)
	}
	if status, codes := r.check("vault"); status != "fail" || !slices.Contains(codes, catalog.VaultUnreachable) {
		t.Errorf("vault = %s %v, want fail with %s", status, codes, catalog.VaultUnreachable)
	}
	if status, _ := r.check("token"); status != "pass" {
		t.Errorf("token = %s, want pass: the other checks still run", status)
	}
	if status, _ := r.check("access"); status != "skip" {
		t.Errorf("access = %s, want skip", status)
	}
}

// TestProxyThatDoesNotWork: HTTPS_PROXY names a port where nothing
// listens, or a proxy that accepts connections and never answers: both are
// proxy-problem, for the vault and for the token alike, within the timeout.
func TestProxyThatDoesNotWork(t *testing.T) {
	t.Parallel()
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedAddr := closed.Addr().String()
	closed.Close()
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { silent.Close() })
	go func() {
		for {
			c, err := silent.Accept()
			if err != nil {
				return
			}
			t.Cleanup(func() { c.Close() })
		}
	}()
	tests := []struct{ name, addr string }{
		{"nothing listens", closedAddr},
		{"accepts and never answers", silent.Addr().String()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := fakeazure.Start(t, healthyWorld(), fakeazure.Options{})
			tr := srv.Transport()
			tr.Proxy = http.ProxyURL(&url.URL{Scheme: "http", Host: tt.addr})
			start := time.Now()
			r := runWith(t, srv, tr, chinaEnv(), "--vault", cnVault, "--timeout", "2s", "--format", "json")
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("run took %s, want at most 3s", d)
			}
			for _, id := range []string{"vault", "token"} {
				if status, codes := r.check(id); status != "fail" || !slices.Contains(codes, catalog.ProxyProblem) {
					t.Errorf("%s = %s %v, want fail with %s", id, status, codes, catalog.ProxyProblem)
				}
			}
		})
	}
}
