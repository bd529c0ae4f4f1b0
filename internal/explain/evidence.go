package explain

import (
	"regexp"
	"sort"
	"strings"

	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

// maxEvidence bounds every evidence list.
const maxEvidence = 20

var (
	reGUIDValue = regexp.MustCompile(`^[\s"':=\[]{0,6}([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{8}-[0-9a-fA-F-]{1,30})`)
	reTimeValue = regexp.MustCompile(`^[\s"':=\[]{0,6}(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?)`)
)

var (
	traceAnchors       = []string{"trace id", "trace_id", "traceid"}
	correlationAnchors = []string{"correlation id", "correlation_id", "correlationid"}
	requestAnchors     = []string{"x-ms-request-id", "request-id", "requestid", "request id", "request_id", "activity id", "activityid"}
	timeAnchors        = []string{"timestamp"}
	tenantAnchors      = append([]string{"tenant '", "tenant_id", "tenantid", "directory '"}, signInPaths()...)
	clientAnchors      = []string{"appid=", "client_id", "clientid", "application with identifier '", "for app '"}
)

// signInPaths are the sign-in and issuer hosts of every cloud followed by a
// slash: the tenant comes next in their URLs.
func signInPaths() []string {
	var out []string
	for _, c := range azcloud.All {
		for _, h := range append([]string{c.IssuerHost}, c.AuthorityHosts...) {
			out = appendUnique(out, h+"/")
		}
	}
	return out
}

var reStrictGUID = regexp.MustCompile(`^[\s"':=\[]{0,6}([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\b`)

// collectEvidence gathers what the text shows, deduplicated, in order.
func collectEvidence(in *input, sc *scan, ch chain) Evidence {
	ev := emptyEvidence()
	ev.AADSTS = capList(sc.aadsts)
	ev.KeyVaultCodes = capList(sc.kvCodes)
	for _, s := range sc.statuses {
		ev.HTTPStatuses = appendCapped(ev.HTTPStatuses, s.code)
	}
	ev.TraceIDs = anchored(in, traceAnchors, reGUIDValue)
	ev.CorrelationIDs = anchored(in, correlationAnchors, reGUIDValue)
	ev.RequestIDs = anchored(in, requestAnchors, reGUIDValue)
	ev.Timestamps = anchored(in, timeAnchors, reTimeValue)
	ev.TenantIDs = anchored(in, tenantAnchors, reStrictGUID)
	ev.ClientIDs = anchored(in, clientAnchors, reStrictGUID)
	for _, h := range sc.hosts.hits {
		switch h.kind {
		case vaultResource:
			ev.Resources = appendCapped(ev.Resources, "https://"+h.host)
		default:
			ev.Hosts = appendCapped(ev.Hosts, h.host)
		}
		if h.cloud.Name != "" && h.kind != discoveryHost {
			ev.Clouds = appendCapped(ev.Clouds, h.cloud.Name)
		}
	}
	for _, s := range sc.signals {
		for _, k := range []string{"resource", "foundAudience", "scope"} {
			if r := s.finding.Params[k]; r != "" {
				r = strings.TrimSuffix(r, "/.default")
				if c, ok := azcloud.ByVaultResource(r); ok {
					r = c.VaultResource
				}
				ev.Resources = appendCapped(ev.Resources, r)
			}
		}
	}
	for _, e := range ch.entries {
		ev.Credentials = append(ev.Credentials, e.line)
	}
	return ev
}

func emptyEvidence() Evidence {
	return Evidence{AADSTS: []string{}, KeyVaultCodes: []string{}, HTTPStatuses: []string{}, TraceIDs: []string{},
		CorrelationIDs: []string{}, RequestIDs: []string{}, Timestamps: []string{}, TenantIDs: []string{}, ClientIDs: []string{},
		Hosts: []string{}, Resources: []string{},
		Clouds: []string{}, Credentials: []CredentialLine{}}
}

// anchored finds the values that follow any of the labels, in order of appearance.
func anchored(in *input, labels []string, re *regexp.Regexp) []string {
	type hit struct {
		off int
		v   string
	}
	var hits []hit
	for _, label := range labels {
		for _, i := range in.lowerIndexAll(label, 512) {
			at := i + len(label)
			m := re.FindStringSubmatch(in.text[at:min(len(in.text), at+48)])
			if m == nil {
				continue
			}
			hits = append(hits, hit{at, m[1]})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].off < hits[j].off })
	out := []string{}
	for _, h := range hits {
		v := h.v
		if re != reTimeValue {
			v = strings.ToLower(v)
		}
		out = appendCapped(out, v)
	}
	return out
}

func appendCapped(list []string, v string) []string {
	if len(list) >= maxEvidence {
		return list
	}
	return appendUnique(list, v)
}

func capList(l []string) []string {
	if l == nil {
		return []string{}
	}
	if len(l) > maxEvidence {
		return l[:maxEvidence]
	}
	return l
}
