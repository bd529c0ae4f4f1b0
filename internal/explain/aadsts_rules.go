package explain

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/aadsts"
	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

// refreshCodes are the codes of an expired or revoked user sign-in: only
// developer tools (the Azure CLI, Visual Studio, VS Code) hold such grants.
var refreshCodes = map[int]bool{700082: true, 70008: true, 50173: true, 70043: true, 50078: true, 50076: true, 50079: true}

var (
	reResourceNamed = regexp.MustCompile(`(?i)resource principal named (\S+?)\.? was not found`)
	reResourceSq    = regexp.MustCompile(`resourceprincipalnamed(\S+?)wasnotfound`)
	reTenantQuoted  = regexp.MustCompile(`(?i)tenant '([^']+)' not found`)
	reAppIdentifier = regexp.MustCompile(`(?i)application with identifier '([^']+)'`)
	reDirectory     = regexp.MustCompile(`(?i)in the directory '([^']+)'`)
	reKeysForApp    = regexp.MustCompile(`(?i)for app '([^']+)'`)
)

// aadstsSignals turns one AADSTS code seen on line into signals.
func aadstsSignals(in *input, sc *scan, code int, off int) []signal {
	sigs := aadstsRead(in, sc, code, off)
	msg, _ := in.around(off, 0, 800)
	ids := []string{
		catalog.ParamClientID, firstSubmatch(msg, reAppIdentifier, reKeysForApp, reAppQuoted),
		catalog.ParamTenantID, firstSubmatch(msg, reTenantQuoted, reDirectory),
	}
	for i := range sigs {
		for k := 0; k+1 < len(ids); k += 2 {
			if ids[k+1] == "" || sigs[i].finding.Params[ids[k]] != "" {
				continue
			}
			if sigs[i].finding.Params == nil {
				sigs[i].finding.Params = map[string]string{}
			}
			sigs[i].finding.Params[ids[k]] = ids[k+1]
		}
	}
	return sigs
}

var reAppQuoted = regexp.MustCompile(`(?i)\bapp(?:lication)?(?: id| with id)? '([0-9a-f]{8}-[0-9a-f-]{27})'`)

// firstSubmatch is the first group of the first regexp that matches s.
func firstSubmatch(s string, res ...*regexp.Regexp) string {
	for _, re := range res {
		if v := submatch(re, s); v != "" {
			return v
		}
	}
	return ""
}

