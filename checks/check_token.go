package checks

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/aadsts"
	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

// maxClockSkew is how far the local clock may be from Entra ID's before
// tokens and assertions misbehave.
const maxClockSkew = 5 * time.Minute

// checkToken acquires a token for the vault's scope with the configured
// credential, as the app would. When an earlier check found a fix it can
// apply in memory (the vault cloud's authority), it uses the fix instead and
// marks that finding verified when a token is issued.
func checkToken(ctx context.Context, s *state) Result {
	r := Result{ID: catalog.CheckToken, Status: Pass}
	switch {
	case !s.credUsable:
		return skipped(r, catalog.CheckEnv)
	case !s.vaultCloudOK:
		return skipped(r, catalog.CheckCloud)
	case len(s.fixes) > 0 && s.cfg.NoVerify:
		return skipped(r, s.fixes[0].check)
	}
	r.Assumptions = s.assumptions()
	rec := NewRecorder(s.now)
	r.Facts.Add("credential", s.cred.kind)
	r.Facts.Add("authority", s.tokenAuthority)
	r.Facts.Add("tenant", s.cred.tenantID)
	r.Facts.Add("scope", s.tokenScope)
	if len(s.fixes) > 0 {
		r.Facts.Add("verifying", "the credential was sent to "+s.tokenAuthority+" (--no-verify turns this off)")
	}
	tok, err := s.acquire(ctx, rec, s.cred.tenantID, s.tokenAuthority, s.tokenScope)
	r.Requests = rec.Requests()
	if err != nil {
		f := s.tokenFinding(err, rec, s.cred.tenantID)
		if f.Code == catalog.InvalidClientSecret {
			s.confirmFinding(catalog.CheckEnv, catalog.SecretLooksLikeID)
		}
		r.Add(f)
		s.addClockSkew(&r, rec)
		return r
	}
	s.addClockSkew(&r, rec)
	s.token = tok
	r.Facts.Add("expiresOn", tok.expiresOn.UTC().Format(time.RFC3339))
	for _, f := range s.fixes {
		s.markVerified(f.check, f.code)
	}
	if s.cred.kind == credClientSecret && isGUID(s.cred.secret.reveal()) {
		s.clearFinding(catalog.CheckEnv, catalog.SecretLooksLikeID)
		r.Facts.Add(catalog.SecretLooksLikeID, "cleared: a token was issued with this secret")
	}
	return r
}

// addClockSkew warns when Entra ID's Date header is far from the local
// clock. It is a warning: with a client secret, skew does not make the
// request fail; a failure it causes (700024) has its own finding already.
func (s *state) addClockSkew(r *Result, rec *Recorder) {
	off, ok := rec.ClockOffset()
	if !ok || (off <= maxClockSkew && off >= -maxClockSkew) || hasFinding(*r, catalog.ClockSkew) {
		return
	}
	f := NewFinding(catalog.ClockSkew, catalog.ParamSkew, clockText(off), catalog.ParamHost, azcloud.HostOf(s.tokenAuthority))
	f.Severity = catalog.Warning
	r.Add(f)
}

// clockText shows a clock difference the same way in every language:
// +00:10:00 (the server ahead) or -01:00:00.
func clockText(d time.Duration) string {
	sign := "+"
	if d < 0 {
		sign, d = "-", -d
	}
	d = d.Round(time.Second)
	return fmt.Sprintf("%s%02d:%02d:%02d", sign, int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60)
}

