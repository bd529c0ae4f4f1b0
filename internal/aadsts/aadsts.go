// Package aadsts knows the Entra ID AADSTS error codes that matter to Key
// Vault token flows: their names and meanings (from the embedded table, each
// row with its public source) and the kvdoctor finding each one leads to.
package aadsts

import (
	_ "embed"
	"strconv"
	"strings"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

//go:embed aadsts.tsv
var table string

// Code is one row of the table.
type Code struct {
	Number    int
	ShortName string
	Meaning   string
	Cause     string
	Fix       string
	Source    string
}

var codes = func() map[int]Code {
	m := map[int]Code{}
	for _, line := range strings.Split(table, "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 6 || !strings.HasPrefix(f[0], "AADSTS") {
			continue
		}
		n, err := strconv.Atoi(strings.TrimPrefix(f[0], "AADSTS"))
		if err != nil {
			continue
		}
		m[n] = Code{Number: n, ShortName: f[1], Meaning: stripTag(f[2]), Cause: f[3], Fix: f[4], Source: f[5]}
	}
	return m
}()

// stripTag drops the leading confidence tag ("[Entra ref] ") of a meaning.
func stripTag(s string) string {
	if strings.HasPrefix(s, "[") {
		if i := strings.Index(s, "] "); i >= 0 {
			return s[i+2:]
		}
	}
	return s
}

// Lookup returns the table row of code.
func Lookup(code int) (Code, bool) {
	c, ok := codes[code]
	return c, ok
}

// Meaning is the meaning of code from the table, or "".
func Meaning(code int) string { return codes[code].Meaning }

// All returns every code in the table.
func All() []Code {
	out := make([]Code, 0, len(codes))
	for _, c := range codes {
		out = append(out, c)
	}
	return out
}

// Rule is what a code says on its own, without the text or the clouds
// around it. Strong rules name their cause outright; the others are likely.
type Rule struct {
	Slug   string
	Strong bool
}

// rules maps the codes whose finding needs no context. The codes in
// contextual depend on the resource, hosts or credential around them; every
// other code is token-failed, with its meaning from the table.
var rules = map[int]Rule{
	700016:  {catalog.AppNotInTenant, true},
	7000229: {catalog.AppNotInTenant, true},
	7000215: {catalog.InvalidClientSecret, true},
	7000222: {catalog.ClientSecretExpired, true},
	900023:  {catalog.EnvMalformed, true},
	700027:  {catalog.CertificateInvalid, true},
	700030:  {catalog.CertificateInvalid, true},
	700021:  {catalog.CertificateInvalid, false},
	70011:   {catalog.ScopeInvalid, true},
	700022:  {catalog.ScopeInvalid, true},
	901002:  {catalog.ScopeInvalid, false},
	70021:   {catalog.FederatedTokenInvalid, true},
	700211:  {catalog.FederatedTokenInvalid, true},
	700212:  {catalog.FederatedTokenInvalid, true},
	700213:  {catalog.FederatedTokenInvalid, true},
	70025:   {catalog.FederatedTokenInvalid, true},
	7002138: {catalog.FederatedTokenInvalid, true},
	700223:  {catalog.FederatedTokenInvalid, false},
	700238:  {catalog.FederatedTokenInvalid, false},
	70052:   {catalog.FederatedTokenInvalid, false},
	700229:  {catalog.FederatedTokenInvalid, false},
	700222:  {catalog.FederatedTokenInvalid, false},
	50166:   {catalog.FederatedTokenInvalid, false},
	900382:  {catalog.CloudMismatch, true},
	900432:  {catalog.CloudMismatch, true},
	90038:   {catalog.CloudMismatch, true},
	1000104: {catalog.CloudMismatch, false},
	50049:   {catalog.AuthorityInvalid, true},
	9001023: {catalog.AuthorityInvalid, false},
	50194:   {catalog.AuthorityInvalid, false},
	50128:   {catalog.TenantNotFound, false},
	500021:  {catalog.ProxyProblem, false},
	50002:   {catalog.ProxyProblem, false},
}

// contextual are the codes whose finding depends on what surrounds them:
// the resource named, the hosts, the credential, the wording.
var contextual = map[int]bool{
	500011: true, 50001: true, 90002: true, 700024: true, 50012: true,
	70001: true, 700023: true, 50027: true, 50048: true, 70002: true,
	700082: true, 70008: true, 50173: true, 70043: true, 50078: true,
	50076: true, 50079: true,
}

// RuleFor returns the rule of a code that needs no context.
func RuleFor(code int) (Rule, bool) {
	r, ok := rules[code]
	return r, ok
}

// Contextual reports whether a code's finding depends on its context.
func Contextual(code int) bool { return contextual[code] }

// FindingFor is the finding of an AADSTS code in a token request kvdoctor
// made itself, where the context is known: crossCloud says the authority
// asked is not in the vault's cloud, so a tenant or resource that is "not
// found" is a cloud mismatch, not a wrong tenant or scope.
func FindingFor(code int, crossCloud bool) string {
	switch {
	case crossCloud && (code == 90002 || code == 500011):
		return catalog.CloudMismatch
	case code == 90002:
		return catalog.TenantNotFound
	case code == 500011:
		return catalog.ScopeInvalid
	case code == 700024:
		return catalog.ClockSkew
	}
	if r, ok := rules[code]; ok {
		return r.Slug
	}
	return catalog.TokenFailed
}
