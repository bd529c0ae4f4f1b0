package explain

import (
	"strconv"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// maxCodeHits bounds how many occurrences of one code are read, and
// maxCodeSignals how many code occurrences are read in all: each costs a
// look at the text around it.
const (
	maxCodeHits    = 32
	maxCodeSignals = 512
)

// collectSignals finds every signal of the text: Entra and Key Vault codes,
// fixed service and runtime texts, and hosts of different clouds.
func collectSignals(in *input) *scan {
	sc := &scan{hosts: scanHosts(in)}
	hits := map[int]int{}
	read := 0
	for _, i := range in.sqIndexAll("aadsts", maxWideHits) {
		code, ok := aadstsCodeAt(in.sq, i+len("aadsts"))
		if !ok || hits[code] >= maxCodeHits || read >= maxCodeSignals {
			continue
		}
		read++
		if hits[code] == 0 {
			sc.aadsts = append(sc.aadsts, "AADSTS"+strconv.Itoa(code))
		}
		hits[code]++
		sc.signals = append(sc.signals, aadstsSignals(in, sc, code, i)...)
	}
	sc.signals = append(sc.signals, akvSignals(in, sc)...)
	sc.signals = append(sc.signals, phraseSignals(in, sc)...)
	sc.signals = append(sc.signals, challengeSignal(in, sc)...)
	sc.signals = append(sc.signals, hostMismatchSignals(sc)...)
	sc.statuses = httpStatuses(in)
	sc.signals = append(sc.signals, statusSignals(in, sc)...)
	return sc
}

// statusSignals are guesses from a Key Vault status alone, when its answer
// was not pasted and nothing surer was found: low confidence.
func statusSignals(in *input, sc *scan) []signal {
	for _, s := range sc.signals {
		if s.conf.rank() >= Medium.rank() {
			return nil
		}
	}
	_, vault := sc.hosts.first(vaultHost, privateLinkHost)
	if !vault && !in.has("keyvault") && !in.has("key vault") {
		return nil
	}
	var out []signal
	for _, s := range sc.statuses {
		switch s.code {
		case "401":
			out = append(out, newSignal(s.line, Low, catalog.TokenFailed, catalog.ParamCode, "HTTP 401",
				catalog.ParamCodeMeaning, "Key Vault refused the token it was given (its answer, with the AKV code, was not in the text)."))
		case "403":
			out = append(out, newSignal(s.line, Low, catalog.RBACRoleMissing, catalog.ParamCode, "HTTP 403"))
		case "404":
			out = append(out, newSignal(s.line, Low, catalog.SecretNotFound, catalog.ParamCode, "HTTP 404"))
		case "429":
			out = append(out, newSignal(s.line, Medium, catalog.Throttled, catalog.ParamCode, "HTTP 429"))
		}
	}
	return out
}

// hostMismatchSignals compares the cloud of the vault with the clouds of the
// sign-in hosts and Key Vault resources the text shows: a vault.azure.cn
// vault with login.microsoftonline.com, a vault.usgovcloudapi.net vault with
// a https://vault.azure.net scope.
func hostMismatchSignals(sc *scan) []signal {
	vaults := sc.hosts.clouds(vaultHost, privateLinkHost)
	if len(vaults) != 1 {
		return nil
	}
	v := vaults[0]
	var out []signal
	for _, h := range sc.hosts.hits {
		if h.cloud.Name == "" || h.cloud.Name == v.Name {
			continue
		}
		switch h.kind {
		case authorityHost:
			out = append(out, newSignal(h.line, Medium, catalog.CloudMismatch,
				catalog.ParamCloud, v.Name, catalog.ParamAuthorityCloud, h.cloud.Name, catalog.ParamAuthorityHost, "https://"+h.host,
				catalog.ParamExpectedAuthorityHost, v.Authority()))
		case vaultResource:
			out = append(out, newSignal(h.line, Medium, catalog.CloudMismatch,
				catalog.ParamCloud, v.Name, catalog.ParamScope, h.cloud.Scope(), catalog.ParamExpectedScope, v.Scope()))
		default:
			continue
		}
		return out
	}
	return out
}