// aadstsRead reads what one code on its own or with its context says.
func aadstsRead(in *input, sc *scan, code int, off int) []signal {
	line := in.sqLineAt(off)
	win, sqwin := in.around(off, 300, 2700)
	fwd, _ := in.around(off, 0, 1200)
	codeStr := "AADSTS" + strconv.Itoa(code)
	meaning := aadsts.Meaning(code)
	failed := func(conf Confidence) []signal {
		return []signal{newSignal(line, conf, catalog.TokenFailed, catalog.ParamCode, codeStr, catalog.ParamCodeMeaning, meaning)}
	}
	if s, ok := malformedValue(code, line, fwd); ok {
		return []signal{s}
	}
	if rule, ok := aadsts.RuleFor(code); ok {
		kv := []string{catalog.ParamCode, codeStr, catalog.ParamCodeMeaning, meaning}
		switch code {
		case 700016:
			kv = append(kv, catalog.ParamClientID, submatch(reAppIdentifier, fwd), catalog.ParamTenantID, submatch(reDirectory, fwd))
		case 7000222:
			kv = append(kv, catalog.ParamClientID, submatch(reKeysForApp, fwd))
		case 900023:
			kv = append(kv, catalog.ParamVariable, "AZURE_TENANT_ID", catalog.ParamProblem, catalog.ProblemNotATenant)
		}
		s := newSignal(line, ruleConfidence(rule), rule.Slug, kv...)
		if rule.Slug == catalog.AppNotInTenant {
			if m, ok := crossCloud(sc, line, "AADSTS"+strconv.Itoa(code)); ok {
				return []signal{m, lower(s, Medium)}
			}
		}
		return []signal{s}
	}
	if !aadsts.Contextual(code) {
		return failed(Medium)
	}
	fed := in.has("federated") || in.has("workloadidentity") || in.has("AZURE_FEDERATED_TOKEN_FILE")
	switch code {
	case 500011, 50001:
		return resourceSignals(in, sc, code, line, win, sqwin)
	case 90002:
		return tenantNotFoundSignals(in, sc, line, fwd)
	case 700024:
		if fed {
			return []signal{newSignal(line, Medium, catalog.FederatedTokenInvalid, catalog.ParamCode, codeStr)}
		}
		return []signal{newSignal(line, Medium, catalog.ClockSkew, catalog.ParamCode, codeStr)}
	case 50012:
		switch {
		case strings.Contains(sqwin, "clientsecret"):
			return []signal{newSignal(line, Medium, catalog.InvalidClientSecret, catalog.ParamCode, codeStr)}
		case strings.Contains(sqwin, "certificate") || strings.Contains(sqwin, "signature") || strings.Contains(sqwin, "thumbprint"):
			return []signal{newSignal(line, Medium, catalog.CertificateInvalid, catalog.ParamCode, codeStr)}
		}
		return failed(Medium)
	case 70001:
		if strings.Contains(sqwin, "wasnotfoundinthedirectory") {
			return []signal{newSignal(line, Medium, catalog.AppNotInTenant, catalog.ParamCode, codeStr,
				catalog.ParamClientID, submatch(reAppIdentifier, fwd), catalog.ParamTenantID, submatch(reDirectory, fwd))}
		}
		return failed(Medium)
	case 700023, 50027, 50048:
		if fed {
			return []signal{newSignal(line, Medium, catalog.FederatedTokenInvalid, catalog.ParamCode, codeStr)}
		}
		if code == 700023 && !strings.Contains(sqwin, "assertion") {
			return []signal{newSignal(line, Medium, catalog.ScopeInvalid, catalog.ParamCode, codeStr)}
		}
		return []signal{newSignal(line, Medium, catalog.CertificateInvalid, catalog.ParamCode, codeStr)}
	case 70002:
		return failed(Low)
	}
	if refreshCodes[code] {
		conf := Medium
		if cliContext(in) {
			conf = High
		}
		return []signal{newSignal(line, conf, catalog.CLINotLoggedIn, catalog.ParamCode, codeStr, catalog.ParamCodeMeaning, meaning)}
	}
	return failed(Medium)
}

var (
	reRawTenant = regexp.MustCompile(`(?i)tenant '([^']*)' not found`)
	reRawApp    = regexp.MustCompile(`(?i)application with identifier '([^']*)'`)
)

// malformedValue reads a tenant or client id that Entra quotes back with
// quotation marks or spaces in it: the variable's value is at fault, not the
// tenant or the app.
func malformedValue(code, line int, win string) (signal, bool) {
	var re *regexp.Regexp
	var variable string
	switch code {
	case 90002:
		re, variable = reRawTenant, "AZURE_TENANT_ID"
	case 700016:
		re, variable = reRawApp, "AZURE_CLIENT_ID"
	default:
		return signal{}, false
	}
	m := re.FindStringSubmatch(win)
	if m == nil {
		return signal{}, false
	}
	problem := ""
	switch v := m[1]; {
	case strings.ContainsAny(v, `"`) || strings.HasPrefix(v, "'"):
		problem = catalog.ProblemQuoted
	case v != strings.TrimSpace(v):
		problem = catalog.ProblemWhitespace
	default:
		return signal{}, false
	}
	return newSignal(line, High, catalog.EnvMalformed, catalog.ParamCode, "AADSTS"+strconv.Itoa(code),
		catalog.ParamVariable, variable, catalog.ParamProblem, problem), true
}

