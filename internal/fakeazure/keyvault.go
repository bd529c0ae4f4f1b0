package fakeazure

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/netip"
	"slices"
	"strings"

	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

const kvServiceVersion = "1.9.3347.1"

// kvAPIVersions are the api-version values Key Vault serves.
var kvAPIVersions = []string{"7.0", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "2025-07-01", "2026-04-01"}

// kvLatestAPIVersion is the version Key Vault suggests in BadParameter.
const kvLatestAPIVersion = "2026-04-01"

// secretCreated is the created/updated time every emulated secret reports.
const secretCreated = 1767225600

// caller is the identity a valid token names.
type caller struct {
	appID, oid, iss string
}

func (c caller) String() string {
	return "appid=" + c.appID + ";oid=" + c.oid + ";iss=" + c.iss
}

// serveVault answers a request to a vault, in Key Vault's order:
// api-version, token, network, authorization, then the secret itself.
func (s *Server) serveVault(w http.ResponseWriter, r *http.Request, v *Vault, cloud azcloud.Cloud) {
	s.setVaultHeaders(w, v)
	path := strings.TrimSuffix(r.URL.Path, "/")
	if strings.EqualFold(path, "/healthstatus") {
		w.WriteHeader(http.StatusOK)
		return
	}
	if ver := r.URL.Query().Get("api-version"); !slices.Contains(kvAPIVersions, ver) {
		writeKVError(w, errBadAPIVersion(ver))
		return
	}
	who, kerr := s.authenticate(r, v, cloud)
	if kerr != nil {
		if kerr.status == http.StatusUnauthorized {
			w.Header().Set("WWW-Authenticate", challenge(v, cloud))
		}
		writeKVError(w, *kerr)
		return
	}
	if kerr := checkNetwork(v, s.world.ClientIP, who); kerr != nil {
		writeKVError(w, *kerr)
		return
	}
	segs := strings.Split(strings.TrimPrefix(path, "/"), "/")
	if !strings.EqualFold(segs[0], "secrets") || len(segs) > 3 {
		writeKVError(w, errBadRequestPath(r.URL.Path))
		return
	}
	if r.Method != http.MethodGet {
		writeKVError(w, errMethodNotAllowed(r.Method))
		return
	}
	if len(segs) == 1 {
		s.listSecrets(w, r, v, who)
		return
	}
	version := ""
	if len(segs) == 3 {
		version = segs[2]
	}
	s.getSecret(w, r, v, who, segs[1], version)
}

func (s *Server) setVaultHeaders(w http.ResponseWriter, v *Vault) {
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("Pragma", "no-cache")
	h.Set("Expires", "-1")
	h.Set("Strict-Transport-Security", "max-age=31536000;includeSubDomains")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("x-ms-request-id", newID())
	h.Set("x-ms-keyvault-service-version", kvServiceVersion)
	h.Set("x-ms-keyvault-region", v.Location)
	h.Set("x-ms-keyvault-network-info", networkInfo(s.world.ClientIP))
	if v.PermissionModel == ModelRBAC {
		h.Set("x-ms-keyvault-rbac-cache", "ra_cached")
	}
}

// networkInfo renders x-ms-keyvault-network-info as Key Vault does.
func networkInfo(ip string) string {
	fam := "InterNetwork"
	conn := "Ipv4"
	if a, err := netip.ParseAddr(ip); err == nil && a.Is6() && !a.Is4In6() {
		fam, conn = "InterNetworkV6", "Ipv6"
	}
	return "conn_type=" + conn + ";addr=" + ip + ";act_addr_fam=" + fam + ";"
}

// challenge is the vault's WWW-Authenticate value: its own cloud's
// authority and tenant, and its own cloud's Key Vault resource.
func challenge(v *Vault, cloud azcloud.Cloud) string {
	return `Bearer authorization="` + cloud.Authority() + "/" + v.Tenant + `", resource="` + cloud.VaultResource + `"`
}

// authenticate checks the bearer token as Key Vault does: present,
// audience, issuer, signature, lifetime.
func (s *Server) authenticate(r *http.Request, v *Vault, cloud azcloud.Cloud) (caller, *kvError) {
	scheme, raw, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	if !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(raw) == "" {
		e := errMissingToken()
		return caller{}, &e
	}
	t, err := parseJWT(strings.TrimSpace(raw))
	if err != nil {
		e := errMalformedToken()
		return caller{}, &e
	}
	aud := str(t.claims, "aud")
	if strings.TrimSuffix(aud, "/") != cloud.VaultResource && aud != entraProfiles[cloud.Name].keyVaultAppID {
		e := errAudience(cloud.VaultResource, aud)
		return caller{}, &e
	}
	iss := str(t.claims, "iss")
	expected := []string{cloud.Issuer(v.Tenant), "https://" + entraProfiles[cloud.Name].v2IssuerHost + "/" + v.Tenant + "/v2.0"}
	if !slices.ContainsFunc(expected, func(e string) bool { return strings.EqualFold(e, iss) }) {
		e := errIssuer(expected, iss)
		return caller{}, &e
	}
	k, err := cloudSigningKey(cloud.Name)
	if err != nil || str(t.header, "alg") != "RS256" || t.verifyRSA(&k.priv.PublicKey) != nil {
		e := errSignatureKey(t.rawHeader)
		return caller{}, &e
	}
	now := s.Now().Unix()
	if exp, ok := num(t.claims, "exp"); !ok || now >= exp {
		e := errTokenExpired()
		return caller{}, &e
	}
	if nbf, ok := num(t.claims, "nbf"); ok && now+300 < nbf {
		e := errTokenNotYetValid()
		return caller{}, &e
	}
	appID := str(t.claims, "appid")
	if appID == "" {
		appID = str(t.claims, "azp")
	}
	return caller{appID: appID, oid: str(t.claims, "oid"), iss: iss}, nil
}

