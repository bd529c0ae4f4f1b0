package fakeazure

import (
	"bytes"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

const (
	tokenLifetime   = time.Hour
	assertionLeeway = 5 * time.Minute
	jwtBearerType   = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
)

// tokenRequest is a client-credentials request once Entra has checked it.
type tokenRequest struct {
	tenant   *Tenant
	app      *Application
	sp       ServicePrincipal
	resource string
	acr      string
}

// token answers a token request, evaluating it in Entra's order: tenant,
// service principal, credential, resource.
func (s *Server) token(w http.ResponseWriter, r *http.Request, cloud azcloud.Cloud, tenantSeg string, v2 bool) {
	tr, aerr := s.evaluateTokenRequest(r, cloud, tenantSeg, v2)
	if aerr != nil {
		s.entraError(w, r, *aerr)
		return
	}
	now := s.Now()
	tok, err := s.mintToken(cloud, tr, now)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	s.rememberToken(tok)
	h := w.Header()
	h.Set("Cache-Control", "no-store, no-cache")
	h.Set("Pragma", "no-cache")
	h.Set("Expires", "-1")
	lifetime := int64(tokenLifetime/time.Second) - 1
	if v2 {
		writeJSON(w, http.StatusOK, map[string]any{
			"token_type": "Bearer", "expires_in": lifetime, "ext_expires_in": lifetime, "access_token": tok,
		})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"token_type": "Bearer", "expires_in": strconv.FormatInt(lifetime, 10), "ext_expires_in": strconv.FormatInt(lifetime, 10),
		"expires_on": strconv.FormatInt(now.Add(tokenLifetime).Unix(), 10), "not_before": strconv.FormatInt(now.Unix(), 10),
		"resource": tr.resource, "access_token": tok,
	})
}

func (s *Server) evaluateTokenRequest(r *http.Request, cloud azcloud.Cloud, tenantSeg string, v2 bool) (*tokenRequest, *aadError) {
	tenant, ok := s.ix.tenant(cloud.Name, tenantSeg)
	if !ok {
		e := errTenantNotFound(tenantSeg)
		e.name = "invalid_request"
		return nil, &e
	}
	if err := r.ParseForm(); err != nil {
		e := errMissingParameter("grant_type")
		return nil, &e
	}
	form := r.PostForm
	grant := form.Get("grant_type")
	switch grant {
	case "":
		e := errMissingParameter("grant_type")
		return nil, &e
	case "client_credentials":
	default:
		e := errUnsupportedGrant(grant)
		return nil, &e
	}
	clientID := form.Get("client_id")
	if clientID == "" {
		e := errMissingParameter("client_id")
		return nil, &e
	}
	tr := &tokenRequest{tenant: tenant}
	app, ok := s.ix.apps[strings.ToLower(clientID)]
	if ok {
		ok = false
		for _, sp := range app.ServicePrincipals {
			if strings.EqualFold(sp.Tenant, tenant.ID) {
				tr.sp, ok = sp, true
			}
		}
	}
	if !ok {
		e := errAppNotFound(clientID, tenant.ID)
		return nil, &e
	}
	tr.app = app
	now := s.Now()
	switch {
	case form.Get("client_secret") != "":
		if e := checkClientSecret(app, form.Get("client_secret"), now); e != nil {
			return nil, e
		}
		tr.acr = "1"
	case form.Get("client_assertion") != "":
		if form.Get("client_assertion_type") != jwtBearerType {
			e := errMissingParameter("client_assertion_type")
			return nil, &e
		}
		if e := checkClientAssertion(app, form.Get("client_assertion"), now); e != nil {
			return nil, e
		}
		tr.acr = "2"
	default:
		e := errNoCredential()
		return nil, &e
	}
	resource, e := requestedResource(form.Get("scope"), form.Get("resource"), v2)
	if e != nil {
		return nil, e
	}
	if !isIssuableResource(cloud, resource) {
		e := errResourceNotFound(resource, tenant.ID)
		return nil, &e
	}
	tr.resource = resource
	return tr, nil
}

func checkClientSecret(app *Application, secret string, now time.Time) *aadError {
	for _, cs := range app.Secrets {
		if subtle.ConstantTimeCompare([]byte(cs.Value), []byte(secret)) == 1 {
			if !now.Before(cs.EndDateTime) {
				e := errExpiredSecret(app.ClientID)
				return &e
			}
			return nil
		}
	}
	e := errInvalidSecret(app.ClientID)
	return &e
}

