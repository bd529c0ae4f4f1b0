package checks

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

// checkAccess uses the token on the vault: get on --secret, or on a random
// name that cannot exist (a 404 proves get is granted without reading any
// secret), then list. A secret's value is dropped the moment it arrives.
func checkAccess(ctx context.Context, s *state) (r Result) {
	r = Result{ID: catalog.CheckAccess, Status: Pass}
	switch {
	case s.accessBlocked, s.token == nil && s.vaultBlocked:
		return skipped(r, catalog.CheckVault)
	case s.token == nil:
		return skipped(r, catalog.CheckToken)
	case s.vaultBlocked:
		return skipped(r, catalog.CheckVault)
	}
	r.Assumptions = s.assumptions()
	rec := NewRecorder(s.now)
	opts := &azsecrets.ClientOptions{ClientOptions: clientOptions(s.transport, rec, "")}
	client, err := azsecrets.NewClient(s.vaultURL.String(), staticCredential{s.token}, opts)
	if err != nil {
		r.Add(NewFinding(catalog.TokenFailed, catalog.ParamDetail, errorLine(err)))
		return r
	}
	defer func() { r.Requests = rec.Requests() }()

	name := s.cfg.Secret
	if name == "" {
		name = s.probeName()
		r.Facts.Add("probe", "get on a random name that cannot exist: "+name)
	}
	enabled, contentType, err := secretState(ctx, client, name)
	getDenied := false
	if err == nil {
		r.Facts.Add("get", "granted")
		r.Facts.Add("secretEnabled", strconv.FormatBool(enabled))
		r.Facts.Add("secretContentType", contentType)
	} else {
		f, denied, granted := s.accessFinding(err, "get", name)
		switch {
		case granted:
			r.Facts.Add("get", "granted (404 for the random name)")
		case f.Code == catalog.RBACRoleMissing && s.cfg.Secret == "":
			r.Add(NewFinding(catalog.AccessUnproven, catalog.ParamVault, s.vaultName))
		default:
			r.Add(f)
			getDenied = denied
		}
	}

	pager := client.NewListSecretPropertiesPager(nil)
	if _, err := pager.NextPage(ctx); err == nil {
		r.Facts.Add("list", "granted")
	} else {
		f, denied, _ := s.accessFinding(err, "list", "")
		switch {
		case denied && getDenied, hasFinding(r, f.Code):
		case denied:
			r.Add(NewFinding(catalog.ListDenied, catalog.ParamVault, s.vaultName, catalog.ParamClientID, s.appID, catalog.ParamCloud, s.vaultCloud.Name))
		default:
			r.Add(f)
		}
	}
	return r
}

func hasFinding(r Result, code string) bool {
	for _, f := range r.Findings {
		if f.Code == code {
			return true
		}
	}
	return false
}

// secretState reads a secret and returns only its state: the value is
// dropped here, the moment it arrives, and never leaves this function.
func secretState(ctx context.Context, client *azsecrets.Client, name string) (enabled bool, contentType string, err error) {
	resp, err := client.GetSecret(ctx, name, "", nil)
	if err != nil {
		return false, "", err
	}
	if a := resp.Attributes; a != nil && a.Enabled != nil {
		enabled = *a.Enabled
	}
	if resp.ContentType != nil {
		contentType = *resp.ContentType
	}
	return enabled, contentType, nil
}

// keyVaultError is Key Vault's error envelope, read from the raw body:
// azcore exposes only the outer code.
type keyVaultError struct {
	Error struct {
		Code       string `json:"code"`
		Message    string `json:"message"`
		InnerError *struct {
			Code string `json:"code"`
		} `json:"innererror"`
	} `json:"error"`
}

