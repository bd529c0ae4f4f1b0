package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kvdoctor/kvdoctor/internal/azcloud"
	"github.com/kvdoctor/kvdoctor/internal/fakeazure"
)

// worldFiles are every emulator world in the repository: the emulator's
// own test worlds and the demo's.
func worldFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"../fakeazure/testdata/worlds/*.json", "../demo/worlds/*.json"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 5 {
		t.Fatalf("found only %d world files", len(files))
	}
	return files
}

// worldSecrets are the values of a world that must never be printed.
func worldSecrets(w *fakeazure.World) []string {
	var s []string
	for _, a := range w.Applications {
		for _, c := range a.Secrets {
			s = append(s, c.Value)
		}
	}
	for _, v := range w.Vaults {
		for _, sec := range v.Secrets {
			s = append(s, sec.Value)
		}
	}
	return s
}

var guidPattern = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)

// TestNoLeakInAnyWorld runs kvdoctor with every app's credential against
// every vault of every world, with the vault cloud's authority and with
// none (so corrected authorities are verified too), in every format and
// language: no client secret, secret value, issued token or token signature
// appears in any output; with --redact, no full GUID of the world and not
// the client address either.
func TestNoLeakInAnyWorld(t *testing.T) {
	t.Parallel()
	for _, file := range worldFiles(t) {
		w, err := fakeazure.LoadWorld(file)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		identifying := guidPattern.FindAllString(string(raw), -1)
		if w.ClientIP != "" {
			identifying = append(identifying, w.ClientIP)
		}
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			srv := fakeazure.Start(t, w, fakeazure.Options{})
			for _, app := range w.Applications {
				for _, v := range w.Vaults {
					c, _ := azcloud.ByName(v.Cloud)
					for _, authority := range []string{c.Authority(), ""} {
						env := map[string]string{
							"AZURE_TENANT_ID":      app.HomeTenant,
							"AZURE_CLIENT_ID":      app.ClientID,
							"AZURE_AUTHORITY_HOST": authority,
						}
						if len(app.Secrets) > 0 {
							env["AZURE_CLIENT_SECRET"] = app.Secrets[0].Value
						}
						args := []string{"--vault", c.VaultURL(v.Name), "--timeout", "1s", "--verbose"}
						if len(v.Secrets) > 0 {
							args = append(args, "--secret", v.Secrets[0].Name)
						}
						for _, format := range []string{"text", "json", "markdown"} {
							for _, lang := range []string{"en", "zh-CN"} {
								a := append(append([]string(nil), args...), "--format", format, "--lang", lang)
								t.Run(app.DisplayName+"/"+v.Name+"/"+authority+"/"+format+"/"+lang, func(t *testing.T) {
									t.Parallel()
									r := runWith(t, srv, srv.Transport(), env, a...)
									assertNoLeak(t, r, worldSecrets(w), nil)
									r = runWith(t, srv, srv.Transport(), env, append(a, "--redact")...)
									assertNoLeak(t, r, worldSecrets(w), identifying)
								})
							}
						}
					}
				}
			}
		})
	}
}

func assertNoLeak(t *testing.T, r run, secrets, identifying []string) {
	t.Helper()
	out := r.stdout + r.stderr
	leaks := append([]string(nil), secrets...)
	for _, tok := range r.srv.IssuedTokens() {
		leaks = append(leaks, tok)
		if i := strings.LastIndexByte(tok, '.'); i >= 0 {
			leaks = append(leaks, tok[i+1:])
		}
	}
	for _, c := range leaks {
		if c != "" && strings.Contains(out, c) {
			t.Errorf("output leaks a secret or token (%s…)", c[:min(len(c), 10)])
		}
	}
	for _, g := range identifying {
		if strings.Contains(strings.ToLower(out), strings.ToLower(g)) {
			t.Errorf("redacted output still shows %s", g)
		}
	}
}

// TestSecretInTheWrongPlace: a client secret pasted into another variable
// or a flag, which kvdoctor does repeat, is masked in every format, with
// and without --redact; so is a password in a URL.
func TestSecretInTheWrongPlace(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		env  map[string]string
		args []string
	}{
		{"authority host", withEnv(chinaEnv(), "AZURE_AUTHORITY_HOST", "https://login.chinacloudapi.cn/"+cnSecret), nil},
		{"authority query", withEnv(chinaEnv(), "AZURE_AUTHORITY_HOST", "https://login.chinacloudapi.cn/?client_secret="+cnSecret), nil},
		{"username", withEnv(chinaEnv(), "AZURE_CLIENT_SECRET", "", "AZURE_USERNAME", cnSecret, "AZURE_PASSWORD", "pw-CANARY-123"), nil},
		{"allowed tenants", withEnv(chinaEnv(), "AZURE_ADDITIONALLY_ALLOWED_TENANTS", cnSecret), nil},
		{"scope", chinaEnv(), []string{"--scope", cnSecret}},
		{"password in the authority URL", withEnv(chinaEnv(), "AZURE_AUTHORITY_HOST", "https://bob:PW0rd-CANARY@login.chinacloudapi.cn"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := fakeazure.Start(t, healthyWorld(), fakeazure.Options{})
			for _, format := range []string{"text", "json", "markdown"} {
				for _, redact := range []bool{false, true} {
					args := append([]string{"--vault", cnVault, "--verbose", "--format", format}, tt.args...)
					if redact {
						args = append(args, "--redact")
					}
					r := runWith(t, srv, srv.Transport(), tt.env, args...)
					assertNoLeak(t, r, []string{cnSecret, "pw-CANARY-123", "PW0rd-CANARY"}, nil)
				}
			}
		})
	}
}
