package explain

import (
	"regexp"
	"sort"
	"strings"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

// phraseRule recognises a finding by fixed texts: Key Vault's error and inner
// codes (which are codes, hence high confidence) and, where no code exists,
// the service's or the runtime's own words. Phrases are matched ignoring
// case and white space.
type phraseRule struct {
	phrases []string
	slug    string
	conf    Confidence
	// kvCode is the Key Vault code this rule stands for, for the evidence.
	kvCode string
	// params reads parameters from the text around the sq offset where the rule matched.
	params func(in *input, off int) []string
	// transport rules skip lines about the managed identity endpoint,
	// whose silence is how a credential chain learns it is not on Azure.
	transport bool
}

var (
	reClientAddress = regexp.MustCompile(`(?i)client address:? ?([0-9a-f.:]+[0-9a-f])`)
	reSecretName    = regexp.MustCompile(`(?i)a secret with \(name/id\) (\S+) was not found`)
	rePermission    = regexp.MustCompile(`(?i)does not have (secrets \w+) permission`)
	reAction        = regexp.MustCompile(`(?i)action: '([^']+)'`)
	reDeletedSecret = regexp.MustCompile(`(?i)deleted secret not found: (\S+)`)
)

func regexParam(re *regexp.Regexp, name string) func(*input, int) []string {
	return func(in *input, off int) []string {
		win, _ := in.around(off, 1500, 2500)
		return []string{name, submatch(re, win)}
	}
}

var phraseRules = []phraseRule{
	{phrases: []string{"forbiddenbyrbac", "callerisnotauthorizedtoperformactiononresource"}, slug: catalog.RBACRoleMissing, conf: High, kvCode: "ForbiddenByRbac",
		params: regexParam(reAction, catalog.ParamAction)},
	{phrases: []string{"doesnothavesecretsgetpermission", "callerwasnotfoundonanyaccesspolicy", "forbiddenbypolicy", "touseon-behalf-of(obo)flow"},
		slug: catalog.AccessPolicyMissingGet, conf: High, kvCode: "AccessDenied",
		params: func(*input, int) []string { return []string{catalog.ParamPermission, "get"} }},
	{phrases: []string{"doesnothavesecretslistpermission"}, slug: catalog.ListDenied, conf: High, kvCode: "AccessDenied",
		params: func(*input, int) []string { return []string{catalog.ParamPermission, "list"} }},
	{phrases: []string{"doesnothavesecretssetpermission", "doesnothavesecretsdeletepermission", "doesnothavesecretsrecoverpermission", "doesnothavesecretspurgepermission"},
		slug: catalog.AccessPolicyMissingGet, conf: Medium, kvCode: "AccessDenied", params: regexParam(rePermission, catalog.ParamPermission)},
	{phrases: []string{"forbiddenbyfirewall", "clientaddressisnotauthorized"}, slug: catalog.FirewallDenied, conf: High, kvCode: "ForbiddenByFirewall",
		params: regexParam(reClientAddress, catalog.ParamClientAddress)},
	{phrases: []string{"forbiddenbyconnection", "publicnetworkaccessisdisabled", "connectionisnotanapprovedprivatelink"}, slug: catalog.PrivateLinkOnly, conf: High, kvCode: "ForbiddenByConnection"},
	{phrases: []string{"secretdisabled", "operationgetisnotallowedonadisabledsecret"}, slug: catalog.SecretDisabled, conf: High, kvCode: "SecretDisabled"},
	{phrases: []string{"secretnotfound", "wasnotfoundinthiskeyvault"}, slug: catalog.SecretNotFound, conf: High, kvCode: "SecretNotFound",
		params: regexParam(reSecretName, catalog.ParamSecret)},
	{phrases: []string{"deletedsecretnotfound"}, slug: catalog.SecretNotFound, conf: Medium, kvCode: "SecretNotFound",
		params: regexParam(reDeletedSecret, catalog.ParamSecret)},
	{phrases: []string{`"code":"throttled"`, `code="throttled"`, "errorcode:throttled", "toomanyrequestswerereceived", "vaultrequesttypelimitreached", "429toomanyrequests", "status:429", "statuscode=429", "response429"},
		slug: catalog.Throttled, conf: High, kvCode: "Throttled"},
	{phrases: []string{"isnotconfiguredtoacquiretokensfortenant", "isn'tconfiguredtoacquiretokensfortenant"}, slug: catalog.VaultTenantMismatch, conf: Medium},
	{phrases: []string{"tokennotyetvalid"}, slug: catalog.ClockSkew, conf: Medium},
	{phrases: []string{"s2s12086", "[tokenexpired]"}, slug: catalog.TokenFailed, conf: Medium, kvCode: "TokenExpired",
		params: func(*input, int) []string {
			return []string{catalog.ParamCode, "TokenExpired", catalog.ParamCodeMeaning, "The token presented to Key Vault had expired: code kept a token past its expiry, or the clock is far off."}
		}},
	{phrases: []string{"accessdeniedtofirstpartyservice"}, slug: catalog.TokenFailed, conf: Medium, kvCode: "AccessDenied",
		params: func(*input, int) []string {
			return []string{catalog.ParamCode, "AccessDenied", catalog.ParamCodeMeaning, "Access denied to first party service: the token belongs to a personal Microsoft account or an untrusted first-party caller."}
		}},

	{phrases: []string{"invalidtenantidprovided", "invalidtenantid", "tenantidcontainsinvalidcharacters"}, slug: catalog.EnvMalformed, conf: Medium,
		params: func(*input, int) []string {
			return []string{catalog.ParamVariable, "AZURE_TENANT_ID", catalog.ParamProblem, catalog.ProblemNotATenant}
		}},
	{phrases: []string{"cannotuseanauthorityhostwithouthttps", "authorityhostmustuse", "authority_hostmustbeanhttps"}, slug: catalog.EnvMalformed, conf: Medium,
		params: func(*input, int) []string {
			return []string{catalog.ParamVariable, "AZURE_AUTHORITY_HOST", catalog.ParamProblem, catalog.ProblemNoScheme}
		}},
	{phrases: []string{"failedtoreadcertificatefile", "certificatefilenotfound"}, slug: catalog.EnvMalformed, conf: Medium,
		params: func(*input, int) []string {
			return []string{catalog.ParamVariable, "AZURE_CLIENT_CERTIFICATE_PATH", catalog.ParamProblem, catalog.ProblemFileMissing}
		}},
	{phrases: []string{"pleaserun'azlogin'", "pleaserun\"azlogin\"", "pleaserunazlogin", "pleaserun:azlogin", "azloginfirst", "noaccountsfound.pleaserun"},
		slug: catalog.CLINotLoggedIn, conf: Medium},
	{phrases: []string{"nmiresponsefailed", "identitynotfound", "unabletoloadthepropermanagedidentity", "requestedidentityhasnotbeenassigned",
		"noidentityhasbeenassigned", "nomanagedidentityendpointfound", "multipleuserassignedidentitiesexist"},
		slug: catalog.ManagedIdentityUnavailable, conf: Medium},
	{phrases: []string{"invalidazure_token_credentialsvalue"}, slug: catalog.EnvMalformed, conf: Medium,
		params: func(*input, int) []string { return []string{catalog.ParamVariable, "AZURE_TOKEN_CREDENTIALS"} }},
	{phrases: []string{"invalid_instance", "authorityvalidationfailed", "invalidauthority", "isnotinthelistofknownauthorities"}, slug: catalog.AuthorityInvalid, conf: Medium},

	{phrases: []string{"certificate_verify_failed", "x509:certificatesignedbyunknownauthority", "pkixpathbuildingfailed", "self_signed_cert_in_chain",
		"self-signedcertificateincertificatechain", "selfsignedcertificateincertificatechain", "unable_to_get_issuer_cert_locally", "unabletogetlocalissuercertificate",
		"unable_to_verify_leaf_signature", "theremotecertificateisinvalid", "x509:certificatehasexpired", "suncertpathbuilderexception"},
		slug: catalog.TLSUntrusted, conf: High, transport: true},
	{phrases: []string{"sslconnectioncouldnotbeestablished", "certificateverificationfailed", "x509:certificateisvalidfor", "sslerror", "tlshandshake"},
		slug: catalog.TLSUntrusted, conf: Medium, transport: true},
	{phrases: []string{"proxyauthenticationrequired", "407proxy", "statuscode=407", "status:407"}, slug: catalog.ProxyProblem, conf: High, transport: true},
	{phrases: []string{"proxyconnecttcp", "proxyerror", "unabletoconnecttoproxy", "tunnelconnectionfailed", "connecttunnelfailed", "proxy_connection_failed", "cannotconnecttoproxy"},
		slug: catalog.ProxyProblem, conf: Medium, transport: true},
	{phrases: []string{"maxretriesexceededattemptingtoconnecttovault", "nosuchhost", "nameorservicenotknown", "getaddrinfoenotfound", "nodenamenorservnameprovided",
		"theremotenamecouldnotberesolved", "temporaryfailureinnameresolution", "unknownhostexception", "failedtoresolve", "getaddrinfoeai_again"},
		slug: catalog.VaultNotFound, conf: Medium, transport: true},
	{phrases: []string{"i/otimeout", "contextdeadlineexceeded", "connectiontimedout", "etimedout", "connectionrefused", "econnrefused", "econnreset",
		"connectionresetbypeer", "readtimedout", "operationtimedout", "failedtoestablishanewconnection", "networkisunreachable", "completedwithnoresponse"},
		slug: catalog.VaultUnreachable, conf: Medium, transport: true},
}

// phraseSignals applies phraseRules: one signal per rule, at its first line.
func phraseSignals(in *input, sc *scan) []signal {
	var out []signal
	for _, r := range phraseRules {
		for _, off := range ruleOffsets(in, r) {
			out = append(out, phraseSignal(in, sc, r, off))
		}
	}
	return dropGenericTransport(out)
}

// maxPhraseLines is how many lines one rule reports: the first, and
// others that may belong to other credentials of a chain.
const maxPhraseLines = 8

// ruleOffsets are the sq offsets where a rule matched, on distinct lines,
// earliest first.
func ruleOffsets(in *input, r phraseRule) []int {
	var offs []int
	for _, p := range r.phrases {
		offs = append(offs, usable(in, p, r.transport)...)
	}
	sort.Ints(offs)
	var out []int
	last := -1
	for _, o := range offs {
		if l := in.sqLineAt(o); l != last {
			out = append(out, o)
			last = l
			if len(out) == maxPhraseLines {
				break
			}
		}
	}
	return out
}

// phraseSignal is the signal of rule r matched at sq offset off.
func phraseSignal(in *input, sc *scan, r phraseRule, off int) signal {
	line := in.sqLineAt(off)
	var kv []string
	if r.params != nil {
		kv = r.params(in, off)
	}
	slug, conf := r.slug, r.conf
	switch slug {
	case catalog.RBACRoleMissing:
		if a := paramOf(kv, catalog.ParamAction); strings.Contains(strings.ToLower(a), "readmetadata") {
			slug = catalog.ListDenied
		}
	case catalog.VaultNotFound, catalog.VaultUnreachable:
		kv = append(kv, transportHost(in, sc, line)...)
		h := paramOf(kv, catalog.ParamHost)
		if _, signIn := azcloud.ByAuthorityHost(h); h != "" && signIn {
			slug = catalog.AuthorityUnreachable
		} else if h != "" && !isVaultHostName(h) {
			slug = catalog.VaultUnreachable
		}
	}
	if r.kvCode != "" {
		sc.kvCodes = appendUnique(sc.kvCodes, r.kvCode)
	}
	return newSignal(line, conf, slug, kv...)
}

// dropGenericTransport removes vault-unreachable and authority-unreachable
// when a more precise
// transport failure (DNS, TLS, proxy) explains the same broken connection.
func dropGenericTransport(sigs []signal) []signal {
	precise := false
	for _, s := range sigs {
		switch s.finding.Code {
		case catalog.TLSUntrusted, catalog.ProxyProblem, catalog.VaultNotFound:
			precise = true
		}
	}
	if !precise {
		return sigs
	}
	out := sigs[:0]
	for _, s := range sigs {
		if s.finding.Code != catalog.VaultUnreachable && s.finding.Code != catalog.AuthorityUnreachable {
			out = append(out, s)
		}
	}
	return out
}

// usable are the sq offsets of the first occurrences of phrase, skipping
// for transport rules the lines about the managed identity endpoint.
func usable(in *input, phrase string, transport bool) []int {
	hits := in.sqIndexAll(phrase, 64)
	if !transport {
		return first(hits, maxPhraseLines)
	}
	var out []int
	for _, i := range hits {
		l := in.sqLineAt(i)
		if !aboutManagedIdentity(in.lower[in.lines[l]:min(len(in.lower), in.lines[l]+2000)]) {
			out = append(out, i)
		}
	}
	return first(out, maxPhraseLines)
}

func aboutManagedIdentity(line string) bool {
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	return strings.Contains(line, "imds") || strings.Contains(line, "169.254.169.254") || strings.Contains(line, "managed identity") ||
		strings.Contains(line, "managedidentity") || strings.Contains(line, "msi")
}

// transportHost names the host a transport failure concerns: a vault or
// sign-in host on the same or the next lines.
func transportHost(in *input, sc *scan, line int) []string {
	for _, h := range sc.hosts.hits {
		if h.line >= line-2 && h.line <= line+2 && (h.kind == vaultHost || h.kind == authorityHost || h.kind == privateLinkHost) {
			return []string{catalog.ParamHost, h.host}
		}
	}
	return nil
}

func isVaultHostName(h string) bool {
	for _, c := range []string{".vault.", ".vaultcore."} {
		if strings.Contains(h, c) {
			return true
		}
	}
	return false
}

func paramOf(kv []string, name string) string {
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i] == name {
			return kv[i+1]
		}
	}
	return ""
}

func appendUnique(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}
