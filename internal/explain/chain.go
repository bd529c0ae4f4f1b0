package explain

import (
	"strings"
	"unicode/utf8"
)

// credentialNames maps the lower-case name before "credential" to the
// credential's type name, longest first where one is a prefix of another.
var credentialNames = []struct{ prefix, name string }{
	{"visualstudiocode", "VisualStudioCodeCredential"},
	{"visualstudio", "VisualStudioCredential"},
	{"environment", "EnvironmentCredential"},
	{"workloadidentity", "WorkloadIdentityCredential"},
	{"managedidentity", "ManagedIdentityCredential"},
	{"imds", "ManagedIdentityCredential"},
	{"sharedtokencache", "SharedTokenCacheCredential"},
	{"azuredevelopercli", "AzureDeveloperCliCredential"},
	{"azurecli", "AzureCliCredential"},
	{"azurepowershell", "AzurePowerShellCredential"},
	{"intellij", "IntelliJCredential"},
	{"interactivebrowser", "InteractiveBrowserCredential"},
	{"clientsecret", "ClientSecretCredential"},
	{"clientcertificate", "ClientCertificateCredential"},
	{"clientassertion", "ClientAssertionCredential"},
	{"usernamepassword", "UsernamePasswordCredential"},
	{"devicecode", "DeviceCodeCredential"},
	{"azurepipelines", "AzurePipelinesCredential"},
	{"onbehalfof", "OnBehalfOfCredential"},
	{"broker", "BrokerCredential"},
}

// Credential type names the story rules name.
const (
	credEnvironment     = "EnvironmentCredential"
	credManagedIdentity = "ManagedIdentityCredential"
	credWorkload        = "WorkloadIdentityCredential"
	credAzureCLI        = "AzureCliCredential"
	credSharedCache     = "SharedTokenCacheCredential"
	credVisualStudio    = "VisualStudioCredential"
	credVSCode          = "VisualStudioCodeCredential"
	credIntelliJ        = "IntelliJCredential"
)

// devCaches are credentials that reuse a developer's sign-in on a
// developer machine: their failure says nothing about the app's own credential.
var devCaches = map[string]bool{credSharedCache: true, credVisualStudio: true, credVSCode: true, credIntelliJ: true}

// chainEntry is one credential of the text with every span of lines where
// it reported, merged across repeats of the dump.
type chainEntry struct {
	line  CredentialLine
	spans [][2]int
	sqMsg string
}

// chain is the credentials of the text in order of first appearance.
type chain struct {
	entries []*chainEntry
}

func (c chain) find(name string) *chainEntry {
	for _, e := range c.entries {
		if e.line.Name == name {
			return e
		}
	}
	return nil
}

// owner returns the credential whose message covers line, or nil. An
// unavailable credential owns only its own lines, not the lines after them:
// its message is one line, and what follows is the rest of the log.
func (c chain) owner(line int) *chainEntry {
	for _, e := range c.entries {
		for _, s := range e.spans {
			if line == s[0] || line > s[0] && line <= s[1] && e.line.State == Failed {
				return e
			}
		}
	}
	return nil
}

// mention is a credential name followed by what it did.
type mention struct {
	name string
	off  int // offset of the name in text
	line int
}

const maxMentions = 4000

// parseChain finds the credential lines of the text.
func parseChain(in *input) chain {
	ms := mentions(in)
	var c chain
	for k, m := range ms {
		end := continuation(in, m.line)
		if k+1 < len(ms) && ms[k+1].line-1 < end {
			end = ms[k+1].line - 1
		}
		if end < m.line {
			end = m.line
		}
		lineEnd := len(in.text)
		if end+1 < len(in.lines) {
			lineEnd = in.lines[end+1]
		}
		msg := collapseSpace(in.text[m.off:min(lineEnd, m.off+4000)])
		sqMsg := squeeze(msg)
		state := classify(sqMsg)
		e := c.find(m.name)
		if e == nil {
			e = &chainEntry{line: CredentialLine{Name: m.name, State: state, Message: shorten(redact(msg), 300)}, sqMsg: sqMsg}
			c.entries = append(c.entries, e)
		} else if e.line.State != Failed && state == Failed {
			e.line.State, e.line.Message, e.sqMsg = Failed, shorten(redact(msg), 300), sqMsg
		}
		e.spans = append(e.spans, [2]int{m.line, end})
	}
	return c
}

