package fakeazure

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// aadError is an Entra ID error: the OAuth error name, the AADSTS code and
// message, and the HTTP status Entra sends it with.
type aadError struct {
	status int
	name   string
	code   int
	msg    string
}

// entraErrorBody is Entra's error shape, fields in the order Entra sends them.
type entraErrorBody struct {
	Error            string `json:"error"`
	ErrorDescription string `json:"error_description"`
	ErrorCodes       []int  `json:"error_codes"`
	Timestamp        string `json:"timestamp"`
	TraceID          string `json:"trace_id"`
	CorrelationID    string `json:"correlation_id"`
	ErrorURI         string `json:"error_uri"`
}

// entraError writes e as Entra does: AADSTS message, then Trace ID,
// Correlation ID and Timestamp lines.
func (s *Server) entraError(w http.ResponseWriter, r *http.Request, e aadError) {
	trace := w.Header().Get("x-ms-request-id")
	if trace == "" {
		trace = newID()
	}
	corr := r.Header.Get("client-request-id")
	if corr == "" {
		corr = newID()
	}
	ts := s.Now().UTC().Format("2006-01-02 15:04:05Z")
	desc := fmt.Sprintf("AADSTS%d: %s\r\nTrace ID: %s\r\nCorrelation ID: %s\r\nTimestamp: %s", e.code, e.msg, trace, corr, ts)
	w.Header().Set("Cache-Control", "no-store, no-cache")
	w.Header().Set("Pragma", "no-cache")
	w.Header().Set("Expires", "-1")
	writeJSON(w, e.status, entraErrorBody{
		Error:            e.name,
		ErrorDescription: desc,
		ErrorCodes:       []int{e.code},
		Timestamp:        ts,
		TraceID:          trace,
		CorrelationID:    corr,
		ErrorURI:         fmt.Sprintf("https://%s/error?code=%d", connHost(r), e.code),
	})
}

func errTenantNotFound(tenant string) aadError {
	return aadError{http.StatusBadRequest, "invalid_tenant", 90002, fmt.Sprintf(
		"Tenant '%s' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.", tenant)}
}

func errInvalidInstance(endpoint string) aadError {
	return aadError{http.StatusBadRequest, "invalid_instance", 50049, fmt.Sprintf(
		"Unknown or invalid instance. Authorization endpoint: '%s'.", endpoint)}
}

func errMissingParameter(name string) aadError {
	return aadError{http.StatusBadRequest, "invalid_request", 900144, fmt.Sprintf(
		"The request body must contain the following parameter: '%s'.", name)}
}

func errUnsupportedGrant(grant string) aadError {
	return aadError{http.StatusBadRequest, "unsupported_grant_type", 70003, fmt.Sprintf(
		"The app requested an unsupported grant type '%s'.", grant)}
}

func errAppNotFound(clientID, tenant string) aadError {
	return aadError{http.StatusBadRequest, "unauthorized_client", 700016, fmt.Sprintf(
		"Application with identifier '%s' was not found in the directory '%s'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.", clientID, tenant)}
}

func errNoCredential() aadError {
	return aadError{http.StatusUnauthorized, "invalid_client", 7000218,
		"The request body must contain the following parameter: 'client_assertion' or 'client_secret'."}
}

func errInvalidSecret(clientID string) aadError {
	return aadError{http.StatusUnauthorized, "invalid_client", 7000215, fmt.Sprintf(
		"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '%s'.", clientID)}
}

func errExpiredSecret(clientID string) aadError {
	return aadError{http.StatusUnauthorized, "invalid_client", 7000222, fmt.Sprintf(
		"The provided client secret keys for app '%s' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.", clientID)}
}

func errAssertionKeyNotFound(clientID, thumbprint string) aadError {
	return aadError{http.StatusUnauthorized, "invalid_client", 700027, fmt.Sprintf(
		"The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '%s', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '%s'. Review the documentation at https://docs.microsoft.com/en-us/graph/deployments if you are using national clouds.]", thumbprint, clientID)}
}

func errAssertionSignature(reason, thumbprint string, c ClientCertificate, start time.Time) aadError {
	return aadError{http.StatusUnauthorized, "invalid_client", 700027, fmt.Sprintf(
		"Client assertion contains an invalid signature. [Reason - %s, Thumbprint of key used by client: '%s', Found key 'Start=%s, End=%s']",
		reason, thumbprint, start.UTC().Format("01/02/2006 15:04:05"), c.EndDateTime.UTC().Format("01/02/2006 15:04:05"))}
}

// errFederatedNoMatch answers a federated token (an assertion with no
// certificate thumbprint, issued by another identity provider): worlds hold
// no federated identity credentials, so no record ever matches its issuer.
func errFederatedNoMatch(issuer string) aadError {
	return aadError{http.StatusBadRequest, "invalid_request", 700211, fmt.Sprintf(
		"No matching federated identity record found for presented assertion issuer '%s'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation", issuer)}
}

func errAssertionMalformed(detail string) aadError {
	return aadError{http.StatusBadRequest, "invalid_request", 50027, "JWT token is invalid or malformed. " + detail}
}

func errAssertionTime(now, nbf, exp time.Time) aadError {
	const layout = "2006-01-02T15:04:05.0000000Z"
	return aadError{http.StatusUnauthorized, "invalid_client", 700024, fmt.Sprintf(
		"Client assertion is not within its valid time range. Current time: %s, assertion valid from %s, expiry time of assertion %s. Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials .",
		now.UTC().Format(layout), nbf.UTC().Format(layout), exp.UTC().Format(layout))}
}

func errInvalidScope(scope string) aadError {
	if strings.TrimSpace(scope) == "" {
		return aadError{http.StatusBadRequest, "invalid_scope", 70011, "The provided request must include a 'scope' input parameter."}
	}
	return aadError{http.StatusBadRequest, "invalid_scope", 70011, fmt.Sprintf(
		"The provided value for the input parameter 'scope' is not valid. The scope %s is not valid.", scope)}
}

func errResourceNotFound(resource, tenant string) aadError {
	return aadError{http.StatusBadRequest, "invalid_resource", 500011, fmt.Sprintf(
		"The resource principal named %s was not found in the tenant named %s. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.", resource, tenant)}
}