// resourceSignals reads AADSTS500011 and AADSTS50001: the resource named is
// either another cloud's Key Vault (cloud-mismatch) or no Key Vault
// identifier at all (scope-invalid).
func resourceSignals(in *input, sc *scan, code, line int, win, sqwin string) []signal {
	codeStr := "AADSTS" + strconv.Itoa(code)
	res := pickURL(submatch(reResourceNamed, win), submatch(reResourceSq, sqwin))
	kv := []string{catalog.ParamCode, codeStr, catalog.ParamResource, res}
	if res == "" {
		return []signal{newSignal(line, Medium, catalog.ScopeInvalid, kv...)}
	}
	resCloud, isKV := azcloud.ByVaultResource(res)
	if strings.HasSuffix(res, "/.default") {
		isKV = false
	}
	if !isKV {
		if c, ok := managementCloud(res); ok {
			resCloud, isKV = c, true
		}
	}
	if !isKV {
		conf := Medium
		if strings.Contains(strings.ToLower(res), "vault") || strings.ContainsAny(res, "<{") || strings.HasSuffix(res, "/.default") {
			conf = High
		}
		kv = append(kv, catalog.ParamScope, res)
		if c, ok := resourceHostCloud(res, sc); ok {
			kv = append(kv, catalog.ParamExpectedScope, c.Scope(), catalog.ParamCloud, c.Name)
		}
		return []signal{newSignal(line, conf, catalog.ScopeInvalid, kv...)}
	}
	auth := sc.hosts.clouds(authorityHost)
	vaults := sc.hosts.clouds(vaultHost, privateLinkHost)
	kv = append(kv, catalog.ParamScope, res)
	if other, ok := otherCloud(resCloud, vaults); ok {
		kv = append(kv, catalog.ParamCloud, other.Name, catalog.ParamExpectedScope, other.Scope(),
			catalog.ParamExpectedAuthorityHost, other.Authority())
		return []signal{newSignal(line, High, catalog.CloudMismatch, kv...)}
	}
	kv = append(kv, catalog.ParamCloud, resCloud.Name, catalog.ParamExpectedAuthorityHost, resCloud.Authority())
	if other, ok := otherCloud(resCloud, auth); ok {
		kv = append(kv, catalog.ParamAuthorityCloud, other.Name, catalog.ParamAuthorityHost, other.Authority())
		return []signal{newSignal(line, High, catalog.CloudMismatch, kv...)}
	}
	if cloudIn(resCloud, auth) {
		return []signal{newSignal(line, Medium, catalog.TokenFailed, catalog.ParamCode, codeStr, catalog.ParamCodeMeaning, aadsts.Meaning(code))}
	}
	return []signal{newSignal(line, Medium, catalog.CloudMismatch, kv...)}
}

// tenantNotFoundSignals reads AADSTS90002. Across clouds is how users most
// often meet it, so without hosts that show the tenant's own cloud it is
// cloud-mismatch at medium confidence with tenant-not-found second.
func tenantNotFoundSignals(in *input, sc *scan, line int, win string) []signal {
	tenant := submatch(reTenantQuoted, win)
	auth := sc.hosts.clouds(authorityHost)
	vaults := sc.hosts.clouds(vaultHost, privateLinkHost)
	tnf := func(conf Confidence) signal {
		return newSignal(line, conf, catalog.TenantNotFound, catalog.ParamCode, "AADSTS90002", catalog.ParamTenantID, tenant)
	}
	if len(vaults) > 0 && len(auth) > 0 {
		v := vaults[0]
		if a, ok := otherCloud(v, auth); ok {
			return []signal{newSignal(line, High, catalog.CloudMismatch, catalog.ParamCode, "AADSTS90002", catalog.ParamTenantID, tenant,
				catalog.ParamCloud, v.Name, catalog.ParamAuthorityCloud, a.Name, catalog.ParamAuthorityHost, a.Authority(),
				catalog.ParamExpectedAuthorityHost, v.Authority()), tnf(Low)}
		}
		return []signal{tnf(High)}
	}
	kv := []string{catalog.ParamCode, "AADSTS90002", catalog.ParamTenantID, tenant}
	if len(vaults) > 0 {
		kv = append(kv, catalog.ParamCloud, vaults[0].Name, catalog.ParamExpectedAuthorityHost, vaults[0].Authority())
	}
	if len(auth) > 0 {
		kv = append(kv, catalog.ParamAuthorityCloud, auth[0].Name, catalog.ParamAuthorityHost, auth[0].Authority())
	}
	return []signal{newSignal(line, Medium, catalog.CloudMismatch, kv...), tnf(Medium)}
}

