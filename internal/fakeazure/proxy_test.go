package fakeazure_test

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kvdoctor/kvdoctor/internal/fakeazure"
)

// connect sends a raw CONNECT to the proxy and returns the status line and
// the open connection.
func connect(t testing.TB, srv *fakeazure.Server, target string) (int, net.Conn) {
	t.Helper()
	c, err := net.DialTimeout("tcp", srv.ProxyURL().Host, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(c, "CONNECT %s HTTP/1.1\r\nHost: %s\r\n\r\n", target, target)
	br := bufio.NewReader(c)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		resp.Body.Close()
	}
	return resp.StatusCode, c
}

func TestConnectRefusesHostsAzureDoesNotHave(t *testing.T) {
	t.Parallel()
	srv, _ := startWorld(t, "china-healthy")
	tests := []struct {
		name   string
		target string
		want   int
	}{
		{name: "known vault", target: "mykeyvalue01.vault.azure.cn:443", want: 200},
		{name: "sign-in host", target: "login.chinacloudapi.cn:443", want: 200},
		{name: "global sign-in host", target: "login.microsoftonline.com:443", want: 200},
		{name: "mistyped vault", target: "mykeyvalue10.vault.azure.cn:443", want: 502},
		{name: "vault in the wrong cloud", target: "mykeyvalue01.vault.azure.net:443", want: 502},
		{name: "other host", target: "example.com:443", want: 502},
		{name: "known host, other port", target: "mykeyvalue01.vault.azure.cn:8443", want: 502},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			status, c := connect(t, srv, tt.target)
			c.Close()
			if status != tt.want {
				t.Errorf("CONNECT %s: %d, want %d", tt.target, status, tt.want)
			}
		})
	}
}

func TestLeafCertificateIsMintedOnceAndTrusted(t *testing.T) {
	t.Parallel()
	srv, _ := startWorld(t, "china-healthy")
	var serials []string
	for range 2 {
		_, c := connect(t, srv, "mykeyvalue01.vault.azure.cn:443")
		tc := tls.Client(c, &tls.Config{ServerName: "mykeyvalue01.vault.azure.cn", RootCAs: srv.CAPool()})
		if err := tc.Handshake(); err != nil {
			t.Fatalf("handshake: %v", err)
		}
		serials = append(serials, tc.ConnectionState().PeerCertificates[0].SerialNumber.String())
		tc.Close()
	}
	if serials[0] != serials[1] {
		t.Error("leaf certificate minted twice for one host")
	}
}

// syncBuffer is a bytes.Buffer safe for the emulator's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestRequestLogIsOneJSONLinePerRequest(t *testing.T) {
	t.Parallel()
	var buf syncBuffer
	srv := fakeazure.Start(t, loadWorld(t, "china-healthy"), fakeazure.Options{Log: &buf})
	resp, err := srv.HTTPClient().Get(chinaVault + "/secrets/mysecret?api-version=7.3")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	_, c := connect(t, srv, "nosuchvault.vault.azure.cn:443")
	c.Close()
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("log has %d lines, want 2:\n%s", len(lines), buf.String())
	}
	var first map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"time", "host", "method", "path", "status"} {
		if _, ok := first[k]; !ok {
			t.Errorf("log line lacks %q: %s", k, lines[0])
		}
	}
	if first["host"] != "mykeyvalue01.vault.azure.cn" || first["path"] != "/secrets/mysecret" || first["status"] != float64(401) {
		t.Errorf("first line = %s", lines[0])
	}
	if got := srv.Log(); len(got) != 2 || got[1].Status != 502 || got[1].Method != "CONNECT" {
		t.Errorf("Log() = %+v", got)
	}
}

func TestCADirectoryIsReused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir() + "/ca"
	w := loadWorld(t, "china-healthy")
	first := fakeazure.Start(t, w, fakeazure.Options{CADir: dir})
	second := fakeazure.Start(t, w, fakeazure.Options{CADir: dir})
	if !bytes.Equal(first.CACertPEM(), second.CACertPEM()) {
		t.Error("second start made a new CA instead of reusing the directory's")
	}
}

// BenchmarkTLSHandshake measures a client handshake through the proxy for
// a host whose leaf is cached: it must not dominate kvdoctor's timings.
func BenchmarkTLSHandshake(b *testing.B) {
	srv := fakeazure.Start(b, loadWorldB(b, "china-healthy"), fakeazure.Options{})
	cfg := &tls.Config{ServerName: "mykeyvalue01.vault.azure.cn", RootCAs: srv.CAPool(), ClientSessionCache: tls.NewLRUClientSessionCache(4)}
	for b.Loop() {
		_, c := connect(b, srv, "mykeyvalue01.vault.azure.cn:443")
		tc := tls.Client(c, cfg)
		if err := tc.Handshake(); err != nil {
			b.Fatal(err)
		}
		tc.Close()
	}
}

func loadWorldB(b *testing.B, name string) *fakeazure.World {
	w, err := fakeazure.LoadWorld("testdata/worlds/" + name + ".json")
	if err != nil {
		b.Fatal(err)
	}
	return w
}