// checkClientAssertion verifies a certificate-signed assertion: a known
// certificate, a valid signature, an unexpired key, then the time window.
func checkClientAssertion(app *Application, assertion string, now time.Time) *aadError {
	t, err := parseJWT(assertion)
	if err != nil {
		e := errAssertionMalformed(err.Error())
		return &e
	}
	thumb := assertionThumbprint(t.header)
	if iss := str(t.claims, "iss"); thumb == "" && iss != app.ClientID {
		e := errFederatedNoMatch(iss)
		return &e
	}
	var found *ClientCertificate
	var pub *rsa.PublicKey
	var start time.Time
	for i, c := range app.Certificates {
		cert, err := parseCertificatePEM(c.CertificatePEM)
		if err != nil {
			continue
		}
		if !thumbprintMatches(t.header, cert.Raw) {
			continue
		}
		if k, ok := cert.PublicKey.(*rsa.PublicKey); ok {
			found, pub, start = &app.Certificates[i], k, cert.NotBefore
			sum := sha1.Sum(cert.Raw)
			thumb = strings.ToUpper(hex.EncodeToString(sum[:]))
			break
		}
	}
	if found == nil {
		e := errAssertionKeyNotFound(app.ClientID, thumb)
		return &e
	}
	if err := t.verifyRSA(pub); err != nil {
		e := errAssertionSignature("The provided signature value did not match the expected signature value.", thumb, *found, start)
		return &e
	}
	if !now.Before(found.EndDateTime) {
		e := errAssertionSignature("The key used is expired.", thumb, *found, start)
		return &e
	}
	nbf, hasNbf := num(t.claims, "nbf")
	exp, hasExp := num(t.claims, "exp")
	if !hasExp {
		e := errAssertionMalformed("The assertion has no exp claim.")
		return &e
	}
	if !hasNbf {
		nbf = exp - 600
	}
	nbfT, expT := time.Unix(nbf, 0), time.Unix(exp, 0)
	if now.Add(assertionLeeway).Before(nbfT) || now.Add(-assertionLeeway).After(expT) {
		e := errAssertionTime(now, nbfT, expT)
		return &e
	}
	return nil
}

// assertionThumbprint is the thumbprint the client named, in hex, as
// Entra quotes it.
func assertionThumbprint(header map[string]any) string {
	for _, key := range []string{"x5t", "x5t#S256"} {
		if b := decodeThumbprint(str(header, key)); b != nil {
			return strings.ToUpper(hex.EncodeToString(b))
		}
	}
	return ""
}

func thumbprintMatches(header map[string]any, der []byte) bool {
	s1 := sha1.Sum(der)
	s256 := sha256.Sum256(der)
	if b := decodeThumbprint(str(header, "x5t#S256")); b != nil && bytes.Equal(b, s256[:]) {
		return true
	}
	b := decodeThumbprint(str(header, "x5t"))
	return b != nil && bytes.Equal(b, s1[:])
}

func decodeThumbprint(s string) []byte {
	if s == "" {
		return nil
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawURLEncoding, base64.RawStdEncoding} {
		if b, err := enc.DecodeString(s); err == nil {
			return b
		}
	}
	return nil
}

// requestedResource finds the resource of a v2 scope (RESOURCE/.default)
// or of a v1 resource parameter.
func requestedResource(scope, resource string, v2 bool) (string, *aadError) {
	if !v2 {
		if resource == "" {
			e := errMissingParameter("resource")
			return "", &e
		}
		return resource, nil
	}
	var res []string
	for _, sc := range strings.Fields(scope) {
		switch sc {
		case "openid", "offline_access", "profile", "email":
			continue
		}
		res = append(res, sc)
	}
	if len(res) != 1 || !strings.HasSuffix(res[0], "/.default") {
		e := errInvalidScope(scope)
		return "", &e
	}
	return strings.TrimSuffix(res[0], "/.default"), nil
}

// isIssuableResource says whether this cloud's Entra knows the resource:
// its own Key Vault or its own Resource Manager.
func isIssuableResource(cloud azcloud.Cloud, resource string) bool {
	r := strings.TrimSuffix(strings.ToLower(resource), "/")
	return r == cloud.VaultResource || r == cloud.ManagementResource
}

// mintToken issues a v1 app-only access token signed with the cloud's key.
func (s *Server) mintToken(cloud azcloud.Cloud, tr *tokenRequest, now time.Time) (string, error) {
	k, err := cloudSigningKey(cloud.Name)
	if err != nil {
		return "", err
	}
	iss := cloud.Issuer(tr.tenant.ID)
	claims := map[string]any{
		"aud":      strings.TrimSuffix(tr.resource, "/"),
		"iss":      iss,
		"iat":      now.Unix(),
		"nbf":      now.Unix(),
		"exp":      now.Add(tokenLifetime).Unix(),
		"aio":      base64.RawURLEncoding.EncodeToString([]byte(newID())),
		"appid":    tr.app.ClientID,
		"appidacr": tr.acr,
		"idp":      iss,
		"idtyp":    "app",
		"oid":      tr.sp.ObjectID,
		"rh":       "0.fakeazure.",
		"sub":      tr.sp.ObjectID,
		"tid":      tr.tenant.ID,
		"uti":      base64.RawURLEncoding.EncodeToString([]byte(newID()))[:22],
		"ver":      "1.0",
	}
	header := map[string]any{"typ": "JWT", "alg": "RS256", "x5t": k.kid, "kid": k.kid}
	return signRS256(header, claims, k.priv)
}
