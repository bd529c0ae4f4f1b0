package fakeazure

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

// instanceMetadata is the alias table of the real discovery endpoint
// (azidentity recording @989035b1, payloads/recording-entra-client-assertion.txt).
var instanceMetadata = []map[string]any{
	{"preferred_network": "login.microsoftonline.com", "preferred_cache": "login.windows.net", "aliases": []string{"login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"}},
	{"preferred_network": "login.partner.microsoftonline.cn", "preferred_cache": "login.partner.microsoftonline.cn", "aliases": []string{"login.partner.microsoftonline.cn", "login.chinacloudapi.cn"}},
	{"preferred_network": "login.microsoftonline.de", "preferred_cache": "login.microsoftonline.de", "aliases": []string{"login.microsoftonline.de"}},
	{"preferred_network": "login.microsoftonline.us", "preferred_cache": "login.microsoftonline.us", "aliases": []string{"login.microsoftonline.us", "login.usgovcloudapi.net"}},
	{"preferred_network": "login-us.microsoftonline.com", "preferred_cache": "login-us.microsoftonline.com", "aliases": []string{"login-us.microsoftonline.com"}},
}

// serveEntra answers a request to one of cloud's sign-in hosts.
func (s *Server) serveEntra(w http.ResponseWriter, r *http.Request, cloud azcloud.Cloud) {
	h := w.Header()
	h.Set("x-ms-request-id", newID())
	h.Set("x-ms-ests-server", "2.1.19484.6 - fakeazure")
	segs := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	path := strings.ToLower(strings.Join(segs, "/"))
	host := connHost(r)
	switch {
	case r.Method == http.MethodGet && path == "common/discovery/instance":
		s.instanceDiscovery(w, r)
	case r.Method == http.MethodGet && (path == "discovery/keys" || path == "common/discovery/keys" || path == "common/discovery/v2.0/keys"):
		s.writeJWKS(w, cloud)
	case len(segs) < 2:
		http.NotFound(w, r)
	case r.Method == http.MethodGet && len(segs) == 4 && strings.EqualFold(segs[1], "v2.0") && strings.EqualFold(segs[2], ".well-known") && strings.EqualFold(segs[3], "openid-configuration"):
		s.openIDConfiguration(w, r, cloud, host, segs[0], true)
	case r.Method == http.MethodGet && len(segs) == 3 && strings.EqualFold(segs[1], ".well-known") && strings.EqualFold(segs[2], "openid-configuration"):
		s.openIDConfiguration(w, r, cloud, host, segs[0], false)
	case r.Method == http.MethodGet && (strings.EqualFold(strings.Join(segs[1:], "/"), "discovery/v2.0/keys") || strings.EqualFold(strings.Join(segs[1:], "/"), "discovery/keys")):
		if _, ok := s.ix.tenant(cloud.Name, segs[0]); !ok {
			s.entraError(w, r, errTenantNotFound(segs[0]))
			return
		}
		s.writeJWKS(w, cloud)
	case r.Method == http.MethodPost && strings.EqualFold(strings.Join(segs[1:], "/"), "oauth2/v2.0/token"):
		s.token(w, r, cloud, segs[0], true)
	case r.Method == http.MethodPost && strings.EqualFold(strings.Join(segs[1:], "/"), "oauth2/token"):
		s.token(w, r, cloud, segs[0], false)
	default:
		http.NotFound(w, r)
	}
}