// mentions lists the credential names of the text that are followed by a
// report (":", "authentication unavailable", "raised unexpected error", …),
// at most one per line.
func mentions(in *input) []mention {
	var out []mention
	lastLine := -1
	for _, at := range in.lowerIndexAll("credential", maxWideHits) {
		if len(out) >= maxMentions {
			break
		}
		from := at + len("credential")
		name, start := credentialBefore(in.lower, at)
		if name == "" || !reportFollows(in.lower[from:min(len(in.lower), from+48)]) {
			continue
		}
		line := in.lineAt(start)
		if line == lastLine || stackFrame(in.lower[in.lines[line]:start]) {
			continue
		}
		lastLine = line
		out = append(out, mention{name: name, off: start, line: line})
	}
	for _, i := range in.sqIndexAll("visualstudiotokenprovider", 16) {
		line := in.sqLineAt(i)
		m := mention{name: credVisualStudio, off: in.lines[line], line: line}
		out = insertMention(out, m)
	}
	return out
}

// stackFrame says whether the text before a name on its line opens a stack
// frame ("at Azure.Identity.…"), which names a credential but reports nothing.
func stackFrame(before string) bool {
	t := strings.TrimLeft(before, " \t")
	return strings.HasPrefix(t, "at ") || strings.HasPrefix(t, "file ")
}

func insertMention(ms []mention, m mention) []mention {
	for k, x := range ms {
		if x.line == m.line {
			return ms
		}
		if x.line > m.line {
			return append(ms[:k], append([]mention{m}, ms[k:]...)...)
		}
	}
	return append(ms, m)
}

// credentialBefore returns the credential type whose name ends at the
// "credential" at offset at, and where the name starts.
func credentialBefore(lower string, at int) (string, int) {
	for _, c := range credentialNames {
		start := at - len(c.prefix)
		if start < 0 || lower[start:at] != c.prefix {
			continue
		}
		if start > 0 {
			if b := lower[start-1]; b >= 'a' && b <= 'z' || b >= '0' && b <= '9' {
				continue
			}
		}
		return c.name, start
	}
	return "", 0
}

// reportFollows says whether the text after a credential name reports what
// it did, as chain dumps and credential errors do in every SDK.
func reportFollows(after string) bool {
	a := strings.TrimLeft(after, " \t")
	for _, p := range []string{":", ".get_token failed", ".get_token_info failed", ".gettoken was unable", ".gettoken failed", "authentication",
		"is unavailable", "unavailable", "raised", "failed", "- ", "is not available", "not available", "was unable", "could not"} {
		if strings.HasPrefix(a, p) {
			return !strings.HasPrefix(a, "::")
		}
	}
	return false
}

// continuation is the last line of the message that starts on line: the
// following lines until a blank line, a stack frame or a new section, at
// most 12 lines.
func continuation(in *input, line int) int {
	end := line
	for l := line + 1; l < len(in.lines) && l <= line+12; l++ {
		start := in.lines[l]
		t := in.lower[start:min(len(in.lower), start+256)]
		if i := strings.IndexByte(t, '\n'); i >= 0 {
			t = t[:i]
		}
		t = strings.TrimSpace(t)
		if t == "" || stopsMessage(t) {
			break
		}
		end = l
	}
	return end
}

func stopsMessage(t string) bool {
	for _, p := range []string{"at ", "file \"", "traceback", "to mitigate", "attempted credentials", "visit https", "defaultazurecredential",
		"chainedtokencredential", "tried ", "see the troubleshooting", "exception:", "[error]", "[warn"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

var unavailableMarkers = []string{
	"unavailable", "notavailable", "notfullyconfigured", "notinstalled", "notfoundonpath", "executablenotfound", "noaccountswerefound",
	"missingenvironmentvariable", "incompleteenvironmentvariable", "noclientidspecified", "notokenfilespecified", "notenantidspecified",
	"can'tbeaccessed", "cannotbeaccessed", "nomanagedidentityendpoint", "managedidentitytimedout", "couldnotbefound", "noresponsefromtheimds",
	"pleaserun'azlogin'", "pleaserun\"azlogin\"", "pleaserunazlogin", "run'connect-azaccount'", "nottriedbecause",
}

// classify tells an unavailable credential (it did not apply here) from one
// that tried and failed.
func classify(sqMsg string) CredentialState {
	if strings.Contains(sqMsg, "aadsts") {
		return Failed
	}
	for _, m := range unavailableMarkers {
		if strings.Contains(sqMsg, m) {
			return Unavailable
		}
	}
	return Failed
}

// shorten cuts s to at most n bytes on a rune boundary, marking the cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
