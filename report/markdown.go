package report

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/kvdoctor/kvdoctor/checks"
	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// Markdown writes the support-ticket report: the header of the run, a
// summary table, one section per finding with its fix and the evidence of
// its check, the facts of every check, and what was redacted. Everything
// it shows comes through the JSON report unchanged, so `kvdoctor render`
// reproduces it byte for byte.
type Markdown struct {
	w    io.Writer
	lang catalog.Lang
}

// NewMarkdown returns a Markdown writer to w.
func NewMarkdown(w io.Writer, opt Options) *Markdown {
	return &Markdown{w: w, lang: langOf(opt)}
}

// Print writes the report.
func (m *Markdown) Print(r checks.Report) error {
	var b bytes.Buffer
	m.header(&b, r)
	m.summary(&b, r)
	m.findings(&b, r)
	m.details(&b, r)
	b.WriteString("---\n\n")
	if r.Header.Redacted {
		b.WriteString(tr(m.lang, msgRedactedIDs) + "\n")
	} else {
		b.WriteString(tr(m.lang, msgRedactedNone) + "\n")
	}
	_, err := m.w.Write(b.Bytes())
	return err
}

func (m *Markdown) header(b *bytes.Buffer, r checks.Report) {
	s := r.Status()
	b.WriteString("# " + tr(m.lang, msgReportTitle) + colon(m.lang) + statusMark(s) + " " + statusWord(m.lang, s) + "\n\n")
	h := r.Header
	osArch := ""
	if h.OS != "" || h.Arch != "" {
		osArch = h.OS + "/" + h.Arch
	}
	rows := [][2]string{
		{tr(m.lang, msgTool), mdCell(versionLine(m.lang, h))},
		{tr(m.lang, msgOSArch), mdCell(osArch)},
		{tr(m.lang, msgGo), mdCell(h.GoVersion)},
		{"azidentity", mdCell(h.AzIdentity)},
		{"azsecrets", mdCell(h.AzSecrets)},
		{tr(m.lang, msgStarted), mdCell(startText(h))},
		{tr(m.lang, msgDuration), durationText(h.DurationMs)},
		{tr(m.lang, msgVault), codeCell(r.Target.Vault)},
		{tr(m.lang, msgCloud), codeCell(r.Target.Cloud)},
		{tr(m.lang, msgSecretName), codeCell(r.Target.Secret)},
		{tr(m.lang, msgProxy), codeCell(h.Proxy)},
		{tr(m.lang, msgClientAddress), codeCell(h.ClientAddress)},
	}
	b.WriteString(tableRow(tr(m.lang, msgField), tr(m.lang, msgValue)))
	b.WriteString(tableRule(2))
	for _, row := range rows {
		if row[1] != "" {
			b.WriteString(tableRow(row[0], row[1]))
		}
	}
	b.WriteString("\n")
}

func (m *Markdown) summary(b *bytes.Buffer, r checks.Report) {
	b.WriteString("## " + tr(m.lang, msgSummaryHeading) + "\n\n")
	b.WriteString(tableRow(tr(m.lang, msgCheck), tr(m.lang, msgStatus), tr(m.lang, msgFinding)))
	b.WriteString(tableRule(3))
	for _, res := range r.Results {
		var notes []string
		for _, f := range res.Findings {
			note := severityMark(f.Severity) + " " + mdCode(f.Code)
			if t := render(f, m.lang).Title; t != f.Code {
				note += colon(m.lang) + mdText(t)
			}
			if f.Verified {
				note += tr(m.lang, msgVerifiedShort)
			}
			notes = append(notes, note)
		}
		if res.Status == checks.Skip && res.BlockedBy != "" {
			notes = append(notes, mdText(tr(m.lang, msgBlockedBy, catalog.CheckTitle(res.BlockedBy, m.lang))))
		}
		if len(res.Assumptions) > 0 {
			notes = append(notes, tr(m.lang, msgAssuming, codes(res.Assumptions)))
		}
		if len(notes) == 0 {
			notes = []string{"—"}
		}
		b.WriteString(tableRow(
			cell(m.checkName(res.ID)),
			statusMark(res.Status)+" "+statusWord(m.lang, res.Status),
			cell(strings.Join(notes, tr(m.lang, msgListSep))),
		))
	}
	b.WriteString("\n" + mdText(summaryLine(m.lang, r)) + "\n\n")
}

