package explain

import "regexp"

// reSecretValue finds values that look like credentials in a quoted line:
// client secrets, passwords, bearer tokens, SAS signatures, account keys.
var reSecretValue = regexp.MustCompile(`(?i)(client_secret|client_assertion|password|access_token|refresh_token|accountkey|sig|authorization)(["']?\s*[:=]\s*["']?)(bearer\s+)?[^\s"'&,;]{4,}`)

// redact hides credential values in text that explain repeats back.
func redact(s string) string {
	return reSecretValue.ReplaceAllString(s, "$1$2$3<redacted>")
}
