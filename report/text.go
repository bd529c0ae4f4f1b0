package report

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/fatih/color"

	"github.com/kvdoctor/kvdoctor/checks"
	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// Text writes the terminal report in the manner of flutter doctor: one line
// per check with a mark, each finding with its slug and title, and under a
// failure what it means, Azure's words, the fix and what was verified.
type Text struct {
	w    io.Writer
	opt  Options
	lang catalog.Lang
	pal  palette
}

// NewText returns a text writer to w.
func NewText(w io.Writer, opt Options) *Text {
	return &Text{w: w, opt: opt, lang: langOf(opt), pal: newPalette(opt.Color)}
}

// palette holds one colour object per role. Each is switched on or off
// explicitly, so the output never depends on fatih/color's global NoColor.
type palette struct {
	pass, warn, fail, skip, info, title, command, faint *color.Color
}

func newPalette(enabled bool) palette {
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		if enabled {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return palette{
		pass:    mk(color.FgGreen),
		warn:    mk(color.FgYellow),
		fail:    mk(color.FgRed),
		skip:    mk(color.Faint),
		info:    mk(color.FgBlue),
		title:   mk(color.Bold),
		command: mk(color.FgCyan),
		faint:   mk(color.Faint),
	}
}

func (p palette) status(s checks.Status) *color.Color {
	switch s {
	case checks.Pass:
		return p.pass
	case checks.Warn:
		return p.warn
	case checks.Fail:
		return p.fail
	}
	return p.skip
}

func (p palette) severity(s catalog.Severity) *color.Color {
	switch s {
	case catalog.Error:
		return p.fail
	case catalog.Warning:
		return p.warn
	}
	return p.info
}

// Print writes the report.
func (t *Text) Print(r checks.Report) error {
	var b bytes.Buffer
	t.header(&b, r)
	for _, res := range r.Results {
		t.result(&b, res)
	}
	b.WriteString("\n" + t.pal.title.Sprint(summaryLine(t.lang, r)) + "\n")
	_, err := t.w.Write(b.Bytes())
	return err
}

func (t *Text) header(b *bytes.Buffer, r checks.Report) {
	parts := []string{"kvdoctor " + version(r.Header), r.Target.Vault, r.Target.Cloud}
	if r.Target.Secret != "" {
		parts = append(parts, tr(t.lang, msgSecret, r.Target.Secret))
	}
	b.WriteString(t.pal.title.Sprint(joinNonEmpty(parts, " · ")) + "\n")
	if t.opt.Verbose {
		h := r.Header
		build := []string{}
		if h.Commit != "" {
			build = append(build, tr(t.lang, msgCommit, h.Commit))
		}
		if h.OS != "" || h.Arch != "" {
			build = append(build, h.OS+"/"+h.Arch)
		}
		build = append(build, h.GoVersion)
		if h.AzIdentity != "" {
			build = append(build, "azidentity "+h.AzIdentity)
		}
		if h.AzSecrets != "" {
			build = append(build, "azsecrets "+h.AzSecrets)
		}
		run := []string{
			t.labelled(msgStarted, startText(h)),
			t.labelled(msgProxy, h.Proxy),
			t.labelled(msgClientAddress, h.ClientAddress),
		}
		for _, l := range [][]string{build, run} {
			if s := joinNonEmpty(l, " · "); s != "" {
				b.WriteString(t.pal.faint.Sprint(s) + "\n")
			}
		}
	}
	b.WriteString("\n")
}

// labelled is "label: value" in the language's punctuation, or "" without a value.
func (t *Text) labelled(label msg, value string) string {
	if value == "" {
		return ""
	}
	return tr(t.lang, label) + colon(t.lang) + value
}

func (t *Text) result(b *bytes.Buffer, res checks.Result) {
	c := t.pal.status(res.Status)
	line := c.Sprint("["+statusMark(res.Status)+"]") + " " + t.pal.title.Sprint(catalog.CheckTitle(res.ID, t.lang))
	if res.Status == checks.Skip {
		if res.BlockedBy != "" {
			line += " · " + tr(t.lang, msgBlockedBy, catalog.CheckTitle(res.BlockedBy, t.lang))
		} else {
			line += " · " + statusWord(t.lang, checks.Skip)
		}
	} else {
		line += " (" + durationText(millis(res.Duration)) + ")"
	}
	if len(res.Assumptions) > 0 {
		line += " · " + t.pal.warn.Sprint(tr(t.lang, msgAssuming, strings.Join(res.Assumptions, ", ")))
	}
	b.WriteString(line + "\n")
	for _, f := range res.Findings {
		t.finding(b, f)
	}
	if t.opt.Verbose {
		t.requests(b, res.Requests)
		t.facts(b, res.Facts)
	}
}

func (t *Text) finding(b *bytes.Buffer, f checks.Finding) {
	rd := render(f, t.lang)
	head := "    " + t.pal.severity(f.Severity).Sprint(severityMark(f.Severity)) + " " + f.Code
	if rd.Title != "" && rd.Title != f.Code {
		head += colon(t.lang) + rd.Title
	}
	b.WriteString(head + "\n")
	if f.Severity != catalog.Error && !f.Verified && !t.opt.Verbose {
		return
	}
	const in = "      "
	for _, l := range lines(rd.Detail) {
		b.WriteString(in + l + "\n")
	}
	if q := lines(f.Quote); len(q) > 0 {
		b.WriteString(in + t.pal.faint.Sprint(tr(t.lang, msgAzureSaid)) + "\n")
		for _, l := range q {
			b.WriteString(in + "  " + t.pal.faint.Sprint(l) + "\n")
		}
	}
	if fix := lines(rd.Fix); len(fix) > 0 || len(rd.Commands) > 0 {
		first := ""
		if len(fix) > 0 {
			first, fix = fix[0], fix[1:]
		}
		b.WriteString(in + t.pal.title.Sprint(tr(t.lang, msgFix)) + colon(t.lang) + first + "\n")
		for _, l := range fix {
			b.WriteString(in + "  " + l + "\n")
		}
		for _, c := range rd.Commands {
			for _, l := range lines(c) {
				b.WriteString(in + "  " + t.pal.command.Sprint(l) + "\n")
			}
		}
	}
	if f.Verified && rd.Verified != "" {
		b.WriteString(in + t.pal.pass.Sprint("✓ "+tr(t.lang, msgVerified, rd.Verified)) + "\n")
	}
	if rd.Anchor != "" {
		b.WriteString(in + t.pal.faint.Sprint(tr(t.lang, msgDocs, rd.Anchor)) + "\n")
	}
}

func (t *Text) requests(b *bytes.Buffer, reqs []checks.Request) {
	if len(reqs) == 0 {
		return
	}
	b.WriteString("    " + t.pal.faint.Sprint(tr(t.lang, msgRequests)) + "\n")
	for _, q := range reqs {
		line := q.Method + " " + q.Host + q.Path + " → "
		switch {
		case q.Status != 0:
			line += strconv.Itoa(q.Status)
		case q.Error != "":
			line += tr(t.lang, msgRequestError, q.Error)
		default:
			line += tr(t.lang, msgNoResponse)
		}
		line += " (" + durationText(q.DurationMs) + ")"
		b.WriteString("      " + line + "\n")
		if ids := requestIDs(q); ids != "" {
			b.WriteString("        " + t.pal.faint.Sprint(ids) + "\n")
		}
	}
}

// requestIDs lists a request's ids under the names Azure gives them.
func requestIDs(q checks.Request) string {
	parts := []string{}
	add := func(name, v string) {
		if v != "" {
			parts = append(parts, name+": "+v)
		}
	}
	add("x-ms-request-id", q.RequestID)
	add("client-request-id", q.ClientRequestID)
	if len(q.AADSTS) > 0 {
		parts = append(parts, aadstsText(q.AADSTS))
	}
	add("trace_id", q.TraceID)
	add("correlation_id", q.CorrelationID)
	add("timestamp", q.Timestamp)
	return strings.Join(parts, " · ")
}

// aadstsText lists AADSTS codes as Entra writes them: AADSTS7000215.
func aadstsText(codes []int) string {
	s := make([]string, len(codes))
	for i, c := range codes {
		s[i] = fmt.Sprintf("AADSTS%d", c)
	}
	return strings.Join(s, ", ")
}

func (t *Text) facts(b *bytes.Buffer, facts checks.Facts) {
	if len(facts) == 0 {
		return
	}
	b.WriteString("    " + t.pal.faint.Sprint(tr(t.lang, msgFacts)) + "\n")
	width := 0
	for _, f := range facts {
		width = max(width, len(f.Key))
	}
	for _, f := range facts {
		vs := lines(factValue(t.lang, f.Value))
		if len(vs) == 0 {
			vs = []string{""}
		}
		key := f.Key
		for _, v := range vs {
			b.WriteString(strings.TrimRight(fmt.Sprintf("      %-*s  %s", width, key, v), " ") + "\n")
			key = ""
		}
	}
}

// colon is the separator between a label and its text.
func colon(lang catalog.Lang) string {
	if lang == catalog.Chinese {
		return "："
	}
	return ": "
}

func joinNonEmpty(parts []string, sep string) string {
	kept := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}