// checkNetwork applies the vault's public access switch and firewall.
func checkNetwork(v *Vault, clientIP string, who caller) *kvError {
	n := v.Network
	if n == nil {
		return nil
	}
	if n.PublicNetworkAccess == "Disabled" {
		e := errForbiddenByConnection(v, who)
		return &e
	}
	if n.DefaultAction != "Deny" {
		return nil
	}
	ip, err := netip.ParseAddr(clientIP)
	if err == nil {
		for _, rule := range n.IPRules {
			if p, err := parseIPRule(rule); err == nil && p.Contains(ip.Unmap()) {
				return nil
			}
		}
	}
	e := errForbiddenByFirewall(v, clientIP, who)
	return &e
}

// authorize applies the vault's permission model to one operation.
func authorize(v *Vault, who caller, op secretOp, secret string) *kvError {
	if v.PermissionModel == ModelRBAC {
		if rbacAllows(v, who.oid, op, secret) {
			return nil
		}
		e := errForbiddenByRbac(v, who, op, secret)
		return &e
	}
	if accessPolicyAllows(v, who.oid, op) {
		return nil
	}
	e := errAccessDenied(v, who, op)
	return &e
}

func (s *Server) getSecret(w http.ResponseWriter, r *http.Request, v *Vault, who caller, name, version string) {
	if !secretNamePattern.MatchString(name) {
		writeKVError(w, errInvalidName(name))
		return
	}
	if kerr := authorize(v, who, opGet, name); kerr != nil {
		writeKVError(w, *kerr)
		return
	}
	sec := findSecret(v, name)
	if sec == nil || (version != "" && !strings.EqualFold(version, secretVersion(v, sec))) {
		id := name
		if version != "" {
			id += "/" + version
		}
		writeKVError(w, errSecretNotFound(id))
		return
	}
	if !*sec.Enabled {
		writeKVError(w, errSecretDisabled())
		return
	}
	body := secretItem(connHost(r), v, sec, true)
	body["value"] = sec.Value
	writeJSON(w, http.StatusOK, body)
}

func (s *Server) listSecrets(w http.ResponseWriter, r *http.Request, v *Vault, who caller) {
	if kerr := authorize(v, who, opList, ""); kerr != nil {
		writeKVError(w, *kerr)
		return
	}
	items := make([]map[string]any, 0, len(v.Secrets))
	for i := range v.Secrets {
		items = append(items, secretItem(connHost(r), v, &v.Secrets[i], false))
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": items, "nextLink": nil})
}

// secretItem is a secret's id and attributes, never its value.
func secretItem(host string, v *Vault, sec *Secret, withVersion bool) map[string]any {
	id := "https://" + host + "/secrets/" + sec.Name
	if withVersion {
		id += "/" + secretVersion(v, sec)
	}
	attrs := map[string]any{
		"enabled":         *sec.Enabled,
		"created":         secretCreated,
		"updated":         secretCreated,
		"recoveryLevel":   "Recoverable+Purgeable",
		"recoverableDays": 90,
	}
	if sec.NotBefore != nil {
		attrs["nbf"] = sec.NotBefore.Unix()
	}
	if sec.Expires != nil {
		attrs["exp"] = sec.Expires.Unix()
	}
	item := map[string]any{"id": id, "attributes": attrs, "tags": map[string]string{}}
	if sec.ContentType != "" {
		item["contentType"] = sec.ContentType
	}
	return item
}

func findSecret(v *Vault, name string) *Secret {
	for i := range v.Secrets {
		if strings.EqualFold(v.Secrets[i].Name, name) {
			return &v.Secrets[i]
		}
	}
	return nil
}

// secretVersion is the secret's one version id: 32 hex digits, stable
// for a vault and a secret name.
func secretVersion(v *Vault, sec *Secret) string {
	sum := sha256.Sum256([]byte(strings.ToLower(v.Name + "/" + sec.Name)))
	return hex.EncodeToString(sum[:16])
}
