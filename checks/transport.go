package checks

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// proxyRecorder remembers the status a proxy gave to each CONNECT, which
// Go's transport otherwise hides behind a generic error.
type proxyRecorder struct {
	mu     sync.Mutex
	status map[string]int
}

func (p *proxyRecorder) onConnect(_ context.Context, _ *url.URL, req *http.Request, resp *http.Response) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.status == nil {
		p.status = map[string]int{}
	}
	host := req.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	p.status[host] = resp.StatusCode
	return nil
}

func (p *proxyRecorder) connectStatus(host string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.status[host]
}

// newTransport clones base (or azcore's defaults: the environment's proxy
// and the system roots) and adds the CONNECT hook. Retries are left to
// kvdoctor's callers, which make none: a doctor reports the first answer.
func newTransport(base *http.Transport, p *proxyRecorder) *http.Transport {
	var t *http.Transport
	if base != nil {
		t = base.Clone()
	} else {
		t = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          100,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: time.Second,
			TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
		}
	}
	t.OnProxyConnectResponse = p.onConnect
	return t
}

// proxyFor is the proxy the transport uses for u, or nil.
func proxyFor(t *http.Transport, u *url.URL) *url.URL {
	if t.Proxy == nil {
		return nil
	}
	p, err := t.Proxy(&http.Request{URL: u, Header: http.Header{}})
	if err != nil {
		return nil
	}
	return p
}

// proxyDisplay is a proxy URL as reports show it: scheme and host, never
// credentials or a path.
func proxyDisplay(p *url.URL) string {
	if p == nil {
		return ""
	}
	return p.Scheme + "://" + p.Host
}

// transportFinding names the finding of an exchange that got no HTTP
// response from host: the proxy refused or failed, the name does not
// resolve, TLS is not trusted, or nothing answered.
func transportFinding(err error, host string, proxy *url.URL, connectStatus int, vault bool) Finding {
	detail := errorLine(err)
	via := proxyDisplay(proxy)
	unreachable := func() Finding {
		if vault {
			return NewFinding(catalog.VaultUnreachable, catalog.ParamHost, host, catalog.ParamDetail, detail, catalog.ParamProxy, via)
		}
		return NewFinding(catalog.AuthorityUnreachable, catalog.ParamHost, host, catalog.ParamDetail, detail, catalog.ParamProxy, via)
	}
	var dnsErr *net.DNSError
	var unknownAuthority x509.UnknownAuthorityError
	var hostnameErr x509.HostnameError
	var invalidCert x509.CertificateInvalidError
	var verifyErr *tls.CertificateVerificationError
	switch {
	case proxy != nil && connectStatus == http.StatusBadGateway && vault:
		return NewFinding(catalog.VaultNotFound, catalog.ParamHost, host, catalog.ParamProxy, via, catalog.ParamDetail, detail)
	case proxy != nil && connectStatus == http.StatusGatewayTimeout:
		return unreachable()
	case proxy != nil && connectStatus != 0 && connectStatus != http.StatusOK:
		return NewFinding(catalog.ProxyProblem, catalog.ParamProxy, via, catalog.ParamHost, host, catalog.ParamDetail, detail)
	case proxy != nil && connectStatus == 0:
		return NewFinding(catalog.ProxyProblem, catalog.ParamProxy, via, catalog.ParamHost, host, catalog.ParamDetail, detail)
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound && vault:
		return NewFinding(catalog.VaultNotFound, catalog.ParamHost, host, catalog.ParamDetail, detail)
	case errors.As(err, &unknownAuthority), errors.As(err, &hostnameErr), errors.As(err, &invalidCert), errors.As(err, &verifyErr):
		return NewFinding(catalog.TLSUntrusted, catalog.ParamHost, host, catalog.ParamDetail, detail, catalog.ParamProxy, via)
	}
	return unreachable()
}
