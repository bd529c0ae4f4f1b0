package checks

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

// claimNames are the claims shown, in this order. Nothing else of the token
// (least of all its signature) reaches the report.
var claimNames = []string{"tid", "appid", "azp", "oid", "aud", "iss", "idtyp", "ver"}

// checkClaims decodes the token (without verifying its signature: kvdoctor
// holds no key, and Key Vault will verify it) and holds aud, iss and tid
// against what the vault expects.
func checkClaims(ctx context.Context, s *state) Result {
	r := Result{ID: catalog.CheckClaims, Status: Pass}
	if s.token == nil {
		return skipped(r, catalog.CheckToken)
	}
	r.Assumptions = s.assumptions()
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(s.token.raw, claims); err != nil {
		r.Add(NewFinding(catalog.TokenFailed, catalog.ParamDetail, "the token is not a JWT: "+errorLine(err)))
		return r
	}
	r.Facts.Add("signature", "not verified (decoded only)")
	for _, name := range claimNames {
		r.Facts.Add(name, claimString(claims[name]))
	}
	aud := strings.TrimSuffix(claimString(claims["aud"]), "/")
	iss := claimString(claims["iss"])
	tid := claimString(claims["tid"])
	appID := claimString(claims["appid"])
	if appID == "" {
		appID = claimString(claims["azp"])
	}
	s.appID, s.objectID = appID, claimString(claims["oid"])
	if exp, err := claims.GetExpirationTime(); err == nil && exp != nil {
		r.Facts.Add("exp", exp.UTC().Format(time.RFC3339))
	}

	if aud != s.vaultCloud.VaultResource {
		code := catalog.TokenAudienceWrong
		if c, ok := azcloud.ByVaultResource(aud); ok && c.Name != s.vaultCloud.Name {
			code = catalog.CloudMismatch
		}
		r.Add(NewFinding(code,
			catalog.ParamExpectedAudience, s.vaultCloud.VaultResource,
			catalog.ParamFoundAudience, aud,
			catalog.ParamVault, s.vaultName,
			catalog.ParamCloud, s.vaultCloud.Name,
			catalog.ParamScope, s.tokenScope,
			catalog.ParamExpectedScope, s.vaultCloud.Scope()))
		s.verifyScope(ctx, &r, code)
	}
	if c, ok := azcloud.ByIssuer(iss); !ok || (c.IssuerHost != s.vaultCloud.IssuerHost) {
		r.Add(NewFinding(catalog.CloudMismatch,
			catalog.ParamCloud, s.vaultCloud.Name,
			catalog.ParamFoundIssuer, iss,
			catalog.ParamExpectedIssuer, s.vaultCloud.Issuer(tid),
			catalog.ParamExpectedAuthorityHost, s.vaultCloud.Authority()))
	}
	if s.challenge != nil && s.challenge.tenant != "" && !strings.EqualFold(tid, s.challenge.tenant) && !s.tenantMismatchReported {
		r.Add(NewFinding(catalog.VaultTenantMismatch,
			catalog.ParamTenantID, tid,
			catalog.ParamVaultTenantID, s.challenge.tenant,
			catalog.ParamVault, s.vaultName,
			catalog.ParamCloud, s.vaultCloud.Name,
			catalog.ParamFoundIssuer, iss,
			catalog.ParamExpectedIssuer, s.vaultCloud.Issuer(s.challenge.tenant)))
	}
	return r
}

// verifyScope asks for a token of the vault's own scope after the token
// of the app's scope had the wrong audience; access then runs with it.
func (s *state) verifyScope(ctx context.Context, r *Result, code string) {
	if s.cfg.NoVerify {
		return
	}
	rec := NewRecorder(s.now)
	tok, err := s.acquire(ctx, rec, s.token.tenant, s.token.authority, s.vaultCloud.Scope())
	r.Requests = append(r.Requests, rec.Requests()...)
	if err != nil {
		return
	}
	s.token = tok
	s.fixes = append(s.fixes, fix{check: catalog.CheckClaims, code: code})
	r.Findings[len(r.Findings)-1].Verified = true
}

func claimString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return fmt.Sprintf("%.0f", v)
	case []any:
		parts := make([]string, len(v))
		for i, p := range v {
			parts[i] = claimString(p)
		}
		return strings.Join(parts, " ")
	}
	return fmt.Sprint(v)
}
