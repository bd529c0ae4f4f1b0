package checks

import (
	"net/url"
	"strings"

	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

// authorityProblem checks AZURE_AUTHORITY_HOST as the SDKs would read it and
// returns the URL the app means (https, host only) with the problem found.
// Python prepends https:// to a bare host; Go and .NET refuse it.
func authorityProblem(raw string) (fixed, problem string) {
	v, _ := cleanValue(raw)
	v = strings.ToLower(v)
	switch {
	case strings.HasPrefix(v, "http://"):
		problem = problemHTTP
	case !strings.Contains(v, "://"):
		problem = problemNoScheme
	}
	host := azcloud.HostOf(v)
	u, err := url.Parse("https://" + strings.TrimPrefix(strings.TrimPrefix(v, "https://"), "http://"))
	if err == nil && (strings.Trim(u.Path, "/") != "" || u.RawQuery != "" || u.Fragment != "") && problem == "" {
		problem = problemHasPath
	}
	if _, ok := azcloud.ByAuthorityHost(host); !ok && problem == "" {
		problem = problemUnknownHost
	}
	return "https://" + host, problem
}
