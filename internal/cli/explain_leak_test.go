package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestExplainRepeatsNoCredential: pasted logs often carry tokens and
// secrets; explain quotes the lines it read, but never those values, in any
// format or language.
func TestExplainRepeatsNoCredential(t *testing.T) {
	t.Parallel()
	const (
		jwt      = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL3ZhdWx0LmF6dXJlLmNuIn0.U0lHTkFUVVJFLUNBTkFSWQ"
		fedToken = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.RkVELUNBTkFSWQ"
		secret   = "abc8Q~CANARYpastedClientSecret0123456789"
	)
	texts := []string{
		"(Forbidden) The user, group or application 'appid=x;oid=y' does not have secrets get permission on key vault 'v;location=chinanorth3'.\nInner error: AccessDenied\ntoken=" + jwt,
		"secret value " + secret + " was rejected: AADSTS7000215: Invalid client secret provided.",
		"EnvironmentCredential: authentication failed: AADSTS700211: No matching federated identity record found for presented assertion issuer. assertion " + fedToken,
		"ClientSecretCredential: POST https://login.chinacloudapi.cn/t/oauth2/v2.0/token client_secret=" + secret + " AADSTS7000222",
	}
	for _, text := range texts {
		for _, format := range []string{"text", "json", "markdown"} {
			for _, lang := range []string{"en", "zh-CN"} {
				var out, errOut bytes.Buffer
				Run([]string{"explain", "--format", format, "--lang", lang}, IO{In: strings.NewReader(text), Out: &out, Err: &errOut, Getenv: func(string) string { return "" }})
				all := out.String() + errOut.String()
				for _, c := range []string{jwt, fedToken, secret, "U0lHTkFUVVJFLUNBTkFSWQ", "RkVELUNBTkFSWQ"} {
					if strings.Contains(all, c) {
						t.Errorf("%s/%s: explain repeats a credential (%s…)", format, lang, c[:10])
					}
				}
			}
		}
	}
}
