package explain

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// FuzzExplain feeds anything to Explain: it must never panic, and what it
// returns must be well formed.
func FuzzExplain(f *testing.F) {
	f.Add([]byte(seed))
	f.Add([]byte(""))
	f.Add([]byte("\x00\xff\xfe\x1b[31m\\u00"))
	f.Add([]byte("AADSTS"))
	f.Add([]byte("AKV10022: Invalid audience. Expected , found:"))
	f.Add([]byte("EnvironmentCredential:\n\n:credential"))
	files, _ := filepath.Glob("testdata/corpus/*.txt")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		res := Explain(b)
		if res.Primary == nil && len(res.Findings) > 0 {
			t.Fatalf("findings without a primary: %v", codes(res.Findings))
		}
		if res.Evidence.AADSTS == nil || res.Evidence.Hosts == nil || res.Evidence.Credentials == nil {
			t.Fatal("nil evidence list")
		}
	})
}

// TestAwkwardInputs are inputs that break parsers: each must get a clean
// answer, quickly.
func TestAwkwardInputs(t *testing.T) {
	t.Parallel()
	garbage := make([]byte, 1<<20)
	for i := range garbage {
		garbage[i] = byte(i*7919 + i>>3)
	}
	tests := []struct {
		name string
		text []byte
	}{
		{name: "empty", text: nil},
		{name: "binary garbage", text: garbage},
		{name: "1 MB single line", text: bytes.Repeat([]byte("abcdefghij "), 100<<10)},
		{name: "1 MB single line of one code", text: bytes.Repeat([]byte("AADSTS500011"), 90<<10)},
		{name: "only escapes", text: bytes.Repeat([]byte(`\\\"\r\n\u00`), 50<<10)},
		{name: "a million credentials", text: bytes.Repeat([]byte("EnvironmentCredential: x\n"), 40<<10)},
		{name: "many distinct codes", text: distinctCodes("AADSTS", 1<<20)},
		{name: "many distinct Key Vault codes", text: distinctCodes("AKV1", 1<<20)},
		{name: "credentials before a long line", text: append(bytes.Repeat([]byte("SharedTokenCacheCredential: failed\n"), 4000), bytes.Repeat([]byte("y"), 1<<20)...)},
		{name: "a long line of hosts", text: bytes.Repeat([]byte("https://a.vault.azure.cn login.microsoftonline.com "), 20<<10)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			limit := 2 * time.Second
			if raceEnabled {
				limit = 20 * time.Second
			}
			start := time.Now()
			res := Explain(tt.text)
			if d := time.Since(start); d > limit {
				t.Errorf("took %v, want under %v", d, limit)
			}
			if res.Evidence.TraceIDs == nil {
				t.Error("nil evidence list")
			}
		})
	}
}

// distinctCodes is n bytes of prefix followed by ever new numbers.
func distinctCodes(prefix string, n int) []byte {
	var b bytes.Buffer
	for i := 1000; b.Len() < n; i++ {
		fmt.Fprintf(&b, "%s%d: x\n", prefix, i)
	}
	return b.Bytes()
}

// TestTenMegabytes explains a 10 MB log with the seed at its end in under a
// second (ten under the race detector, which slows everything down).
func TestTenMegabytes(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	log := bigLog(10 << 20)
	limit := time.Second
	if raceEnabled {
		limit = 10 * time.Second
	}
	start := time.Now()
	res := Explain(log)
	d := time.Since(start)
	t.Logf("10 MB explained in %v", d)
	if d > limit {
		t.Errorf("10 MB took %v, want under %v", d, limit)
	}
	if res.Primary == nil || res.Primary.Finding.Code != catalog.EnvMissing {
		t.Errorf("primary = %v, want env-missing", res.Primary)
	}
}

func BenchmarkExplain10MB(b *testing.B) {
	log := bigLog(10 << 20)
	b.SetBytes(int64(len(log)))
	for b.Loop() {
		Explain(log)
	}
}

// bigLog is n bytes of a busy application log that ends with the seed.
func bigLog(n int) []byte {
	lines := [][]byte{
		[]byte("2024-05-01T10:00:00.123Z INFO  [http] GET https://myvault.vault.azure.cn/secrets/db/?api-version=7.4 401 12ms x-ms-request-id: 8d7c2b1a-1111-2222-3333-444455556666\n"),
		[]byte("2024-05-01T10:00:00.456Z DEBUG [pool] connection reused, idle=3 busy=1 credential cache hit\n"),
		[]byte("2024-05-01T10:00:01.000Z WARN  [retry] attempt 2 of 3 for https://login.chinacloudapi.cn/tenant/oauth2/v2.0/token status 200\n"),
	}
	var b bytes.Buffer
	for i := 0; b.Len() < n-len(seed); i++ {
		b.Write(lines[i%len(lines)])
	}
	b.WriteString(seed)
	return b.Bytes()
}
