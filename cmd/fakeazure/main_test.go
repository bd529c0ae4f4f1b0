package main

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

const world = "../../internal/fakeazure/testdata/worlds/china-healthy.json"

func TestRunPrintsClientSettingsAndServes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	caDir := filepath.Join(dir, "ca")
	logFile := filepath.Join(dir, "requests.jsonl")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	var stderr strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"-world", world, "-ca", caDir, "-log", logFile}, pw, &stderr)
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	var out []string
	for len(out) < 2 && lines.Scan() {
		out = append(out, lines.Text())
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	if len(out) != 2 || !regexp.MustCompile(`^HTTPS_PROXY=http://127\.0\.0\.1:\d+$`).MatchString(out[0]) || out[1] != "SSL_CERT_FILE="+filepath.Join(caDir, "ca.pem") {
		t.Fatalf("stdout = %q", out)
	}
	proxy, _ := url.Parse(strings.TrimPrefix(out[0], "HTTPS_PROXY="))
	pemData, err := os.ReadFile(strings.TrimPrefix(out[1], "SSL_CERT_FILE="))
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pemData)
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{Proxy: http.ProxyURL(proxy), TLSClientConfig: &tls.Config{RootCAs: pool}}}
	resp, err := client.Get("https://mykeyvalue01.vault.azure.cn/secrets/mysecret?api-version=7.3")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("status = %d, want the 401 challenge", resp.StatusCode)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d, stderr %q", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("did not stop on cancel")
	}
	log, err := os.ReadFile(logFile)
	if err != nil || !strings.Contains(string(log), `"host":"mykeyvalue01.vault.azure.cn","method":"GET","path":"/secrets/mysecret","status":401`) {
		t.Errorf("log = %s (%v)", log, err)
	}
}

func TestRunRejectsBadInput(t *testing.T) {
	t.Parallel()
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"clientIP": "203.0.113.7", "tenants": [], "applications": [], "vaults": [], "extra": 1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		wantStderr string
	}{
		{name: "invalid world", args: []string{"-world", bad}, wantStderr: bad + ": extra: unknown field"},
		{name: "no world", args: nil, wantStderr: "-world FILE is required"},
		{name: "missing file", args: []string{"-world", bad + ".none"}, wantStderr: "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr strings.Builder
			code := run(context.Background(), tt.args, &stdout, &stderr)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout = %q, want nothing", stdout.String())
			}
			if got := strings.TrimSuffix(stderr.String(), "\n"); strings.Contains(got, "\n") || !strings.Contains(got, tt.wantStderr) {
				t.Errorf("stderr = %q, want one line with %q", stderr.String(), tt.wantStderr)
			}
		})
	}
}
