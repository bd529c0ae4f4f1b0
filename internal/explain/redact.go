package explain

import "regexp"

var (
	// reSecretValue finds values that look like credentials by the name in
	// front of them: client secrets, passwords, bearer tokens, SAS
	// signatures, account keys.
	reSecretValue = regexp.MustCompile(`(?i)(client_secret|client_assertion|password|access_token|refresh_token|accountkey|sig|authorization)(["']?\s*[:=]\s*["']?)(bearer\s+)?[^\s"'&,;]{4,}`)
	// reJWT finds a token by its shape wherever it stands: a JWT's base64url
	// header and payload (both JSON, so "eyJ"), and its signature if any.
	reJWT = regexp.MustCompile(`eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}(\.[A-Za-z0-9_-]*)?`)
	// reClientSecret finds an Entra ID client secret by its shape: three
	// characters, a digit, "Q~", then the rest (abc8Q~…).
	reClientSecret = regexp.MustCompile(`[A-Za-z0-9_.~-]{3}[0-9]Q~[A-Za-z0-9_.~-]{20,}`)
)

// redact hides credential values in text that explain repeats back: by the
// name in front of them, and tokens and client secrets by their shape.
func redact(s string) string {
	s = reJWT.ReplaceAllString(s, "<token>")
	s = reClientSecret.ReplaceAllString(s, "<client-secret>")
	return reSecretValue.ReplaceAllString(s, "$1$2$3<redacted>")
}
