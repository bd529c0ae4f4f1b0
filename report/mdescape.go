package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// mdText escapes text for a Markdown paragraph so it renders as written:
// `code spans` the catalogue wrote are kept, and outside them the
// characters that would turn into emphasis, links or HTML (a <name>
// placeholder would vanish on GitHub) are escaped.
func mdText(s string) string {
	if strings.Count(s, "`")%2 != 0 {
		return escapeInline(s, true)
	}
	parts := strings.Split(s, "`")
	for i := 0; i < len(parts); i += 2 {
		parts[i] = escapeInline(parts[i], false)
	}
	return strings.Join(parts, "`")
}

func escapeInline(s string, backticks bool) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '*', '<', '[', ']':
			b.WriteByte('\\')
		case '`':
			if backticks {
				b.WriteByte('\\')
			}
		case '_':
			if !inWord(s, i) {
				b.WriteByte('\\')
			}
		case '#', '>':
			if i == 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// inWord says whether the byte at i sits between two letters or digits,
// where GitHub never reads an underscore as emphasis (AZURE_CLIENT_ID).
func inWord(s string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+1:])
	word := func(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }
	return i > 0 && i+1 < len(s) && word(before) && word(after)
}

// mdCell escapes text for a table cell.
func mdCell(s string) string { return cell(mdText(s)) }

// cell makes Markdown fit in a table cell: | would end the cell and a line
// break the row.
func cell(md string) string {
	return strings.ReplaceAll(strings.Join(lines(md), "<br>"), "|", `\|`)
}

// mdCode is s as a code span.
func mdCode(s string) string {
	if s == "" {
		return ""
	}
	ticks := "`"
	for strings.Contains(s, ticks) {
		ticks += "`"
	}
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return ticks + pad + s + pad + ticks
}

// codeCell is s as code in a table cell, one code span per line.
func codeCell(s string) string {
	ls := lines(s)
	for i, l := range ls {
		ls[i] = mdCode(l)
	}
	return cell(strings.Join(ls, "\n"))
}

// mdFence is content in a fenced code block of language lang, with a fence
// longer than any run of backticks inside.
func mdFence(lang string, content []string) string {
	fence := "```"
	for _, l := range content {
		for strings.Contains(l, fence) {
			fence += "`"
		}
	}
	return fence + lang + "\n" + strings.Join(content, "\n") + "\n" + fence + "\n"
}
