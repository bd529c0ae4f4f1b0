// Package catalog is kvdoctor's one finding catalogue: for every stable slug,
// its severity, title, meaning, fix (portal steps and az commands) and doc
// anchor, in English and Simplified Chinese. The checks, explain, the report
// writers, the docs and the tests all read it; no slug is spelled elsewhere.
package catalog

import (
	"maps"
	"sort"
	"strings"
)

// Lang is a report language.
type Lang string

// The languages every entry and every fixed string exist in.
const (
	English Lang = "en"
	Chinese Lang = "zh-CN"
)

// Langs lists the supported languages.
var Langs = []Lang{English, Chinese}

// ParseLang accepts en, zh-CN and their common spellings (zh, zh_CN, zh-cn).
func ParseLang(s string) (Lang, bool) {
	switch strings.ToLower(strings.ReplaceAll(s, "_", "-")) {
	case "en", "en-us", "en-gb", "english":
		return English, true
	case "zh-cn", "zh", "zh-hans", "chinese":
		return Chinese, true
	}
	return "", false
}

// Severity says how bad a finding is.
type Severity string

// Severities, from worst to mildest.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Text is one string in both languages.
type Text struct {
	EN string
	ZH string
}

// In returns the text in lang, falling back to English.
func (t Text) In(lang Lang) string {
	if lang == Chinese && t.ZH != "" {
		return t.ZH
	}
	return t.EN
}

// Entry is one finding of the catalogue. Texts may hold {param}
// placeholders (see params.go), filled in by Render, and optional segments
// [[first||second]]: Render keeps the first alternative whose placeholders
// all have values and drops the segment when none has, so a text reads well
// whichever facts a check or explain could supply.
type Entry struct {
	// Slug is the stable identifier, e.g. cloud-mismatch.
	Slug string
	// Severity is the default severity of the finding.
	Severity Severity
	// Check is the id of the check that reports it ("" for explain-only findings).
	Check string
	// Title is one line naming the problem.
	Title Text
	// Meaning explains what happened and why.
	Meaning Text
	// Fix is the fix as imperative portal steps.
	Fix Text
	// Commands are the exact az commands of the fix, language-independent.
	Commands []string
	// Verified describes, when the finding's fix was verified in memory, what was verified.
	Verified Text
	// Params names the parameters the reporting check supplies; the texts
	// use no others. Any of them may be missing at render time.
	Params []string
}

// Anchor is the finding's section in docs/findings.md.
func (e Entry) Anchor() string { return "docs/findings.md#" + e.Slug }

// Rendered is an entry with its placeholders filled in, in one language.
type Rendered struct {
	Title    string
	Detail   string
	Fix      string
	Commands []string
	Verified string
	Anchor   string
}

// Render fills the entry's placeholders from params in lang. A placeholder
// with no value is shown as <name>, so a command stays copyable and visibly
// incomplete. A problem code ({problem}) is shown as its phrase in lang.
func (e Entry) Render(lang Lang, params map[string]string) Rendered {
	params = localize(params, lang)
	fill := func(s string) string { return Fill(chooseSegments(s, params), params) }
	cmds := make([]string, len(e.Commands))
	for i, c := range e.Commands {
		cmds[i] = fill(c)
	}
	return Rendered{
		Title:    fill(e.Title.In(lang)),
		Detail:   fill(e.Meaning.In(lang)),
		Fix:      fill(e.Fix.In(lang)),
		Commands: cmds,
		Verified: fill(e.Verified.In(lang)),
		Anchor:   e.Anchor(),
	}
}

// Fill replaces each {name} in s with params[name], or <name> when unset.
// Braces that do not enclose a plain parameter name are left alone.
func Fill(s string, params map[string]string) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			b.WriteString(s)
			return b.String()
		}
		end := strings.IndexByte(s[open:], '}')
		if end < 0 || !isParamName(s[open+1:open+end]) {
			b.WriteString(s[:open+1])
			s = s[open+1:]
			continue
		}
		name := s[open+1 : open+end]
		b.WriteString(s[:open])
		if v, ok := params[name]; ok && v != "" {
			b.WriteString(v)
		} else {
			b.WriteString("<" + name + ">")
		}
		s = s[open+end+1:]
	}
}

// localize returns params with the values that are codes (the problem)
// replaced by their phrase in lang; params itself is left untouched.
func localize(params map[string]string, lang Lang) map[string]string {
	code, ok := params[ParamProblem]
	if !ok || code == "" {
		return params
	}
	out := maps.Clone(params)
	out[ParamProblem] = ProblemText(code, lang)
	return out
}

// chooseSegments resolves the optional segments [[a||b]] of s: each becomes
// its first alternative whose placeholders are all set, or nothing.
func chooseSegments(s string, params map[string]string) string {
	var b strings.Builder
	for {
		open := strings.Index(s, "[[")
		if open < 0 {
			b.WriteString(s)
			return b.String()
		}
		end := strings.Index(s[open:], "]]")
		if end < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:open])
		for _, alt := range strings.Split(s[open+2:open+end], "||") {
			if allSet(alt, params) {
				b.WriteString(alt)
				break
			}
		}
		s = s[open+end+2:]
	}
}

// allSet reports whether every placeholder of s has a value in params.
func allSet(s string, params map[string]string) bool {
	for {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			return true
		}
		end := strings.IndexByte(s[open:], '}')
		if end < 0 {
			return true
		}
		if name := s[open+1 : open+end]; isParamName(name) && params[name] == "" {
			return false
		}
		s = s[open+1:]
	}
}

func isParamName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

var bySlug = func() map[string]Entry {
	m := make(map[string]Entry, len(entries))
	for _, e := range entries {
		if _, dup := m[e.Slug]; dup {
			panic("catalog: duplicate slug " + e.Slug)
		}
		m[e.Slug] = e
	}
	return m
}()

// Lookup returns the entry of a slug.
func Lookup(slug string) (Entry, bool) {
	e, ok := bySlug[slug]
	return e, ok
}

// All returns every entry, in catalogue order.
func All() []Entry { return append([]Entry(nil), entries...) }

// Slugs returns every slug, sorted.
func Slugs() []string {
	s := make([]string, 0, len(entries))
	for _, e := range entries {
		s = append(s, e.Slug)
	}
	sort.Strings(s)
	return s
}
