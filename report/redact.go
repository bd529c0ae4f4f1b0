package report

import (
	"maps"
	"net/netip"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kvdoctor/kvdoctor/checks"
	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// Placeholders that --redact puts in place of what identifies a user,
// a machine or a company.
const (
	ClientAddressPlaceholder  = "<client-address>"
	PrivateAddressPlaceholder = "<private-address>"
	IPAddressPlaceholder      = "<ip-address>"
	UPNPlaceholder            = "<upn>"
	TenantDomainPlaceholder   = "<tenant-domain>"
	ProxyHostPlaceholder      = "<proxy-host>"
)

// maskedIDLength is how many characters of an id --redact keeps.
const maskedIDLength = 8

var (
	guidPattern         = regexp.MustCompile(`(?i)\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b`)
	upnPattern          = regexp.MustCompile(`[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	tenantDomainPattern = regexp.MustCompile(`(?i)\b[a-z0-9][a-z0-9-]*\.(?:onmicrosoft\.com|partner\.onmschina\.cn|onmicrosoft\.us)\b`)
	ipv4Pattern         = regexp.MustCompile(`\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b`)
	ipv6Pattern         = regexp.MustCompile(`(?i)[0-9a-f]*:[0-9a-f:]*:[0-9a-f.]*`)
)

// Redact returns a deep copy of r fit for posting in public: in every
// string of the report, GUIDs (tenant, application, object, request, trace
// and correlation ids) keep their first 8 characters, the vault name is
// shortened (in hosts and URLs too), and the client address, other IP
// addresses, user principal names, tenant domains and the proxy host become
// placeholders. It sets Header.Redacted. Redacting twice changes nothing.
func Redact(r checks.Report) checks.Report {
	rd := newRedactor(r)
	out := checks.Report{
		Header: r.Header,
		Target: checks.Target{
			Vault:  rd.text(r.Target.Vault),
			Cloud:  rd.text(r.Target.Cloud),
			Secret: rd.text(r.Target.Secret),
		},
	}
	h := &out.Header
	for _, s := range []*string{&h.Version, &h.Commit, &h.OS, &h.Arch, &h.GoVersion, &h.AzIdentity, &h.AzSecrets, &h.Proxy} {
		*s = rd.text(*s)
	}
	if h.ClientAddress != "" {
		h.ClientAddress = ClientAddressPlaceholder
	}
	h.Redacted = true
	for _, res := range r.Results {
		out.Results = append(out.Results, rd.result(res))
	}
	return out
}

func (rd *redactor) result(res checks.Result) checks.Result {
	out := res
	out.ID = rd.text(res.ID)
	out.BlockedBy = rd.text(res.BlockedBy)
	out.Assumptions = nil
	for _, a := range res.Assumptions {
		out.Assumptions = append(out.Assumptions, rd.text(a))
	}
	out.Findings = nil
	for _, f := range res.Findings {
		g := f
		g.Code = rd.text(f.Code)
		g.Quote = rd.text(f.Quote)
		g.Params = nil
		if f.Params != nil {
			g.Params = make(map[string]string, len(f.Params))
			for k, v := range f.Params {
				g.Params[k] = rd.text(v)
			}
		}
		out.Findings = append(out.Findings, g)
	}
	out.Facts = nil
	for _, f := range res.Facts {
		out.Facts = append(out.Facts, checks.Fact{Key: rd.text(f.Key), Value: rd.text(f.Value)})
	}
	out.Requests = nil
	for _, q := range res.Requests {
		p := q
		p.Method = rd.text(q.Method)
		p.Host = rd.text(q.Host)
		p.Path = rd.text(q.Path)
		p.RequestID = rd.id(q.RequestID)
		p.ClientRequestID = rd.id(q.ClientRequestID)
		p.TraceID = rd.id(q.TraceID)
		p.CorrelationID = rd.id(q.CorrelationID)
		p.Timestamp = rd.text(q.Timestamp)
		p.Error = rd.text(q.Error)
		p.AADSTS = slices.Clone(q.AADSTS)
		out.Requests = append(out.Requests, p)
	}
	return out
}

// redactor knows the names in a report that identify it beyond what a
// pattern can find: its vault names, client addresses and proxy hosts.
type redactor struct {
	vaults     []string
	addresses  []string
	proxyHosts []string
	// tenants are tenant names that are not GUIDs (custom domains such as
	// contoso.cn), known from the facts and params that name a tenant.
	tenants []string
}

// tenantFacts are the fact keys whose value names a tenant.
var tenantFacts = map[string]bool{"AZURE_TENANT_ID": true, "tenant": true, "tid": true, "vaultTenant": true}

func newRedactor(r checks.Report) *redactor {
	rd := &redactor{}
	addVault := func(s string) {
		if n := vaultName(s); n != "" && !slices.Contains(rd.vaults, n) {
			rd.vaults = append(rd.vaults, n)
		}
	}
	addVault(r.Target.Vault)
	if r.Header.ClientAddress != "" {
		rd.addresses = append(rd.addresses, r.Header.ClientAddress)
	}
	if h := hostOf(r.Header.Proxy); h != "" {
		rd.proxyHosts = append(rd.proxyHosts, h)
	}
	addTenant := func(s string) {
		s = strings.Trim(strings.TrimSpace(s), `"'`)
		masked := strings.Contains(s, "…") || strings.HasPrefix(s, "<") || strings.ContainsAny(s, " ,")
		if s != "" && !masked && !guidPattern.MatchString(s) && !slices.Contains(rd.tenants, s) {
			rd.tenants = append(rd.tenants, s)
		}
	}
	for _, res := range r.Results {
		for _, fact := range res.Facts {
			if tenantFacts[fact.Key] {
				addTenant(fact.Value)
			}
		}
		for _, f := range res.Findings {
			for _, k := range slices.Sorted(maps.Keys(f.Params)) {
				switch k {
				case catalog.ParamTenantID, catalog.ParamVaultTenantID, catalog.ParamTokenTenantID:
					addTenant(f.Params[k])
				case catalog.ParamVault, catalog.ParamVaultURL:
					addVault(f.Params[k])
				case catalog.ParamClientAddress:
					rd.addresses = append(rd.addresses, f.Params[k])
				case catalog.ParamProxy:
					if h := hostOf(f.Params[k]); h != "" {
						rd.proxyHosts = append(rd.proxyHosts, h)
					}
				}
			}
		}
	}
	return rd
}

// vaultName is the vault name in a vault URL or host, or a bare name.
func vaultName(s string) string {
	s = strings.TrimSpace(s)
	if h := hostOf(s); h != "" {
		s = h
	}
	name, _, _ := strings.Cut(s, ".")
	if name == "" || strings.ContainsAny(name, "/:@ ") || strings.HasPrefix(name, "<") {
		return ""
	}
	return name
}

// hostOf is the host name of a URL, or "".
func hostOf(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" {
		return ""
	}
	return u.Hostname()
}

