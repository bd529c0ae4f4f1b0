package explain

import (
	"bytes"
	"html"
	"strings"
	"unicode/utf8"
)

// normalize turns pasted text into plain lines: valid UTF-8, no ANSI
// colour codes, LF line ends, one level of JSON string escaping undone (twice
// when the text was escaped twice), HTML entities decoded, URL-encoded colons
// and slashes decoded (form bodies carry scope=https%3A%2F%2F…), typographic
// quotes made ASCII, and quoting prefixes (`> `, Terraform's `│ `) removed.
func normalize(b []byte) string {
	b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	s := stripControl(string(b))
	for i := 0; i < 2 && looksJSONEscaped(s); i++ {
		s = unescapeJSON(s)
	}
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	if strings.Contains(s, "%") {
		s = urlEscapes.Replace(s)
	}
	s = quoteReplacer.Replace(s)
	s = stripQuoting(s)
	return s
}

var urlEscapes = strings.NewReplacer("%3A", ":", "%3a", ":", "%2F", "/", "%2f", "/")

var quoteReplacer = strings.NewReplacer(
	"\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'",
	"\u00a0", " ", "\u2013", "-", "\u2014", "-",
)

// stripControl removes ANSI escape sequences and control characters other
// than tab and LF, and turns CRLF and lone CR into LF.
func stripControl(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 0x1b:
			i = skipANSI(s, i)
		case c == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case c == '\n' || c == '\t':
			b.WriteByte(c)
		case c < 0x20 || c == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// skipANSI returns the index of the last byte of the escape sequence that
// starts at s[i] (an ESC).
func skipANSI(s string, i int) int {
	if i+1 >= len(s) {
		return i
	}
	switch s[i+1] {
	case '[':
		j := i + 2
		for j < len(s) && j < i+64 {
			if c := s[j]; c >= 0x40 && c <= 0x7e {
				return j
			}
			j++
		}
		return j - 1
	case ']':
		j := i + 2
		for j < len(s) && j < i+512 {
			if s[j] == 0x07 {
				return j
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 1
			}
			j++
		}
		return j - 1
	}
	return i + 1
}

// looksJSONEscaped says whether the text carries escaped line ends or quotes,
// as in a JSON string or a log that printed repr() of a message.
func looksJSONEscaped(s string) bool {
	return strings.Contains(s, `\n`) || strings.Contains(s, `\"`) || strings.Contains(s, `\r`) || strings.Contains(s, `\u00`)
}

// unescapeJSON undoes one level of JSON/C string escaping where it finds it;
// anything that is no valid escape is kept as it is.
func unescapeJSON(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		switch n := s[i+1]; n {
		case 'n':
			b.WriteByte('\n')
			i++
		case 'r':
			if strings.HasPrefix(s[i+2:], `\n`) {
				i += 3
				b.WriteByte('\n')
				continue
			}
			b.WriteByte('\n')
			i++
		case 't':
			b.WriteByte('\t')
			i++
		case '"', '/', '\'':
			b.WriteByte(n)
			i++
		case '\\':
			b.WriteByte('\\')
			i++
		case 'u':
			if r, ok := hex4(s, i+2); ok {
				if r < 0x20 {
					r = ' '
				}
				b.WriteRune(r)
				i += 5
				continue
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func hex4(s string, at int) (rune, bool) {
	if at+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[at : at+4]) {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c-'a') + 10
		case c >= 'A' && c <= 'F':
			r |= rune(c-'A') + 10
		default:
			return 0, false
		}
	}
	if !utf8.ValidRune(r) {
		return 0, false
	}
	return r, true
}

// stripQuoting removes mail/Markdown quoting and Terraform's box-drawing
// gutter from the start of every line.
func stripQuoting(s string) string {
	if !strings.Contains(s, ">") && !strings.Contains(s, "│") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = unquoteLine(l)
	}
	return strings.Join(lines, "\n")
}

func unquoteLine(l string) string {
	for {
		t := strings.TrimLeft(l, " \t")
		switch {
		case strings.HasPrefix(t, ">"):
			l = strings.TrimPrefix(t[1:], " ")
		case strings.HasPrefix(t, "│"):
			l = strings.TrimPrefix(t[len("│"):], " ")
		default:
			return l
		}
	}
}