// checkName is a check's title with its stable id.
func (m *Markdown) checkName(id string) string {
	return mdText(catalog.CheckTitle(id, m.lang)) + " (" + mdCode(id) + ")"
}

func (m *Markdown) findings(b *bytes.Buffer, r checks.Report) {
	b.WriteString("## " + tr(m.lang, msgFinding) + "\n\n")
	found := false
	for _, res := range r.Results {
		for _, f := range res.Findings {
			found = true
			m.finding(b, res, f)
		}
	}
	if !found {
		b.WriteString(tr(m.lang, msgNoFindings) + "\n\n")
	}
}

func (m *Markdown) finding(b *bytes.Buffer, res checks.Result, f checks.Finding) {
	rd := render(f, m.lang)
	head := "### " + severityMark(f.Severity) + " " + mdCode(f.Code)
	if rd.Title != f.Code {
		head += colon(m.lang) + mdText(rd.Title)
	}
	b.WriteString(head + "\n\n")
	b.WriteString(tr(m.lang, msgCheckSeverity, m.checkName(res.ID), severityWord(m.lang, f.Severity)) + "\n\n")
	if len(res.Assumptions) > 0 {
		b.WriteString(tr(m.lang, msgAssumingMD, codes(res.Assumptions)) + "\n\n")
	}
	if res.Status == checks.Skip && res.BlockedBy != "" {
		b.WriteString(mdText(tr(m.lang, msgBlockedByMD, catalog.CheckTitle(res.BlockedBy, m.lang))) + "\n\n")
	}
	if d := paragraphs(rd.Detail); d != "" {
		b.WriteString(d + "\n\n")
	}
	if q := lines(f.Quote); len(q) > 0 {
		b.WriteString(tr(m.lang, msgAzureAnswer) + "\n\n" + mdFence("text", q) + "\n")
	}
	if fix := paragraphs(rd.Fix); fix != "" {
		b.WriteString(tr(m.lang, msgFixMD, fix) + "\n\n")
	}
	var cmds []string
	for _, c := range rd.Commands {
		cmds = append(cmds, lines(c)...)
	}
	if len(cmds) > 0 {
		b.WriteString(mdFence("sh", cmds) + "\n")
	}
	if f.Verified && rd.Verified != "" {
		b.WriteString(tr(m.lang, msgVerifiedMD, mdText(rd.Verified)) + "\n\n")
	}
	if rd.Anchor != "" {
		b.WriteString(tr(m.lang, msgDocsMD, mdCode(rd.Anchor)) + "\n\n")
	}
	if len(res.Requests) > 0 {
		b.WriteString("**" + tr(m.lang, msgEvidence) + "**\n\n")
		m.requests(b, res.Requests)
	}
}

// codes lists slugs as code spans.
func codes(slugs []string) string {
	out := make([]string, len(slugs))
	for i, s := range slugs {
		out[i] = mdCode(s)
	}
	return strings.Join(out, ", ")
}

// paragraphs escapes a multi-line catalogue text, keeping its line breaks.
func paragraphs(s string) string {
	ls := lines(s)
	for i, l := range ls {
		ls[i] = mdText(l)
	}
	return strings.Join(ls, "\n")
}

// requestColumn is one column of the evidence table.
type requestColumn struct {
	title    string
	always   bool
	valueFor func(checks.Request) string
}

