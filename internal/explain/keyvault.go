package explain

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

var (
	reAudience    = regexp.MustCompile(`(?i)invalid audience\.? ?expected:? ?(\S+?)(?: or \S+?)?,? found:? ?\[?(\S+)`)
	reAudienceSq  = regexp.MustCompile(`invalidaudience\.?expected:?(\S+?)(?:or[0-9a-f-]{36})?,found:?\[?(https?://[a-z0-9.\-/]+)`)
	reIssuer      = regexp.MustCompile(`(?i)invalid issuer\.? ?expected(?: one of)?:? ?(\S+?),.*?found:? ?\[?(\S+?)\]?\.?(?:\s|$|"|\]|\()`)
	reIssuerTenat = regexp.MustCompile(`https?://[^/]+/([^/]+)/?`)

	reChallengeResource = regexp.MustCompile(`(?i)challenge resource '?"?([^'" ]+)`)
)

// akvSignals reads the AKV100xx codes of Key Vault's 401 answers.
func akvSignals(in *input, sc *scan) []signal {
	var out []signal
	seen := map[string]bool{}
	for _, i := range in.sqIndexAll("akv1", maxWideHits) {
		j := i + 3
		for j < len(in.sq) && j-i < 8 && in.sq[j] >= '0' && in.sq[j] <= '9' {
			j++
		}
		if j-i != 8 {
			continue
		}
		code := "AKV" + in.sq[i+3:j]
		if seen[code] || len(seen) >= maxEvidence {
			continue
		}
		seen[code] = true
		sc.kvCodes = appendUnique(sc.kvCodes, code)
		line := in.sqLineAt(i)
		win, sqwin := in.around(i, 0, 3000)
		switch code {
		case "AKV10022":
			out = append(out, audienceSignal(line, win, sqwin))
		case "AKV10032":
			out = append(out, issuerSignal(line, win))
		case "AKV10000":
			out = append(out, newSignal(line, Low, catalog.TokenFailed, catalog.ParamCode, code,
				catalog.ParamCodeMeaning, "The request reached Key Vault without a bearer token; normal once per client (the challenge), a problem when it repeats."))
		case "AKV10046":
			out = append(out, newSignal(line, Medium, catalog.TokenFailed, catalog.ParamCode, code,
				catalog.ParamCodeMeaning, "Key Vault could not find the key that signed the token: a token from another cloud's sign-in service, or a passing service fault."))
		default:
			out = append(out, newSignal(line, Low, catalog.TokenFailed, catalog.ParamCode, code))
		}
	}
	return out
}

// audienceSignal reads AKV10022: a token for the wrong resource. When what
// was found is another cloud's Key Vault resource, the cloud is wrong.
func audienceSignal(line int, win, sqwin string) signal {
	m := reAudience.FindStringSubmatch(win)
	if m == nil {
		m = reAudienceSq.FindStringSubmatch(sqwin)
	}
	if m == nil {
		return newSignal(line, High, catalog.TokenAudienceWrong, catalog.ParamCode, "AKV10022")
	}
	expected, found := cleanURL(m[1]), cleanURL(m[2])
	kv := []string{catalog.ParamCode, "AKV10022", catalog.ParamExpectedAudience, expected, catalog.ParamFoundAudience, found}
	ec, eok := azcloud.ByVaultResource(expected)
	fc, fok := azcloud.ByVaultResource(found)
	if eok && fok && ec.Name != fc.Name {
		kv = append(kv, catalog.ParamCloud, ec.Name, catalog.ParamScope, fc.Scope(), catalog.ParamExpectedScope, ec.Scope(),
			catalog.ParamExpectedAuthorityHost, ec.Authority())
		return newSignal(line, High, catalog.CloudMismatch, kv...)
	}
	if eok {
		kv = append(kv, catalog.ParamExpectedScope, ec.Scope())
	}
	return newSignal(line, High, catalog.TokenAudienceWrong, kv...)
}