// instanceDiscovery answers /common/discovery/instance for any known
// authority host, and AADSTS50049 for others.
func (s *Server) instanceDiscovery(w http.ResponseWriter, r *http.Request) {
	ae := r.URL.Query().Get("authorization_endpoint")
	u, err := url.Parse(ae)
	if err != nil || u.Scheme != "https" {
		s.entraError(w, r, errInvalidInstance(ae))
		return
	}
	if _, ok := azcloud.ByAuthorityHost(u.Host); !ok {
		s.entraError(w, r, errInvalidInstance(ae))
		return
	}
	tenant, _, _ := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
	if tenant == "" {
		tenant = "common"
	}
	doc := "https://" + u.Host + "/" + tenant + "/v2.0/.well-known/openid-configuration"
	if !strings.Contains(u.Path, "/v2.0/") {
		doc = "https://" + u.Host + "/" + tenant + "/.well-known/openid-configuration"
	}
	apiVersion := r.URL.Query().Get("api-version")
	if apiVersion == "" {
		apiVersion = "1.1"
	}
	w.Header().Set("Cache-Control", "max-age=86400, private")
	writeJSON(w, http.StatusOK, map[string]any{
		"tenant_discovery_endpoint": doc,
		"api-version":               apiVersion,
		"metadata":                  instanceMetadata,
	})
}

// openIDConfiguration answers a tenant's OIDC document (v2 or v1).
func (s *Server) openIDConfiguration(w http.ResponseWriter, r *http.Request, cloud azcloud.Cloud, host, tenantSeg string, v2 bool) {
	t, ok := s.ix.tenant(cloud.Name, tenantSeg)
	if !ok {
		s.entraError(w, r, errTenantNotFound(tenantSeg))
		return
	}
	p := entraProfiles[cloud.Name]
	base := "https://" + host + "/" + t.ID
	doc := map[string]any{
		"token_endpoint_auth_methods_supported": []string{"client_secret_post", "private_key_jwt", "client_secret_basic"},
		"response_modes_supported":              []string{"query", "fragment", "form_post"},
		"subject_types_supported":               []string{"pairwise"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"response_types_supported":              []string{"code", "id_token", "code id_token", "id_token token"},
		"scopes_supported":                      []string{"openid", "profile", "email", "offline_access"},
		"request_uri_parameter_supported":       false,
		"http_logout_supported":                 true,
		"frontchannel_logout_supported":         true,
		"claims_supported":                      []string{"sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email"},
		"kerberos_endpoint":                     base + "/kerberos",
		"tenant_region_scope":                   p.regionScope,
		"cloud_instance_name":                   p.cloudInstanceName,
		"cloud_graph_host_name":                 p.graphHost,
		"msgraph_host":                          p.msgraphHost,
		"rbac_url":                              "https://pas.windows.net",
	}
	if v2 {
		doc["token_endpoint"] = base + "/oauth2/v2.0/token"
		doc["jwks_uri"] = base + "/discovery/v2.0/keys"
		doc["issuer"] = "https://" + p.v2IssuerHost + "/" + t.ID + "/v2.0"
		doc["authorization_endpoint"] = base + "/oauth2/v2.0/authorize"
		doc["device_authorization_endpoint"] = base + "/oauth2/v2.0/devicecode"
		doc["end_session_endpoint"] = base + "/oauth2/v2.0/logout"
		doc["userinfo_endpoint"] = "https://" + p.msgraphHost + "/oidc/userinfo"
	} else {
		doc["token_endpoint"] = base + "/oauth2/token"
		doc["jwks_uri"] = "https://" + host + "/common/discovery/keys"
		doc["issuer"] = cloud.Issuer(t.ID)
		doc["authorization_endpoint"] = base + "/oauth2/authorize"
		doc["device_authorization_endpoint"] = base + "/oauth2/devicecode"
		doc["end_session_endpoint"] = base + "/oauth2/logout"
		doc["userinfo_endpoint"] = base + "/openid/userinfo"
	}
	w.Header().Set("Cache-Control", "max-age=86400, private")
	writeJSON(w, http.StatusOK, doc)
}

// writeJWKS publishes the cloud's token signing key.
func (s *Server) writeJWKS(w http.ResponseWriter, cloud azcloud.Cloud) {
	k, err := cloudSigningKey(cloud.Name)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Cache-Control", "max-age=86400, private")
	writeJSON(w, http.StatusOK, map[string]any{"keys": []any{k.jwk("https://" + cloud.IssuerHost + "/{tenantid}/")}})
}

// writeJSON sends v as JSON with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