func (m *Markdown) requests(b *bytes.Buffer, reqs []checks.Request) {
	columns := []requestColumn{
		{"#", true, nil},
		{tr(m.lang, msgMethod), true, func(q checks.Request) string { return mdCell(q.Method) }},
		{tr(m.lang, msgHost), true, func(q checks.Request) string { return codeCell(q.Host) }},
		{tr(m.lang, msgPath), true, func(q checks.Request) string { return codeCell(q.Path) }},
		{tr(m.lang, msgStatus), true, func(q checks.Request) string { return mdCell(m.requestStatus(q)) }},
		{tr(m.lang, msgDuration), true, func(q checks.Request) string { return durationText(q.DurationMs) }},
		{"x-ms-request-id", false, func(q checks.Request) string { return codeCell(q.RequestID) }},
		{"client-request-id", false, func(q checks.Request) string { return codeCell(q.ClientRequestID) }},
		{"AADSTS", false, func(q checks.Request) string {
			if len(q.AADSTS) == 0 {
				return ""
			}
			return mdCell(aadstsText(q.AADSTS))
		}},
		{tr(m.lang, msgTraceID), false, func(q checks.Request) string { return codeCell(q.TraceID) }},
		{tr(m.lang, msgCorrelationID), false, func(q checks.Request) string { return codeCell(q.CorrelationID) }},
		{tr(m.lang, msgTimestamp), false, func(q checks.Request) string { return mdCell(q.Timestamp) }},
	}
	var shown []requestColumn
	for _, c := range columns {
		if c.always || anyValue(reqs, c.valueFor) {
			shown = append(shown, c)
		}
	}
	titles := make([]string, len(shown))
	for i, c := range shown {
		titles[i] = c.title
	}
	b.WriteString(tableRow(titles...))
	b.WriteString(tableRule(len(shown)))
	for n, q := range reqs {
		row := make([]string, len(shown))
		for i, c := range shown {
			if c.valueFor == nil {
				row[i] = strconv.Itoa(n + 1)
				continue
			}
			row[i] = c.valueFor(q)
		}
		b.WriteString(tableRow(row...))
	}
	b.WriteString("\n")
}

func anyValue(reqs []checks.Request, valueFor func(checks.Request) string) bool {
	for _, q := range reqs {
		if valueFor(q) != "" {
			return true
		}
	}
	return false
}

func (m *Markdown) requestStatus(q checks.Request) string {
	switch {
	case q.Status != 0:
		return strconv.Itoa(q.Status)
	case q.Error != "":
		return tr(m.lang, msgRequestError, q.Error)
	}
	return tr(m.lang, msgNoResponse)
}

// details lists, per check, its facts, and the requests of checks that had
// no finding to show them under.
func (m *Markdown) details(b *bytes.Buffer, r checks.Report) {
	var body bytes.Buffer
	for _, res := range r.Results {
		showRequests := len(res.Findings) == 0 && len(res.Requests) > 0
		if len(res.Facts) == 0 && !showRequests {
			continue
		}
		body.WriteString("### " + m.checkName(res.ID) + "\n\n")
		if len(res.Facts) > 0 {
			body.WriteString(tableRow(tr(m.lang, msgName), tr(m.lang, msgValue)))
			body.WriteString(tableRule(2))
			for _, f := range res.Facts {
				body.WriteString(tableRow(mdCell(f.Key), codeCell(factValue(m.lang, f.Value))))
			}
			body.WriteString("\n")
		}
		if showRequests {
			body.WriteString("**" + tr(m.lang, msgRequests) + "**\n\n")
			m.requests(&body, res.Requests)
		}
	}
	if body.Len() > 0 {
		b.WriteString("## " + tr(m.lang, msgDetailsHeading) + "\n\n")
		b.Write(body.Bytes())
	}
}

func tableRow(cells ...string) string {
	return "| " + strings.Join(cells, " | ") + " |\n"
}

func tableRule(n int) string {
	return "|" + strings.Repeat(" --- |", n) + "\n"
}
