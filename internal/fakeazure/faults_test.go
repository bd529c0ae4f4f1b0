package fakeazure_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
)

// TestFaultsThroughAzsecrets drives each fault kind with the real client
// and classifies what it returns the way kvdoctor has to: by type, by
// errno, or, for an HTML page that no error type describes, by the
// captured response.
func TestFaultsThroughAzsecrets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		vault   string
		timeout time.Duration
		check   func(t *testing.T, err error, resp *http.Response, elapsed time.Duration)
	}{
		{
			name: "throttle", vault: "kvthrottled01",
			check: func(t *testing.T, err error, resp *http.Response, _ time.Duration) {
				got := keyVaultFailure(t, err)
				if got.Status != 429 || got.ErrorCode != "Throttled" {
					t.Errorf("got %d %s", got.Status, got.ErrorCode)
				}
				if resp.Header.Get("Retry-After") != "" {
					t.Error("Retry-After sent; the real 429 dump had none")
				}
			},
		},
		{
			name: "html page with status 200", vault: "kvportal01",
			check: func(t *testing.T, err error, resp *http.Response, _ time.Duration) {
				if err == nil {
					t.Fatal("no error for an HTML page")
				}
				if resp == nil || resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
					t.Errorf("captured response is not a 200 HTML page: %+v", resp)
				}
			},
		},
		{
			name: "latency", vault: "kvslow01",
			check: func(t *testing.T, err error, _ *http.Response, elapsed time.Duration) {
				if err != nil {
					t.Fatal(err)
				}
				if elapsed < 600*time.Millisecond {
					t.Errorf("two requests with 300ms latency took %v", elapsed)
				}
			},
		},
		{
			name: "blackhole", vault: "kvblackhole01", timeout: time.Second,
			check: func(t *testing.T, err error, _ *http.Response, _ time.Duration) {
				if !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("want context.DeadlineExceeded, got %v", err)
				}
			},
		},
		{
			name: "reset", vault: "kvreset01",
			check: func(t *testing.T, err error, _ *http.Response, _ time.Duration) {
				if !errors.Is(err, syscall.ECONNRESET) {
					t.Errorf("want ECONNRESET, got %v", err)
				}
			},
		},
		{
			name: "mistyped vault name", vault: "mykeyvalue02",
			check: func(t *testing.T, err error, _ *http.Response, _ time.Duration) {
				var ue *url.Error
				if !errors.As(err, &ue) || ue.Err.Error() != "Bad Gateway" {
					t.Errorf("want *url.Error from a 502 CONNECT, got %T %v", err, err)
				}
			},
		},
	}
	srv, w := startWorld(t, "china-faults")
	app := w.Applications[0]
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cred := secretCredential(t, srv, cloud.AzureChina, app.HomeTenant, app.ClientID, app.Secrets[0].Value)
			timeout := tt.timeout
			if timeout == 0 {
				timeout = 20 * time.Second
			}
			ctx, cancel := context.WithTimeout(context.Background(), timeout)
			defer cancel()
			var resp *http.Response
			ctx = policy.WithCaptureResponse(ctx, &resp)
			start := time.Now()
			_, err := secretClient(t, srv, cloud.AzureChina, "https://"+tt.vault+".vault.azure.cn", cred).GetSecret(ctx, "mysecret", "", nil)
			tt.check(t, err, resp, time.Since(start))
		})
	}
}

// TestClockSkew: the emulator runs an hour ahead. Secrets still work (Entra
// does not look at the client's clock), Key Vault's Date header shows the
// skew, and a certificate assertion falls outside its window (700024, in
// TestEntraErrorsThroughAzidentity).
func TestClockSkew(t *testing.T) {
	t.Parallel()
	srv, w := startWorld(t, "china-clock-skew")
	app := w.Applications[0]
	cred := secretCredential(t, srv, cloud.AzureChina, app.HomeTenant, app.ClientID, app.Secrets[0].Value)
	var resp *http.Response
	ctx := policy.WithCaptureResponse(testContext(t), &resp)
	if _, err := secretClient(t, srv, cloud.AzureChina, chinaVault, cred).GetSecret(ctx, "mysecret", "", nil); err != nil {
		t.Fatal(err)
	}
	date, err := http.ParseTime(resp.Header.Get("Date"))
	if err != nil {
		t.Fatal(err)
	}
	if skew := time.Until(date); skew < 59*time.Minute || skew > 61*time.Minute {
		t.Errorf("Date header is %v ahead, want one hour", skew)
	}
}