// issuerSignal reads AKV10032: a token from another tenant, or from another
// cloud when the issuer hosts differ.
func issuerSignal(line int, win string) signal {
	m := reIssuer.FindStringSubmatch(win)
	if m == nil {
		return newSignal(line, High, catalog.VaultTenantMismatch, catalog.ParamCode, "AKV10032")
	}
	expected, found := cleanURL(m[1]), cleanURL(m[2])
	kv := []string{catalog.ParamCode, "AKV10032", catalog.ParamExpectedIssuer, expected, catalog.ParamFoundIssuer, found,
		catalog.ParamVaultTenantID, submatch(reIssuerTenat, expected), catalog.ParamTokenTenantID, submatch(reIssuerTenat, found)}
	ec, eok := azcloud.ByIssuer(expected)
	fc, fok := azcloud.ByIssuer(found)
	if eok && fok && ec.Name != fc.Name {
		kv = append(kv, catalog.ParamCloud, ec.Name, catalog.ParamExpectedAuthorityHost, ec.Authority())
		return newSignal(line, High, catalog.CloudMismatch, kv...)
	}
	return newSignal(line, High, catalog.VaultTenantMismatch, kv...)
}

func cleanURL(s string) string {
	return strings.TrimLeft(strings.TrimRight(s, "\"'`[](),;.}"), "\"'`[(")
}

// challengeSignal reads the SDKs' own check that the vault's challenge names
// a resource of the host called.
func challengeSignal(in *input, sc *scan) []signal {
	off := -1
	for _, p := range []string{"doesnotmatchtherequesteddomain", "doesn'tmatchtherequesteddomain"} {
		if h := in.sqIndexAll(p, 1); len(h) > 0 && (off < 0 || h[0] < off) {
			off = h[0]
		}
	}
	if off < 0 {
		return nil
	}
	line := in.sqLineAt(off)
	win, _ := in.around(off, 300, 300)
	res := submatch(reChallengeResource, win)
	kv := []string{catalog.ParamResource, res}
	if rc, ok := azcloud.ByVaultResource(res); ok {
		if v, ok := otherCloud(rc, sc.hosts.clouds(vaultHost)); ok {
			kv = append(kv, catalog.ParamCloud, v.Name, catalog.ParamScope, rc.Scope(), catalog.ParamExpectedScope, v.Scope())
			return []signal{newSignal(line, High, catalog.CloudMismatch, kv...)}
		}
	}
	return []signal{newSignal(line, Medium, catalog.VaultURLInvalid, kv...)}
}

var statusAnchors = []string{"status", "response 4", "response 5", "http "}

var reStatus = regexp.MustCompile(`(?i)(?:statuscode[=:] ?'?|status code = '|status[=:] ?|response |http status |http/1\.1 |http )([1-5][0-9][0-9])\b`)

var reStatusName = regexp.MustCompile(`(?i)status code '(forbidden|unauthorized|notfound|toomanyrequests)'`)

var statusNames = map[string]string{"forbidden": "403", "unauthorized": "401", "notfound": "404", "toomanyrequests": "429"}

// statusHit is a failed HTTP status and the line where the text first reports it.
type statusHit struct {
	code string
	line int
}

// httpStatuses lists the failed HTTP statuses the text reports, in order.
func httpStatuses(in *input) []statusHit {
	type hit struct {
		off  int
		code string
	}
	var hits []hit
	for _, a := range statusAnchors {
		for _, at := range in.lowerIndexAll(a, 256) {
			start := max(0, at-12)
			win := in.text[start:min(len(in.text), at+40)]
			if m := reStatus.FindStringSubmatch(win); m != nil {
				if code, err := strconv.Atoi(m[1]); err == nil && code >= 400 {
					hits = append(hits, hit{at, m[1]})
				}
				continue
			}
			if m := reStatusName.FindStringSubmatch(win); m != nil {
				hits = append(hits, hit{at, statusNames[strings.ToLower(m[1])]})
			}
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].off < hits[j].off })
	var out []statusHit
	seen := map[string]bool{}
	for _, h := range hits {
		if !seen[h.code] {
			seen[h.code] = true
			out = append(out, statusHit{h.code, in.lineAt(h.off)})
		}
	}
	return out
}
