package explain

import (
	"regexp"
	"sort"
	"strings"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// maxFindings bounds the further findings of a result.
const maxFindings = 8

// diagnose picks the primary finding and orders the others. A credential
// chain tells its own story (see story); signals outside the chain compete
// with it only when they are surer.
func diagnose(in *input, sc *scan, ch chain) Result {
	own := map[*chainEntry][]signal{}
	ownCodes := map[string]bool{}
	var free []signal
	for _, s := range sc.signals {
		if e := ch.owner(s.line); e != nil {
			own[e] = append(own[e], s)
			ownCodes[s.finding.Code] = true
			continue
		}
		free = append(free, s)
	}
	var rest []signal
	for _, s := range free {
		if !ownCodes[s.finding.Code] {
			rest = append(rest, s)
		}
	}
	sort.SliceStable(rest, func(i, j int) bool { return better(rest[i], rest[j]) })

	var ordered []signal
	st, weak := story(in, ch, own)
	switch {
	case len(st) == 0:
		ordered = rest
	case len(rest) > 0 && (rest[0].conf.rank() > st[0].conf.rank() || weak && rest[0].conf.rank() >= st[0].conf.rank()):
		ordered = append(append([]signal{rest[0]}, st...), rest[1:]...)
	default:
		ordered = append(st, rest...)
	}
	if len(ordered) > 0 && ordered[0].finding.Code == catalog.CloudMismatch && ch.owner(ordered[0].line) == nil && cliCommand(in) {
		ordered[0] = relabel(ordered[0], catalog.CLIWrongCloud)
	}
	ordered = dedupe(ordered)
	res := Result{Findings: []Diagnosis{}}
	for i, s := range ordered {
		d := Diagnosis{Finding: s.finding, Confidence: s.conf}
		d.Finding.Quote = quoteOf(in, s.line)
		if i == 0 {
			res.Primary = &d
			continue
		}
		if len(res.Findings) < maxFindings {
			res.Findings = append(res.Findings, d)
		}
	}
	return res
}

// maxQuote is the longest line quoted as the text a finding was read from.
const maxQuote = 400

// quoteOf is line of the text, as the finding's quote, when it is short
// enough to be read.
func quoteOf(in *input, line int) string {
	if line < 0 || line >= len(in.lines) {
		return ""
	}
	end := len(in.text)
	if line+1 < len(in.lines) {
		end = in.lines[line+1]
	}
	if end-in.lines[line] > maxQuote {
		return ""
	}
	return redact(collapseSpace(in.text[in.lines[line]:end]))
}

// dedupe keeps the first signal of each finding code; the others are sorted
// surest first, keeping the story's order among equals.
func dedupe(sigs []signal) []signal {
	seen := map[string]bool{}
	var out []signal
	for _, s := range sigs {
		if seen[s.finding.Code] {
			continue
		}
		seen[s.finding.Code] = true
		out = append(out, s)
	}
	if len(out) > 1 {
		tail := out[1:]
		sort.SliceStable(tail, func(i, j int) bool { return tail[i].conf.rank() > tail[j].conf.rank() })
	}
	return out
}

// story reads a credential chain the way its SDK ran it: the first
// credential that really tried and failed is the cause — except a developer
// sign-in cache when the environment credential was unavailable: then the
// app has no credential of its own (env-missing) and the cache's failure
// comes second. When every credential was merely unavailable, the app runs on
// Azure without a usable managed identity if the text shows an Azure host,
// and has no credential at all otherwise. weak is true when the primary is a
// default guess with no code behind it.
func story(in *input, ch chain, own map[*chainEntry][]signal) (out []signal, weak bool) {
	if len(ch.entries) == 0 {
		return nil, false
	}
	env := ch.find(credEnvironment)
	var failed *chainEntry
	for _, e := range ch.entries {
		if e.line.State == Failed {
			failed = e
			break
		}
	}
	if failed != nil {
		first, others, isDefault := credentialSignals(failed, own[failed])
		if devCaches[failed.line.Name] && (env == nil || env.line.State == Unavailable) {
			line := failed.spans[0][0]
			if env != nil {
				line = env.spans[0][0]
			}
			return append([]signal{envMissing(env, line)}, append([]signal{first}, others...)...), false
		}
		return append([]signal{first}, others...), isDefault
	}
	line := ch.entries[0].spans[0][0]
	onlyMI := true
	for _, e := range ch.entries {
		onlyMI = onlyMI && e.line.Name == credManagedIdentity
	}
	mi := newSignal(line, Medium, catalog.ManagedIdentityUnavailable)
	if onlyMI || azureHostShown(in, ch) {
		out = []signal{mi}
		if env != nil {
			out = append(out, lower(envMissing(env, line), Low))
		}
	} else {
		out = []signal{envMissing(env, line)}
	}
	if cli := ch.find(credAzureCLI); cli != nil && strings.Contains(cli.sqMsg, "azlogin") {
		out = append(out, newSignal(cli.spans[0][0], Low, catalog.CLINotLoggedIn))
	}
	return out, false
}

// credentialSignals is what a failed credential's own lines say: its
// surest signal first, then its other findings. With no signal of its own it
// gets the default finding of its type.
func credentialSignals(e *chainEntry, sigs []signal) (first signal, others []signal, isDefault bool) {
	sort.SliceStable(sigs, func(i, j int) bool { return better(sigs[i], sigs[j]) })
	if e.line.Name == credAzureCLI {
		for i, s := range sigs {
			if s.finding.Code == catalog.CloudMismatch {
				sigs[i] = relabel(s, catalog.CLIWrongCloud)
			}
		}
	}
	if len(sigs) > 0 {
		return sigs[0], sigs[1:], false
	}
	line := e.spans[0][0]
	switch e.line.Name {
	case credManagedIdentity:
		if endpointAnswered(e.sqMsg) {
			return newSignal(line, Medium, catalog.ManagedIdentityUnavailable, catalog.ParamDetail, e.line.Message), nil, true
		}
	case credAzureCLI:
		return newSignal(line, Medium, catalog.CLINotLoggedIn), nil, true
	case credWorkload:
		return newSignal(line, Medium, catalog.FederatedTokenInvalid), nil, true
	}
	return newSignal(line, Medium, catalog.TokenFailed, catalog.ParamDetail, e.line.Message), nil, true
}

// endpointAnswered says whether a managed identity's failure came from its
// endpoint (an answer, a refusal, no connection) rather than from the SDK.
func endpointAnswered(sqMsg string) bool {
	sqMsg = strings.ReplaceAll(sqMsg, "managedidentitycredential", "")
	for _, p := range []string{"imds", "identity", "endpoint", "status", "servicerequestfailed", "connection", "timedout", "badrequest", "retryfailed"} {
		if strings.Contains(sqMsg, p) {
			return true
		}
	}
	return false
}

var reEnvVariable = regexp.MustCompile(`(?i)missing environment variable (AZURE_[A-Z_]+)`)

// envMissing is env-missing, naming the variable the environment
// credential's message names, if any.
func envMissing(env *chainEntry, line int) signal {
	v := ""
	if env != nil {
		if m := submatch(reEnvVariable, env.line.Message); m != "" {
			v = m
		}
	}
	return newSignal(line, Medium, catalog.EnvMissing, catalog.ParamVariable, v)
}

// azureHostPhrases are App Service paths and the variables of Azure's
// managed identity endpoints, squeezed.
var azureHostPhrases = []string{"dwasfiles", `d:\home\`, "/home/site/wwwroot", "website_site_name", "website_instance_id",
	"identity_endpoint", "msi_endpoint", "identity_header", "imds_endpoint", "/opt/azcmagent"}

// azureHostShown says whether the text shows that the app runs on an Azure
// host: App Service paths and variables, a managed identity endpoint, or an
// IMDS that answered (not one that stayed silent).
func azureHostShown(in *input, ch chain) bool {
	for _, p := range azureHostPhrases {
		if in.has(p) {
			return true
		}
	}
	if mi := ch.find(credManagedIdentity); mi != nil {
		for _, p := range []string{"hasnotbeenassigned", "identitynotfound", "noidentityhasbeenassigned", "statuscode:4", "statuscode4", "status4"} {
			if strings.Contains(mi.sqMsg, p) {
				return true
			}
		}
	}
	return false
}

// cliCommand says whether the text is the output of an az command.
func cliCommand(in *input) bool {
	return strings.HasPrefix(in.lower, "az ") || len(in.lowerIndexAll("\naz ", 1)) > 0 || len(in.lowerIndexAll("$ az ", 1)) > 0 ||
		len(in.lowerIndexAll("> az ", 1)) > 0
}

// relabel gives a signal another finding code, keeping its parameters.
func relabel(s signal, code string) signal {
	n := newFinding(code)
	n.Params = s.finding.Params
	s.finding = n
	return s
}

// lower returns s at confidence c.
func lower(s signal, c Confidence) signal {
	s.conf = c
	return s
}
