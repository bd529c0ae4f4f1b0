// Package explain reads error text that a user pasted (an application log, a
// DefaultAzureCredential chain dump, az CLI, Terraform or PowerShell output)
// and says, offline, why the application could not read its Key Vault secret:
// a primary finding with a confidence, further findings, and the identifiers
// found in the text. Classification goes by codes (AADSTS, AKV, Key Vault
// inner codes, HTTP statuses) where the text has them, and by loose patterns
// only where no code exists (credential chain lines, TLS and DNS failures).
package explain

import (
	"github.com/kvdoctor/kvdoctor/checks"
)

// Confidence says how sure a diagnosis is.
type Confidence string

// Confidences, from surest to weakest.
const (
	// High: a code in the text says it outright.
	High Confidence = "high"
	// Medium: inferred from several signals, or from a text without a code.
	Medium Confidence = "medium"
	// Low: a hint only.
	Low Confidence = "low"
)

// rank orders confidences: higher is surer.
func (c Confidence) rank() int {
	switch c {
	case High:
		return 3
	case Medium:
		return 2
	case Low:
		return 1
	}
	return 0
}

// Diagnosis is one finding with how sure explain is of it.
type Diagnosis struct {
	Finding    checks.Finding `json:"finding"`
	Confidence Confidence     `json:"confidence"`
}

// CredentialState says what one credential of a chain did.
type CredentialState string

// Credential states.
const (
	// Unavailable: the credential did not apply here (not configured, not installed).
	Unavailable CredentialState = "unavailable"
	// Failed: the credential really tried and was refused or broke.
	Failed CredentialState = "failed"
)

// CredentialLine is one credential of a DefaultAzureCredential (or other
// chained) dump: its type name, what it did and its message, shortened.
type CredentialLine struct {
	Name    string          `json:"name"`
	State   CredentialState `json:"state"`
	Message string          `json:"message"`
}

// Evidence is what the text shows, extracted verbatim and deduplicated, in
// order of appearance.
type Evidence struct {
	// AADSTS are Entra ID error codes, e.g. AADSTS500011.
	AADSTS []string `json:"aadsts"`
	// KeyVaultCodes are Key Vault error and inner codes: AKV10022, ForbiddenByRbac, SecretNotFound.
	KeyVaultCodes []string `json:"keyVaultCodes"`
	// HTTPStatuses are HTTP status codes of failed responses.
	HTTPStatuses []string `json:"httpStatuses"`
	// TraceIDs are Entra trace ids.
	TraceIDs []string `json:"traceIds"`
	// CorrelationIDs are Entra correlation ids.
	CorrelationIDs []string `json:"correlationIds"`
	// RequestIDs are request ids (x-ms-request-id, client request ids, activity ids).
	RequestIDs []string `json:"requestIds"`
	// Timestamps are the service's timestamps of the errors.
	Timestamps []string `json:"timestamps"`
	// TenantIDs are tenant GUIDs named by sign-in URLs, token issuers and messages.
	TenantIDs []string `json:"tenantIds"`
	// ClientIDs are application (client) GUIDs named by the text.
	ClientIDs []string `json:"clientIds"`
	// Hosts are Azure hosts named: vaults, sign-in hosts, private link, IMDS.
	Hosts []string `json:"hosts"`
	// Resources are token resources or audiences named, e.g. https://vault.azure.cn.
	Resources []string `json:"resources"`
	// Clouds are the clouds the hosts and resources belong to, as az names them.
	Clouds []string `json:"clouds"`
	// Credentials are the credential lines of a chain dump.
	Credentials []CredentialLine `json:"credentials"`
	// Truncated is true when the input was longer than explain reads.
	Truncated bool `json:"truncated,omitempty"`
}

// Result is explain's answer. Primary is nil when nothing was recognised.
type Result struct {
	Primary  *Diagnosis  `json:"primary"`
	Findings []Diagnosis `json:"findings"`
	Evidence Evidence    `json:"evidence"`
}

// Recognised says whether explain found anything it could name.
func (r Result) Recognised() bool { return r.Primary != nil }

// MaxInput is how many bytes of input explain reads; the rest is ignored
// and the evidence says so.
const MaxInput = 32 << 20

// Explain diagnoses text. It never panics and reads at most MaxInput bytes.
func Explain(text []byte) (res Result) {
	defer func() {
		if recover() != nil {
			res = Result{Evidence: emptyEvidence()}
		}
	}()
	truncated := false
	if len(text) > MaxInput {
		text, truncated = text[:MaxInput], true
	}
	in := newInput(text)
	sigs := collectSignals(in)
	chain := parseChain(in)
	res = diagnose(in, sigs, chain)
	enrich(&res, in, sigs)
	res.Evidence = collectEvidence(in, sigs, chain)
	res.Evidence.Truncated = truncated
	return res
}