// crossCloud is cloud-mismatch when the text shows a vault of one cloud and
// a sign-in host of another: app registrations and tenants do not cross
// clouds, so "not found" there is the cloud's fault.
func crossCloud(sc *scan, line int, code string) (signal, bool) {
	vaults := sc.hosts.clouds(vaultHost, privateLinkHost)
	if len(vaults) != 1 {
		return signal{}, false
	}
	v := vaults[0]
	a, ok := otherCloud(v, sc.hosts.clouds(authorityHost))
	if !ok {
		return signal{}, false
	}
	return newSignal(line, High, catalog.CloudMismatch, catalog.ParamCode, code, catalog.ParamCloud, v.Name,
		catalog.ParamAuthorityCloud, a.Name, catalog.ParamAuthorityHost, a.Authority(), catalog.ParamExpectedAuthorityHost, v.Authority()), true
}

// managementCloud finds the cloud whose Resource Manager resource res is.
func managementCloud(res string) (azcloud.Cloud, bool) {
	r := strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(res), "/.default"), "/")
	for _, c := range azcloud.All {
		if r == c.ManagementResource {
			return c, true
		}
	}
	return azcloud.Cloud{}, false
}

// resourceHostCloud guesses the cloud a wrong resource was meant for: from
// its own host (a vault URL or private link host), else from the vault hosts
// of the text, else from the one sign-in host it shows.
func resourceHostCloud(res string, sc *scan) (azcloud.Cloud, bool) {
	h := azcloud.HostOf(res)
	if c, ok := azcloud.ByVaultHost(h); ok {
		return c, true
	}
	for _, c := range azcloud.All {
		if strings.HasSuffix(h, strings.TrimPrefix(c.PrivateLinkZone, "privatelink.")) {
			return c, true
		}
	}
	if v := sc.hosts.clouds(vaultHost, privateLinkHost); len(v) > 0 {
		return v[0], true
	}
	if a := sc.hosts.clouds(authorityHost); len(a) == 1 {
		return a[0], true
	}
	return azcloud.Cloud{}, false
}

// cliContext says whether the text comes from the Azure CLI or from a
// credential that uses it.
func cliContext(in *input) bool {
	return in.has("azureclicredential") || in.has("az login") || in.has("azure-cli") || in.has("azure/cli") || cliCommand(in)
}

// submatch is the first group of re in s, or "".
func submatch(re *regexp.Regexp, s string) string {
	m := re.FindStringSubmatch(s)
	if len(m) < 2 {
		return ""
	}
	return strings.Trim(m[1], `"',;`)
}

// pickURL chooses between a URL read from spaced text and one read from
// squeezed text (where a URL wrapped mid-word is whole again): the squeezed
// one only when it is a known host or resource and the spaced one is not.
func pickURL(spaced, squeezed string) string {
	spaced = strings.TrimRight(spaced, ".")
	squeezed = strings.TrimRight(squeezed, ".")
	if spaced != "" && knownURL(spaced) || squeezed == "" {
		return spaced
	}
	if knownURL(squeezed) {
		return squeezed
	}
	if spaced != "" {
		return spaced
	}
	return squeezed
}

func knownURL(s string) bool {
	if _, ok := azcloud.ByVaultResource(s); ok {
		return true
	}
	if _, ok := managementCloud(s); ok {
		return true
	}
	_, ok := azcloud.ByVaultHost(azcloud.HostOf(s))
	return ok
}

// ruleConfidence is explain's confidence in a context-free rule: high when
// the code names its cause outright, else medium.
func ruleConfidence(r aadsts.Rule) Confidence {
	if r.Strong {
		return High
	}
	return Medium
}