// accessFinding classifies a failed get or list. denied says the caller was
// refused by authorization (policy or RBAC); granted says the error proves
// access (404 for the random probe name).
func (s *state) accessFinding(err error, op, name string) (f Finding, denied, granted bool) {
	var re *azcore.ResponseError
	if !errors.As(err, &re) || re.RawResponse == nil {
		host := s.vaultURL.Hostname()
		return transportFinding(err, host, proxyFor(s.transport, s.vaultURL), s.proxy.connectStatus(host), true), false, false
	}
	var kv keyVaultError
	if body, berr := runtime.Payload(re.RawResponse); berr == nil {
		_ = json.Unmarshal(body, &kv)
	}
	if addr := networkInfoAddr(re.RawResponse.Header.Get("x-ms-keyvault-network-info")); addr != "" && s.clientAddress == "" {
		s.clientAddress = addr
	}
	if re.RawResponse.Header.Get("x-ms-keyvault-rbac-assignment-id") != "" || re.RawResponse.Header.Get("x-ms-keyvault-rbac-cache") != "" {
		s.rbac = true
	}
	inner := ""
	if kv.Error.InnerError != nil {
		inner = kv.Error.InnerError.Code
	}
	params := []string{
		catalog.ParamVault, s.vaultName,
		catalog.ParamCloud, s.vaultCloud.Name,
		catalog.ParamClientID, s.appID,
		catalog.ParamObjectID, s.objectID,
		catalog.ParamSecret, s.cfg.Secret,
		catalog.ParamPermission, op,
		catalog.ParamCode, cmp.Or(inner, re.ErrorCode),
	}
	quote := strings.TrimSpace(kv.Error.Message)
	mk := func(code string, extra ...string) Finding {
		f := NewFinding(code, append(params, extra...)...)
		f.Quote = quote
		return f
	}
	switch re.StatusCode {
	case http.StatusNotFound:
		if s.cfg.Secret == "" && op == "get" {
			return Finding{}, false, true
		}
		return mk(catalog.SecretNotFound), false, false
	case http.StatusTooManyRequests:
		return mk(catalog.Throttled, catalog.ParamHost, s.vaultURL.Hostname()), false, false
	case http.StatusUnauthorized:
		return s.unauthorizedFinding(kv.Error.Message, mk), false, false
	case http.StatusForbidden:
		switch inner {
		case "AccessDenied":
			return mk(catalog.AccessPolicyMissingGet), true, false
		case "ForbiddenByRbac":
			s.rbac = true
			return mk(catalog.RBACRoleMissing, catalog.ParamAction, rbacAction(op)), true, false
		case "ForbiddenByFirewall":
			return mk(catalog.FirewallDenied, catalog.ParamClientAddress, s.clientAddress), false, false
		case "ForbiddenByConnection":
			return mk(catalog.PrivateLinkOnly), false, false
		case "SecretDisabled":
			return mk(catalog.SecretDisabled), false, false
		}
	}
	return mk(catalog.TokenFailed, catalog.ParamDetail, re.RawResponse.Status), false, false
}

// unauthorizedFinding classifies a 401 that came with a token: AKV10022
// (audience), AKV10032 (issuer: another tenant), TokenExpired (clock).
func (s *state) unauthorizedFinding(msg string, mk func(string, ...string) Finding) Finding {
	switch {
	case strings.Contains(msg, "AKV10022"):
		found := strings.TrimSuffix(strings.TrimSuffix(afterLast(msg, "found: "), "."), "/")
		if c, ok := azcloud.ByVaultResource(found); ok && c.Name != s.vaultCloud.Name {
			return mk(catalog.CloudMismatch, catalog.ParamFoundAudience, found, catalog.ParamExpectedAudience, s.vaultCloud.VaultResource)
		}
		return mk(catalog.TokenAudienceWrong, catalog.ParamFoundAudience, found, catalog.ParamExpectedAudience, s.vaultCloud.VaultResource)
	case strings.Contains(msg, "AKV10032"):
		return mk(catalog.VaultTenantMismatch, catalog.ParamTenantID, s.token.tenant)
	case strings.Contains(msg, "TokenExpired"), strings.Contains(msg, "S2S12086"):
		return mk(catalog.ClockSkew, catalog.ParamHost, s.vaultURL.Hostname())
	}
	return mk(catalog.TokenFailed)
}

func rbacAction(op string) string {
	if op == "list" {
		return "Microsoft.KeyVault/vaults/secrets/readMetadata/action"
	}
	return "Microsoft.KeyVault/vaults/secrets/getSecret/action"
}

// probeName is a random secret name that matches ^[0-9a-zA-Z-]{1,127}$ and
// cannot exist.
func (s *state) probeName() string {
	if s.cfg.Rand != nil {
		return s.cfg.Rand()
	}
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return "kvdoctor-probe-" + hex.EncodeToString(b)
}

func afterLast(s, sep string) string {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return strings.TrimSpace(s[i+len(sep):])
	}
	return ""
}