// tokenFinding classifies a failed token request for tenant: by the AADSTS code in the
// response's error_codes when Entra ID answered, else by the transport error.
func (s *state) tokenFinding(err error, rec *Recorder, tenant string) Finding {
	var ce credentialError
	if errors.As(err, &ce) {
		return NewFinding(catalog.CertificateInvalid,
			catalog.ParamClientID, s.cred.clientID,
			catalog.ParamCertificatePath, s.cred.certPath,
			catalog.ParamCloud, s.vaultCloud.Name,
			catalog.ParamDetail, errorLine(ce.err))
	}
	var afe *azidentity.AuthenticationFailedError
	if errors.As(err, &afe) && afe.RawResponse != nil {
		if e, ok := readEntraError(afe.RawResponse); ok && len(e.Codes) > 0 {
			return s.aadstsFinding(e, tenant)
		}
		return NewFinding(catalog.TokenFailed, catalog.ParamDetail, fmt.Sprintf("HTTP %d from %s", afe.RawResponse.StatusCode, afe.RawResponse.Request.URL.Host))
	}
	if terr := rec.TransportError(); terr != nil {
		err = terr
	}
	host := azcloud.HostOf(s.tokenAuthority)
	u := &url.URL{Scheme: "https", Host: host}
	return transportFinding(err, host, proxyFor(s.transport, u), s.proxy.connectStatus(host), false)
}

// aadstsFinding names the finding of an Entra ID error. A workload
// identity's assertion is its federated token, so an assertion Entra ID
// cannot read or verify (50027, 700027) is that token's fault.
func (s *state) aadstsFinding(e entraError, tenant string) Finding {
	code := e.Codes[0]
	tokenCloud, _ := azcloud.ByAuthorityHost(s.tokenAuthority)
	crossCloud := tokenCloud.Name != s.vaultCloud.Name
	if c, ok := azcloud.ByVaultResource(s.tokenScope); ok && c.Name != s.vaultCloud.Name {
		crossCloud = true
	}
	slug := aadsts.FindingFor(code, crossCloud)
	if s.cred.kind == credWorkload && (code == 50027 || slug == catalog.CertificateInvalid) {
		slug = catalog.FederatedTokenInvalid
	}
	meaning := aadsts.Meaning(code)
	f := NewFinding(slug,
		catalog.ParamCode, fmt.Sprintf("AADSTS%d", code),
		catalog.ParamCodeMeaning, meaning,
		catalog.ParamCloud, s.vaultCloud.Name,
		catalog.ParamTenantID, tenant,
		catalog.ParamClientID, s.cred.clientID,
		catalog.ParamAuthorityHost, s.tokenAuthority,
		catalog.ParamExpectedAuthorityHost, s.vaultCloud.Authority(),
		catalog.ParamScope, s.tokenScope,
		catalog.ParamExpectedScope, s.vaultCloud.Scope(),
		catalog.ParamResource, strings.TrimSuffix(s.tokenScope, "/.default"),
		catalog.ParamCertificatePath, s.cred.certPath)
	if slug == catalog.EnvMalformed {
		f.Params[catalog.ParamVariable] = varTenantID
		f.Params[catalog.ParamProblem] = "not-a-tenant"
	}
	f.Quote = firstLine(e.Description)
	return f
}

func firstLine(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if i := strings.Index(s, "\n"); i >= 0 {
		s = s[:i]
	}
	if i := strings.Index(s, " Trace ID:"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func skipped(r Result, blockedBy string) Result {
	r.Status = Skip
	r.BlockedBy = blockedBy
	return r
}

// confirmFinding makes the warnings with code in check id errors: a later
// check proved them (Entra ID refused the GUID-shaped secret).
func (s *state) confirmFinding(id, code string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r := s.results[id]; r != nil {
		for i := range r.Findings {
			if r.Findings[i].Code == code {
				r.Findings[i].Severity = catalog.Error
				r.raise(Fail)
			}
		}
	}
}

// clearFinding removes the findings with code from check id's result and
// recomputes its status.
func (s *state) clearFinding(id, code string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.results[id]
	if r == nil {
		return
	}
	kept := r.Findings[:0]
	for _, f := range r.Findings {
		if f.Code != code {
			kept = append(kept, f)
		}
	}
	r.Findings, r.Status = nil, Pass
	for _, f := range kept {
		r.Add(f)
	}
}
