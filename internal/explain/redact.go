package explain

import (
	"regexp"

	"github.com/kvdoctor/kvdoctor/internal/secretmask"
)

// reSecretValue finds values that look like credentials by the name in front
// of them: client secrets, passwords, bearer tokens, SAS signatures, account
// keys.
var reSecretValue = regexp.MustCompile(`(?i)(client_secret|client_assertion|password|access_token|refresh_token|accountkey|sig|authorization)(["']?\s*[:=]\s*["']?)(bearer\s+)?[^\s"'&,;]{4,}`)

// redact hides credential values in text that explain repeats back: tokens,
// client secrets and URL user info by their shape, other values by the name
// in front of them.
func redact(s string) string {
	return reSecretValue.ReplaceAllString(secretmask.Shapes(s), "$1$2$3<redacted>")
}
