package checks

import (
	"context"
	"io"
	"mime"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

// probeAPIVersion is the api-version of the unauthenticated probe: the one
// azsecrets v1.5.1 sends.
const probeAPIVersion = "2026-04-01"

// checkVault reaches the vault without a token: through the proxy when one
// applies, else DNS first; then TLS; then the 401 challenge, which names the
// vault's tenant and resource. It runs concurrently with checkToken.
func checkVault(ctx context.Context, s *state) (r Result) {
	r = Result{ID: catalog.CheckVault, Status: Pass}
	if !s.vaultCloudOK {
		return skipped(r, catalog.CheckCloud)
	}
	host := s.vaultURL.Hostname()
	proxy := proxyFor(s.transport, s.vaultURL)
	rec := NewRecorder(s.now)
	defer func() { r.Requests = append(r.Requests, rec.Requests()...) }()

	if proxy != nil {
		r.Facts.Add("proxy", proxyDisplay(proxy)+" (HTTPS_PROXY applies to "+host+")")
	} else {
		addrs, err := net.DefaultResolver.LookupHost(ctx, host)
		if err != nil {
			r.Add(transportFinding(err, host, nil, 0, true))
			return r
		}
		r.Facts.Add("dns", strings.Join(addrs, ", "))
	}

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.vaultURL.String()+"/secrets?api-version="+probeAPIVersion+"&maxresults=1", nil)
	if err != nil {
		r.Add(transportFinding(err, host, proxy, 0, true))
		return r
	}
	start := time.Now()
	resp, err := (&http.Client{Transport: s.transport}).Do(req)
	rec.Add(req, resp, err, time.Since(start))
	if err != nil {
		r.Add(transportFinding(err, host, proxy, s.proxy.connectStatus(host), true))
		return r
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	if resp.TLS != nil {
		r.Facts.Add("tls", tls13(resp.TLS.Version)+", certificate issued to "+resp.TLS.PeerCertificates[0].Subject.CommonName+" by "+resp.TLS.PeerCertificates[0].Issuer.CommonName)
	}
	r.Facts.Add("region", resp.Header.Get("x-ms-keyvault-region"))
	r.Facts.Add("networkInfo", resp.Header.Get("x-ms-keyvault-network-info"))
	s.clientAddress = networkInfoAddr(resp.Header.Get("x-ms-keyvault-network-info"))

	if resp.StatusCode == http.StatusTooManyRequests {
		r.Add(NewFinding(catalog.Throttled, catalog.ParamVault, s.vaultName, catalog.ParamHost, host))
		return r
	}
	ch, ok := parseChallenge(resp)
	if !ok {
		mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
		r.Add(NewFinding(catalog.NotKeyVault, catalog.ParamHost, host,
			catalog.ParamDetail, strings.TrimSpace(resp.Status+" "+mt)))
		return r
	}
	s.challenge = &ch
	r.Facts.Add("challengeAuthorization", ch.authorization)
	r.Facts.Add("challengeResource", ch.resource)
	r.Facts.Add("vaultTenant", ch.tenant)
	if c, ok := azcloud.ByVaultResource(ch.resource); ok && c.Name != s.vaultCloud.Name {
		r.Add(NewFinding(catalog.NotKeyVault, catalog.ParamHost, host, catalog.ParamDetail, "challenge resource "+ch.resource))
		return r
	}
	if isGUID(s.cred.tenantID) && ch.tenant != "" && !strings.EqualFold(ch.tenant, s.cred.tenantID) {
		r.Add(NewFinding(catalog.VaultTenantMismatch,
			catalog.ParamTenantID, s.cred.tenantID,
			catalog.ParamVaultTenantID, ch.tenant,
			catalog.ParamVault, s.vaultName,
			catalog.ParamCloud, s.vaultCloud.Name))
	}
	return r
}

// parseChallenge reads a Key Vault 401 challenge: Bearer authorization="…",
// resource="…" (or scope="…"). The tenant is the first path segment of the
// authorization URL, as both SDKs read it.
func parseChallenge(resp *http.Response) (challenge, bool) {
	var ch challenge
	if resp.StatusCode != http.StatusUnauthorized {
		return ch, false
	}
	h := resp.Header.Get("WWW-Authenticate")
	if !strings.HasPrefix(strings.ToLower(h), "bearer ") {
		return ch, false
	}
	for _, part := range strings.Split(h[len("bearer "):], ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		switch strings.ToLower(k) {
		case "authorization", "authorization_uri":
			ch.authorization = v
		case "resource":
			ch.resource = v
		case "scope":
			if ch.resource == "" {
				ch.resource = strings.TrimSuffix(v, "/.default")
			}
		}
	}
	if a := ch.authorization; a != "" {
		rest := strings.TrimPrefix(strings.TrimPrefix(a, "https://"), "http://")
		if _, path, ok := strings.Cut(rest, "/"); ok {
			ch.tenant, _, _ = strings.Cut(path, "/")
		}
	}
	return ch, ch.resource != ""
}

// networkInfoAddr is the client address in x-ms-keyvault-network-info
// (conn_type=Ipv4;addr=203.0.113.7;act_addr_fam=InterNetwork;).
func networkInfoAddr(h string) string {
	for _, kv := range strings.Split(h, ";") {
		if k, v, ok := strings.Cut(kv, "="); ok && k == "addr" {
			return v
		}
	}
	return ""
}

func tls13(v uint16) string {
	switch v {
	case 0x0304:
		return "TLS 1.3"
	case 0x0303:
		return "TLS 1.2"
	}
	return "TLS (old version)"
}
