package fakeazure

import (
	"fmt"
	"net/http"
	"strings"
)

// kvError is a Key Vault error: status, error.code, message and the
// optional innererror.code.
type kvError struct {
	status int
	code   string
	msg    string
	inner  string
}

type kvErrorBody struct {
	Error kvErrorDetail `json:"error"`
}

type kvErrorDetail struct {
	Code       string        `json:"code"`
	Message    string        `json:"message"`
	InnerError *kvInnerError `json:"innererror,omitempty"`
}

type kvInnerError struct {
	Code string `json:"code"`
}

func writeKVError(w http.ResponseWriter, e kvError) {
	body := kvErrorBody{Error: kvErrorDetail{Code: e.code, Message: e.msg}}
	if e.inner != "" {
		body.Error.InnerError = &kvInnerError{Code: e.inner}
	}
	writeJSON(w, e.status, body)
}

// writeThrottled answers 429 Throttled as Key Vault does, with no Retry-After.
func (s *Server) writeThrottled(w http.ResponseWriter, host string) {
	if ep, ok := s.ix.endpoint(host); ok && ep.vault != nil {
		s.setVaultHeaders(w, ep.vault)
	} else {
		w.Header().Set("x-ms-request-id", newID())
	}
	writeKVError(w, kvError{http.StatusTooManyRequests, "Throttled",
		"Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached", ""})
}

func vaultRef(v *Vault) string { return v.Name + ";location=" + v.Location }

func errBadAPIVersion(ver string) kvError {
	if ver == "" {
		return kvError{http.StatusBadRequest, "BadParameter", "The 'api-version' query parameter is missing. Consider using the latest supported version (" + kvLatestAPIVersion + ").", ""}
	}
	return kvError{http.StatusBadRequest, "BadParameter", fmt.Sprintf(
		"The specified version (%s) is not recognized. Consider using the latest supported version (%s).", ver, kvLatestAPIVersion), ""}
}

func errMissingToken() kvError {
	return kvError{http.StatusUnauthorized, "Unauthorized", "AKV10000: Request is missing a Bearer, PoP, or MTLS_POP token.", ""}
}

func errMalformedToken() kvError {
	return kvError{http.StatusUnauthorized, "Unauthorized", "[BearerReadAccessTokenFailed] Error validating token: 'S2S12005'.", ""}
}

func errAudience(expected, found string) kvError {
	return kvError{http.StatusUnauthorized, "Unauthorized", fmt.Sprintf("AKV10022: Invalid audience. Expected %s, found: %s.", expected, found), ""}
}

func errIssuer(expected []string, found string) kvError {
	return kvError{http.StatusUnauthorized, "Unauthorized", fmt.Sprintf("AKV10032: Invalid issuer. Expected one of %s, found %s.", strings.Join(expected, ", "), found), ""}
}

func errSignatureKey(encodedHeader string) kvError {
	return kvError{http.StatusUnauthorized, "Unauthorized", fmt.Sprintf("AKV10046: Unable to resolve the key used for signature validation. EncodedJwtHeader: '%s'", encodedHeader), ""}
}

func errTokenExpired() kvError {
	return kvError{http.StatusUnauthorized, "Unauthorized", "[TokenExpired] Error validating token: 'S2S12086'.", ""}
}

func errTokenNotYetValid() kvError {
	return kvError{http.StatusUnauthorized, "Unauthorized", "Token not yet valid", ""}
}

func errForbiddenByConnection(v *Vault, who caller) kvError {
	return kvError{http.StatusForbidden, "Forbidden", fmt.Sprintf(
		"Public network access is disabled and request is not from a trusted service nor via an approved private link.\r\nCaller: %s\r\nVault: %s", who, vaultRef(v)), "ForbiddenByConnection"}
}

func errForbiddenByFirewall(v *Vault, clientIP string, who caller) kvError {
	return kvError{http.StatusForbidden, "Forbidden", fmt.Sprintf(
		"Client address is not authorized and caller is not a trusted service.\r\nClient address: %s\r\nCaller: %s\r\nVault: %s", clientIP, who, vaultRef(v)), "ForbiddenByFirewall"}
}

func errAccessDenied(v *Vault, who caller, op secretOp) kvError {
	return kvError{http.StatusForbidden, "Forbidden", fmt.Sprintf(
		"The user, group or application '%s' does not have secrets %s permission on key vault '%s'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287", who, op, vaultRef(v)), "AccessDenied"}
}

func errForbiddenByRbac(v *Vault, who caller, op secretOp, secret string) kvError {
	resource := vaultResourceID(v)
	if secret != "" {
		resource += "/secrets/" + secret
	}
	return kvError{http.StatusForbidden, "Forbidden", fmt.Sprintf(
		"Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: %s\r\nAction: '%s'\r\nResource: '%s'\r\nAssignment: (not found)\r\nDenyAssignmentId: null\r\nDecisionReason: 'DeniedWithNoValidRBAC' \r\nVault: %s\r\n",
		who, op.rbacAction(), resource, vaultRef(v)), "ForbiddenByRbac"}
}

// vaultResourceID is the vault's ARM id as Key Vault quotes it; the world
// has no subscription, so a stable one is derived from the tenant.
func vaultResourceID(v *Vault) string {
	return "/subscriptions/" + strings.ToLower(v.Tenant) + "/resourcegroups/rg-" + strings.ToLower(v.Name) +
		"/providers/microsoft.keyvault/vaults/" + strings.ToLower(v.Name)
}

func errSecretNotFound(id string) kvError {
	return kvError{http.StatusNotFound, "SecretNotFound", fmt.Sprintf(
		"A secret with (name/id) %s was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182", id), ""}
}

func errSecretDisabled() kvError {
	return kvError{http.StatusForbidden, "Forbidden", "Operation get is not allowed on a disabled secret.", "SecretDisabled"}
}

func errInvalidName(name string) kvError {
	return kvError{http.StatusBadRequest, "BadParameter", "The request URI contains an invalid name: " + name, ""}
}

func errBadRequestPath(path string) kvError {
	return kvError{http.StatusBadRequest, "BadParameter", "The request URI is not supported by this emulator: " + path, ""}
}

func errMethodNotAllowed(method string) kvError {
	return kvError{http.StatusMethodNotAllowed, "MethodNotAllowed", "The method " + method + " is not supported by this emulator.", ""}
}
