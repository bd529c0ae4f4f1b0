package fakeazure_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kvdoctor/kvdoctor/internal/fakeazure"
)

// debianPython is Debian's interpreter, the one python3-azure installs into.
const debianPython = "/usr/bin/python3"

// requirePythonAzure skips without Debian's python3-azure, except under CI
// where its absence is a failure: .ci/run installs it.
func requirePythonAzure(t *testing.T) {
	t.Helper()
	out, err := exec.Command(debianPython, "-c", "import azure.identity, azure.keyvault.secrets").CombinedOutput()
	if err == nil {
		return
	}
	msg := "Debian's python3-azure is not usable with " + debianPython + " (apt-get install -y python3-azure): " + strings.TrimSpace(string(out))
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// TestPythonClient runs the real Python app, unmodified, against the
// emulator through HTTPS_PROXY and REQUESTS_CA_BUNDLE only.
func TestPythonClient(t *testing.T) {
	t.Parallel()
	requirePythonAzure(t)
	tests := []struct {
		name          string
		world         string
		authorityHost string
		wantOK        bool
		wantStdout    string
		wantStderr    []string
		wantLogged    string
	}{
		{
			name: "healthy china world", world: "china-healthy", authorityHost: "login.chinacloudapi.cn",
			wantOK: true, wantStdout: "Your secret is 'kvdoctor-canary-secret-value-0001'.\n",
		},
		{
			name: "missing access policy", world: "china-missing-policy", authorityHost: "login.chinacloudapi.cn",
			wantStderr: []string{"does not have secrets get permission on key vault 'mykeyvalue01;location=chinanorth3'", "AccessDenied"},
		},
		{
			name: "global authority for a china vault", world: "china-healthy",
			wantStderr: []string{"Unable to get authority configuration for https://login.microsoftonline.com/" + chinaTenant},
			wantLogged: "login.microsoftonline.com GET /" + chinaTenant + "/v2.0/.well-known/openid-configuration 400",
		},
	}
	script, err := filepath.Abs(filepath.Join("testdata", "clients", "read_secret.py"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, w := startWorld(t, tt.world)
			home := t.TempDir()
			caFile := filepath.Join(home, "fakeazure-ca.pem")
			if err := os.WriteFile(caFile, srv.CACertPEM(), 0o644); err != nil {
				t.Fatal(err)
			}
			app := w.Applications[0]
			env := []string{
				"PATH=/usr/bin:/bin",
				"HOME=" + home,
				"HTTPS_PROXY=" + srv.ProxyURL().String(),
				"REQUESTS_CA_BUNDLE=" + caFile,
				"AZURE_TENANT_ID=" + app.HomeTenant,
				"AZURE_CLIENT_ID=" + app.ClientID,
				"AZURE_CLIENT_SECRET=" + app.Secrets[0].Value,
			}
			if tt.authorityHost != "" {
				env = append(env, "AZURE_AUTHORITY_HOST="+tt.authorityHost)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, debianPython, script, chinaVault, "mysecret")
			cmd.Env = env
			cmd.Dir = home
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			if tt.wantOK != (err == nil) {
				t.Fatalf("exit: %v\nstderr:\n%s", err, stderr.String())
			}
			if tt.wantStdout != "" && stdout.String() != tt.wantStdout {
				t.Errorf("stdout = %q, want %q", stdout.String(), tt.wantStdout)
			}
			for _, want := range tt.wantStderr {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
				}
			}
			if tt.wantLogged != "" && !logged(srv.Log(), tt.wantLogged) {
				t.Errorf("emulator log lacks %q: %+v", tt.wantLogged, srv.Log())
			}
		})
	}
}

func logged(log []fakeazure.LogEntry, want string) bool {
	for _, e := range log {
		if strings.Join([]string{e.Host, e.Method, e.Path, strconv.Itoa(e.Status)}, " ") == want {
			return true
		}
	}
	return false
}
