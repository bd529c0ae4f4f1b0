package checks

import (
	"encoding/json"
	"errors"
	"net"
	"net/url"
	"testing"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

func TestReportStatus(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		statuses []Status
		want     Status
	}{
		{"all pass", []Status{Pass, Pass}, Pass},
		{"skip does not fail", []Status{Pass, Skip}, Pass},
		{"warn", []Status{Pass, Warn, Skip}, Warn},
		{"fail wins", []Status{Warn, Fail, Pass}, Fail},
		{"fail before warn", []Status{Fail, Warn}, Fail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var r Report
			for _, s := range tt.statuses {
				r.Results = append(r.Results, Result{Status: s})
			}
			if got := r.Status(); got != tt.want {
				t.Errorf("Status() = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestResultAddRaisesStatus(t *testing.T) {
	t.Parallel()
	r := Result{Status: Pass}
	r.Add(NewFinding(catalog.ListDenied))
	if r.Status != Warn {
		t.Fatalf("after a warning: %s", r.Status)
	}
	r.Add(NewFinding(catalog.AccessPolicyMissingGet))
	r.Add(NewFinding(catalog.ListDenied))
	if r.Status != Fail {
		t.Fatalf("after an error: %s", r.Status)
	}
}

func TestFactsKeepOrderInJSON(t *testing.T) {
	t.Parallel()
	var fs Facts
	fs.Add("tid", "t")
	fs.Add("appid", "a")
	fs.Add("empty", "")
	fs.Add("aud", "https://vault.azure.cn")
	b, err := json.Marshal(fs)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"tid":"t","appid":"a","aud":"https://vault.azure.cn"}` {
		t.Fatalf("JSON %s", b)
	}
	var back Facts
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if len(back) != 3 || back[0].Key != "tid" || back[2].Key != "aud" || back.Get("appid") != "a" {
		t.Errorf("round trip %+v", back)
	}
}

func TestParseVault(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		cloud    azcloud.Cloud
		want     string
		wantErr  bool
	}{
		{"china URL", "https://mykeyvalue01.vault.azure.cn", azcloud.Cloud{}, "https://mykeyvalue01.vault.azure.cn", false},
		{"URL with path and case", "https://MyKeyValue01.vault.azure.cn/secrets/x", azcloud.Cloud{}, "https://mykeyvalue01.vault.azure.cn", false},
		{"bare name, china", "mykeyvalue01", azcloud.China, "https://mykeyvalue01.vault.azure.cn", false},
		{"bare name, default public", "mykeyvalue01", azcloud.Cloud{}, "https://mykeyvalue01.vault.azure.net", false},
		{"bare name, usgov", "mykeyvalue01", azcloud.USGov, "https://mykeyvalue01.vault.usgovcloudapi.net", false},
		{"http", "http://mykeyvalue01.vault.azure.cn", azcloud.Cloud{}, "", true},
		{"not a URL", "https://exa mple", azcloud.Cloud{}, "", true},
		{"name too short", "ab", azcloud.Cloud{}, "", true},
		{"empty", " ", azcloud.Cloud{}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			u, err := ParseVault(tt.in, tt.cloud)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if err == nil && u.String() != tt.want {
				t.Errorf("got %s, want %s", u, tt.want)
			}
		})
	}
}

func TestTransportFinding(t *testing.T) {
	t.Parallel()
	proxy := &url.URL{Scheme: "http", Host: "127.0.0.1:3128"}
	refused := &net.OpError{Op: "proxyconnect", Net: "tcp", Err: errors.New("connection refused")}
	tests := []struct {
		name   string
		err    error
		proxy  *url.URL
		status int
		vault  bool
		want   string
	}{
		{"proxy cannot resolve the vault", errors.New("Bad Gateway"), proxy, 502, true, catalog.VaultNotFound},
		{"proxy wants credentials", errors.New("Proxy Authentication Required"), proxy, 407, true, catalog.ProxyProblem},
		{"proxy refuses connections", refused, proxy, 0, true, catalog.ProxyProblem},
		{"proxy never answers the CONNECT", errors.New("context deadline exceeded"), proxy, 0, true, catalog.ProxyProblem},
		{"tunnel open, vault silent", errors.New("context deadline exceeded"), proxy, 200, true, catalog.VaultUnreachable},
		{"proxy gateway timeout", errors.New("Gateway Timeout"), proxy, 504, true, catalog.VaultUnreachable},
		{"no such host", &net.DNSError{Err: "no such host", Name: "x.vault.azure.cn", IsNotFound: true}, nil, 0, true, catalog.VaultNotFound},
		{"timeout", errors.New("context deadline exceeded"), nil, 0, true, catalog.VaultUnreachable},
		{"login host unreachable", errors.New("context deadline exceeded"), nil, 0, false, catalog.AuthorityUnreachable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := transportFinding(tt.err, "x.vault.azure.cn", tt.proxy, tt.status, tt.vault); got.Code != tt.want {
				t.Errorf("got %s, want %s", got.Code, tt.want)
			}
		})
	}
}