// text redacts one string.
func (rd *redactor) text(s string) string {
	if s == "" {
		return s
	}
	for _, a := range rd.addresses {
		s = replaceWord(s, a, func(string) string { return ClientAddressPlaceholder })
	}
	for _, h := range rd.proxyHosts {
		s = replaceWord(s, h, func(string) string { return ProxyHostPlaceholder })
	}
	s = upnPattern.ReplaceAllString(s, UPNPlaceholder)
	for _, t := range rd.tenants {
		s = replaceWord(s, t, func(string) string { return TenantDomainPlaceholder })
	}
	s = tenantDomainPattern.ReplaceAllString(s, TenantDomainPlaceholder)
	for _, v := range rd.vaults {
		s = replaceWord(s, v, maskName)
	}
	s = ipv6Pattern.ReplaceAllStringFunc(s, redactIP)
	s = ipv4Pattern.ReplaceAllStringFunc(s, redactIP)
	return guidPattern.ReplaceAllStringFunc(s, func(g string) string { return g[:maskedIDLength] + "…" })
}

// id redacts a request, trace or correlation id: a GUID like any other, and
// an id of another shape cut to its first 8 characters all the same.
func (rd *redactor) id(s string) string {
	s = rd.text(s)
	if strings.HasSuffix(s, "…") || utf8.RuneCountInString(s) <= maskedIDLength {
		return s
	}
	return string([]rune(s)[:maskedIDLength]) + "…"
}

// maskName keeps the first 8 characters of a vault name, or half of a
// shorter one, so the name no longer identifies the vault.
func maskName(n string) string {
	keep := maskedIDLength
	if len(n) <= keep {
		keep = (len(n) + 1) / 2
	}
	return n[:keep] + "…"
}

// redactIP replaces an address that parses as IPv4 or IPv6; other matches
// (times such as 15:04:05, version numbers) are left alone.
func redactIP(s string) string {
	trimmed := strings.TrimRight(s, ":.")
	a, err := netip.ParseAddr(trimmed)
	if err != nil || (a.Is6() && !strings.ContainsAny(trimmed, "0123456789abcdefABCDEF")) {
		return s
	}
	ph := IPAddressPlaceholder
	if a.IsPrivate() || a.IsLoopback() || a.IsLinkLocalUnicast() {
		ph = PrivateAddressPlaceholder
	}
	return ph + s[len(trimmed):]
}

// replaceWord replaces every case-insensitive occurrence of word in s that
// is not part of a longer word (letters and digits), with repl(occurrence).
func replaceWord(s, word string, repl func(string) string) string {
	if word == "" {
		return s
	}
	lower, word := asciiLower(s), asciiLower(word)
	var b strings.Builder
	last := 0
	for i := 0; i+len(word) <= len(s); {
		j := strings.Index(lower[i:], word)
		if j < 0 {
			break
		}
		start, end := i+j, i+j+len(word)
		if isNameByte(s, start-1) || isNameByte(s, end) {
			i = start + 1
			continue
		}
		b.WriteString(s[last:start])
		b.WriteString(repl(s[start:end]))
		last, i = end, end
	}
	b.WriteString(s[last:])
	return b.String()
}

// asciiLower lowercases A-Z only, so byte offsets stay those of s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func isNameByte(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	c := s[i]
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
