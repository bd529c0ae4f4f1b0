package explain

import (
	"sort"
	"strings"

	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

// hostKind says what role a host plays.
type hostKind int

const (
	vaultHost       hostKind = iota // myvault.vault.azure.cn
	privateLinkHost                 // myvault.privatelink.vaultcore.azure.net or the zone itself
	authorityHost                   // a sign-in host the client called
	discoveryHost                   // a sign-in host used only for instance discovery or named by a challenge
	vaultResource                   // the Key Vault resource itself: https://vault.azure.net
	managementHost                  // the Resource Manager host
	imdsHost                        // 169.254.169.254
)

// hostHit is one host seen in the text.
type hostHit struct {
	host  string
	kind  hostKind
	cloud azcloud.Cloud
	line  int
}

// hostScan is every Azure host of the text, in order of appearance.
type hostScan struct {
	hits []hostHit
}

// maxHostHits bounds the work on huge logs that name the same host a million times.
const maxHostHits = 4000

// hostNeedles are the strings scanHosts looks for.
func hostNeedles() []string {
	out := []string{"169.254.169.254"}
	for _, c := range azcloud.All {
		out = append(out, c.VaultSuffix, strings.TrimPrefix(c.PrivateLinkZone, "privatelink."), azcloud.HostOf(c.ManagementResource))
		out = append(out, c.AuthorityHosts...)
	}
	return out
}

func scanHosts(in *input) hostScan {
	var hs hostScan
	for _, c := range azcloud.All {
		hs.find(in, c, c.VaultSuffix, vaultHost)
		hs.find(in, c, strings.TrimPrefix(c.PrivateLinkZone, "privatelink."), privateLinkHost)
		for _, a := range c.AuthorityHosts {
			if strings.HasPrefix(a, "sts.") {
				continue
			}
			hs.find(in, c, a, authorityHost)
		}
		hs.find(in, c, azcloud.HostOf(c.ManagementResource), managementHost)
	}
	hs.find(in, azcloud.Cloud{}, "169.254.169.254", imdsHost)
	sortHits(hs.hits)
	return hs
}

func (hs *hostScan) find(in *input, c azcloud.Cloud, suffix string, kind hostKind) {
	for _, i := range in.lowerIndexAll(suffix, maxHostHits) {
		start, end := i, i+len(suffix)
		if end < len(in.lower) && isHostByte(in.lower[end]) && in.lower[end] != '.' {
			continue
		}
		if end+1 < len(in.lower) && in.lower[end] == '.' && isHostByte(in.lower[end+1]) {
			continue
		}
		for start > 0 && isHostByte(in.lower[start-1]) {
			start--
		}
		host := strings.Trim(in.lower[start:end], ".-")
		k := kind
		switch kind {
		case vaultHost:
			if host == suffix {
				k = vaultResource
			}
		case privateLinkHost:
			if !strings.Contains(host, "privatelink.") {
				if sub := strings.TrimSuffix(host, "."+suffix); sub != host && !strings.Contains(sub, ".") {
					continue
				}
				if host == suffix {
					continue
				}
			}
		case authorityHost:
			if host != suffix {
				continue
			}
			if isDiscovery(in.lower[end:min(len(in.lower), end+64)], in.lower[max(0, start-40):start]) {
				k = discoveryHost
			}
		case managementHost:
			if host != suffix {
				continue
			}
		}
		hs.hits = append(hs.hits, hostHit{host: host, kind: k, cloud: c, line: in.lineAt(start)})
	}
}

// isDiscovery says whether a sign-in host is only named by instance
// discovery or by a Key Vault challenge: neither says which authority the
// client used for its token.
func isDiscovery(after, before string) bool {
	return strings.HasPrefix(after, "/common/discovery") ||
		strings.Contains(after, "authorization_endpoint") ||
		strings.Contains(before, "authorization_endpoint=") ||
		strings.Contains(before, "authorization=") ||
		strings.Contains(before, "authorization_uri=")
}

func isHostByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '*'
}

func sortHits(h []hostHit) {
	sort.SliceStable(h, func(i, j int) bool { return h[i].line < h[j].line })
}

// clouds returns the distinct clouds of hits of kind, in order.
func (hs hostScan) clouds(kinds ...hostKind) []azcloud.Cloud {
	var out []azcloud.Cloud
	for _, h := range hs.hits {
		if h.cloud.Name == "" || !hasKind(kinds, h.kind) {
			continue
		}
		dup := false
		for _, c := range out {
			dup = dup || c.Name == h.cloud.Name
		}
		if !dup {
			out = append(out, h.cloud)
		}
	}
	return out
}

// first returns the first hit of kind.
func (hs hostScan) first(kinds ...hostKind) (hostHit, bool) {
	for _, h := range hs.hits {
		if hasKind(kinds, h.kind) {
			return h, true
		}
	}
	return hostHit{}, false
}

func hasKind(kinds []hostKind, k hostKind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// cloudIn says whether c is among cs.
func cloudIn(c azcloud.Cloud, cs []azcloud.Cloud) bool {
	for _, x := range cs {
		if x.Name == c.Name {
			return true
		}
	}
	return false
}

// otherCloud returns a cloud of cs that is not c.
func otherCloud(c azcloud.Cloud, cs []azcloud.Cloud) (azcloud.Cloud, bool) {
	for _, x := range cs {
		if x.Name != c.Name {
			return x, true
		}
	}
	return azcloud.Cloud{}, false
}
