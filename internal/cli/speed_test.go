package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kvdoctor/kvdoctor/internal/fakeazure"
)

// debianPython is the interpreter Debian's python3-azure installs into.
const debianPython = "/usr/bin/python3"

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// kvdoctorBinary builds cmd/kvdoctor once per test process.
func kvdoctorBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kvdoctor-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "kvdoctor")
		out, err := exec.Command("go", "build", "-o", binPath, "../../cmd/kvdoctor").CombinedOutput()
		if err != nil {
			buildErr = err
			binPath = string(out)
		}
	})
	if buildErr != nil {
		t.Fatalf("build kvdoctor: %v\n%s", buildErr, binPath)
	}
	return binPath
}

func requirePythonAzure(t testing.TB) {
	t.Helper()
	out, err := exec.Command(debianPython, "-c", "import azure.identity, azure.keyvault.secrets").CombinedOutput()
	if err == nil {
		return
	}
	msg := "Debian's python3-azure is not usable (apt-get install -y python3-azure): " + strings.TrimSpace(string(out))
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// processEnv is the environment of a process pointed at the emulator only
// through the standard variables: HTTPS_PROXY and the CA file.
func processEnv(t testing.TB, srv *fakeazure.Server) []string {
	t.Helper()
	dir := t.TempDir()
	ca := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(ca, srv.CACertPEM(), 0o644); err != nil {
		t.Fatal(err)
	}
	env := []string{
		"PATH=/usr/bin:/bin", "HOME=" + dir, "NO_COLOR=1",
		"HTTPS_PROXY=" + srv.ProxyURL().String(),
		"SSL_CERT_FILE=" + ca, "REQUESTS_CA_BUNDLE=" + ca,
	}
	for k, v := range chinaEnv() {
		env = append(env, k+"="+v)
	}
	return env
}

func timeCommand(t testing.TB, env []string, name string, args ...string) (time.Duration, string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = env
	start := time.Now()
	out, err := cmd.CombinedOutput()
	d := time.Since(start)
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return d, string(out)
}

func median(d []time.Duration) time.Duration {
	slices.Sort(d)
	return d[len(d)/2]
}

// TestBinaryThroughStandardVariables runs the built kvdoctor as a user
// would, pointed at the emulator only by HTTPS_PROXY and SSL_CERT_FILE, and
// holds its healthy diagnosis to the speed budget: at most a fifth of the
// time the Python SDK takes to read one secret from the same world.
func TestBinaryThroughStandardVariables(t *testing.T) {
	requirePythonAzure(t)
	bin := kvdoctorBinary(t)
	srv := fakeazure.Start(t, healthyWorld(), fakeazure.Options{})
	env := processEnv(t, srv)
	var kv, py []time.Duration
	for range 3 {
		d, out := timeCommand(t, env, bin, "--vault", cnVault, "--secret", "mysecret")
		if !strings.Contains(out, "pass") || strings.Contains(out, secretValue) || strings.Contains(out, cnSecret) {
			t.Fatalf("kvdoctor output:\n%s", out)
		}
		kv = append(kv, d)
		d, out = timeCommand(t, env, debianPython, "../fakeazure/testdata/clients/read_secret.py", cnVault, "mysecret")
		if !strings.Contains(out, secretValue) {
			t.Fatalf("read_secret.py output:\n%s", out)
		}
		py = append(py, d)
	}
	t.Logf("healthy diagnosis: kvdoctor %s, Python read_secret.py %s (median of 3)", median(kv), median(py))
	if median(kv)*5 > median(py) {
		t.Errorf("kvdoctor took %s, more than a fifth of Python's %s", median(kv), median(py))
	}
}

// BenchmarkDiagnoseVsPython shows kvdoctor's healthy diagnosis and the
// Python SDK's read of one secret side by side, on the same world:
//
//	go test ./internal/cli -run '^$' -bench DiagnoseVsPython -benchtime 5x
func BenchmarkDiagnoseVsPython(b *testing.B) {
	requirePythonAzure(b)
	bin := kvdoctorBinary(b)
	srv := fakeazure.Start(b, healthyWorld(), fakeazure.Options{})
	env := processEnv(b, srv)
	b.Run("kvdoctor", func(b *testing.B) {
		for range b.N {
			timeCommand(b, env, bin, "--vault", cnVault, "--secret", "mysecret")
		}
	})
	b.Run("python-read_secret", func(b *testing.B) {
		for range b.N {
			timeCommand(b, env, debianPython, "../fakeazure/testdata/clients/read_secret.py", cnVault, "mysecret")
		}
	})
}
