// Package secretmask hides credentials in text that kvdoctor repeats back:
// tokens and Entra ID client secrets by their shape, the user info of URLs,
// and values known to be secret. It is the last line of defence: the result
// model is built so that secrets never enter it, and this catches what a
// user pasted where it does not belong.
package secretmask

import (
	"regexp"
	"strings"
)

var (
	// jwt is a token by its shape: a JWT's base64url header and payload
	// (both JSON, so "eyJ"), and its signature if any.
	jwt = regexp.MustCompile(`eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}(\.[A-Za-z0-9_-]*)?`)
	// clientSecret is an Entra ID client secret by its shape: three
	// characters, a digit, "Q~", then the rest (abc8Q~…).
	clientSecret = regexp.MustCompile(`[A-Za-z0-9_.~-]{3}[0-9]Q~[A-Za-z0-9_.~-]{20,}`)
	// userinfo is the user:password@ part of a URL.
	userinfo = regexp.MustCompile(`(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@]+@`)
)

// Placeholders that stand for what was hidden.
const (
	Token        = "<token>"
	ClientSecret = "<client-secret>"
	UserInfo     = "<userinfo>"
	Secret       = "<secret>"
)

// Shapes hides tokens, client secrets and URL user info in s.
func Shapes(s string) string {
	s = jwt.ReplaceAllString(s, Token)
	s = clientSecret.ReplaceAllString(s, ClientSecret)
	return userinfo.ReplaceAllString(s, "${1}"+UserInfo+"@")
}

// minKnownLength is the shortest known value Known masks: a shorter one
// would mask innocent text, and is no secret worth the name anyway.
const minKnownLength = 6

// Known masks values known to be secret (the configured client secret and
// passwords) wherever they appear, then the shapes.
type Known []string

// Mask hides every known value and every shape in s.
func (k Known) Mask(s string) string {
	for _, v := range k {
		if len(v) >= minKnownLength {
			s = strings.ReplaceAll(s, v, Secret)
		}
	}
	return Shapes(s)
}
