package report

import (
	"strings"
	"time"

	"github.com/kvdoctor/kvdoctor/checks"
	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// statusMark is the one-character mark of a check status.
func statusMark(s checks.Status) string {
	switch s {
	case checks.Pass:
		return "✓"
	case checks.Warn:
		return "!"
	case checks.Fail:
		return "✗"
	}
	return "-"
}

// severityMark is the one-character mark of a finding.
func severityMark(s catalog.Severity) string {
	switch s {
	case catalog.Error:
		return "✗"
	case catalog.Warning:
		return "!"
	}
	return "•"
}

// render fills a finding's catalogue texts. A slug the catalogue does not
// know (a report from a newer kvdoctor) renders as the slug alone.
func render(f checks.Finding, lang catalog.Lang) catalog.Rendered {
	e, ok := catalog.Lookup(f.Code)
	if !ok {
		return catalog.Rendered{Title: f.Code}
	}
	return e.Render(lang, f.Params)
}

// millis is a duration as the JSON report keeps it: whole milliseconds.
// Every writer shows durations through it, so a report rendered again from
// its JSON shows the same numbers.
func millis(d time.Duration) int64 { return d.Milliseconds() }

// durationText shows whole milliseconds the Go way: 412ms, 1.234s; under
// a millisecond is <1ms, not a misleading 0s.
func durationText(ms int64) string {
	if ms <= 0 {
		return "<1ms"
	}
	return (time.Duration(ms) * time.Millisecond).String()
}

// lines splits a text into lines, treating \r\n and \r as \n and dropping
// trailing blank lines.
func lines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimRight(s, "\n \t")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// tally counts the checks by status.
type tally struct{ pass, warn, fail, skip int }

func countStatuses(r checks.Report) tally {
	var t tally
	for _, res := range r.Results {
		switch res.Status {
		case checks.Pass:
			t.pass++
		case checks.Warn:
			t.warn++
		case checks.Fail:
			t.fail++
		case checks.Skip:
			t.skip++
		}
	}
	return t
}

// summaryLine is the closing one-line summary shared by text and Markdown.
func summaryLine(lang catalog.Lang, r checks.Report) string {
	t := countStatuses(r)
	return tr(lang, msgSummary, statusWord(lang, r.Status()), t.fail, t.warn, t.skip, t.pass,
		durationText(r.Header.DurationMs))
}

// version is the tool version, devel when the build set none.
func version(h checks.Header) string {
	if h.Version == "" {
		return "devel"
	}
	return h.Version
}

// versionLine is the version with its commit, when known.
func versionLine(lang catalog.Lang, h checks.Header) string {
	if h.Commit == "" {
		return version(h)
	}
	return tr(lang, msgVersionCommit, version(h), h.Commit)
}

// startText is the start of the run in UTC, RFC 3339, or "" when unknown.
func startText(h checks.Header) string {
	if h.Start.IsZero() {
		return ""
	}
	return h.Start.UTC().Format(time.RFC3339)
}
