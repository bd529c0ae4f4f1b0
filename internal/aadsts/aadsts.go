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

// All returns every code in the table.
func All() []Code {
	out := make([]Code, 0, len(codes))
	for _, c := range codes {
		out = append(out, c)
	}
	return out
}

// slugs maps the codes with a finding of their own. A code not here is
// token-failed, with its meaning from the table. 90002 and 500011 depend on
// the clouds involved: see FindingFor.
var slugs = map[int]string{
	90002:   catalog.TenantNotFound,
	500011:  catalog.ScopeInvalid,
	700016:  catalog.AppNotInTenant,
	7000215: catalog.InvalidClientSecret,
	7000222: catalog.ClientSecretExpired,
	700027:  catalog.CertificateInvalid,
	700030:  catalog.CertificateInvalid,
	700024:  catalog.ClockSkew,
	900023:  catalog.EnvMalformed,
	700082:  catalog.CLINotLoggedIn,
	70021:   catalog.FederatedTokenInvalid,
	700211:  catalog.FederatedTokenInvalid,
	700212:  catalog.FederatedTokenInvalid,
	700213:  catalog.FederatedTokenInvalid,
	7002138: catalog.FederatedTokenInvalid,
	70025:   catalog.FederatedTokenInvalid,
	50049:   catalog.CloudMismatch,
	90038:   catalog.CloudMismatch,
	900382:  catalog.CloudMismatch,
	900432:  catalog.CloudMismatch,
}

// FindingFor is the finding slug of an AADSTS code. crossCloud says the
// authority asked is not in the vault's cloud: then a tenant or resource
// that is "not found" is a cloud mismatch, not a wrong tenant or scope.
func FindingFor(code int, crossCloud bool) string {
	if crossCloud && (code == 90002 || code == 500011) {
		return catalog.CloudMismatch
	}
	if s, ok := slugs[code]; ok {
		return s
	}
	return catalog.TokenFailed
}
