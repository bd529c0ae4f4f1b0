package checks

import (
	"regexp"
	"strings"
)

// Problem codes of a malformed value; the catalogue translates them.
const (
	problemNotGUID     = "not-guid"
	problemQuoted      = "quoted"
	problemWhitespace  = "whitespace"
	problemNewline     = "newline"
	problemPlaceholder = "placeholder"
	problemNoScheme    = "no-scheme"
	problemHTTP        = "http-scheme"
	problemUnknownHost = "unknown-host"
	problemHasPath     = "has-path"
	problemFileMissing = "file-missing"
)

var (
	guidPattern   = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	domainPattern = regexp.MustCompile(`^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)+$`)
	placeholders  = regexp.MustCompile(`(?i)^(<.*>|\$\{.*\}|\$\(.*\)|%.*%|\{\{.*\}\}|x{4,}.*|.*your[-_ ].*|.*changeme.*|todo|tbd|none|null|undefined|placeholder|00000000-0000-0000-0000-000000000000)$`)
)

func isGUID(s string) bool { return guidPattern.MatchString(s) }

// cleanValue strips what a shell or a .env file wrongly left around a value:
// surrounding quotes, whitespace and line breaks. It reports the first
// problem found, and whether the cleaned value is usable as it stands.
func cleanValue(raw string) (clean, problem string) {
	clean = raw
	switch {
	case strings.ContainsAny(raw, "\r\n"):
		problem = problemNewline
	case strings.TrimSpace(raw) != raw:
		problem = problemWhitespace
	}
	clean = strings.TrimSpace(clean)
	if len(clean) >= 2 && (clean[0] == '"' && clean[len(clean)-1] == '"' || clean[0] == '\'' && clean[len(clean)-1] == '\'') {
		clean = strings.TrimSpace(clean[1 : len(clean)-1])
		if problem == "" {
			problem = problemQuoted
		}
	}
	return clean, problem
}

func isPlaceholder(s string) bool { return placeholders.MatchString(strings.TrimSpace(s)) }

// tenantProblem says what is wrong with a cleaned AZURE_TENANT_ID: it must
// be a GUID or a domain name.
func tenantProblem(s string) string {
	switch {
	case isPlaceholder(s):
		return problemPlaceholder
	case isGUID(s), domainPattern.MatchString(s):
		return ""
	}
	return problemNotGUID
}

// clientIDProblem says what is wrong with a cleaned AZURE_CLIENT_ID.
func clientIDProblem(s string) string {
	switch {
	case isPlaceholder(s):
		return problemPlaceholder
	case isGUID(s):
		return ""
	}
	return problemNotGUID
}
