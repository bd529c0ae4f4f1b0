package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/explain"
)

// explainMsg names one fixed string of the explain writers.
type explainMsg int

const (
	exTitle explainMsg = iota
	exMostLikely
	exConfidence
	exConfidenceParen
	exAlsoCheck
	exEvidence
	exSeen
	exSeenLine
	exNothingTitle
	exNothingBody
	exConfirm
	exTruncated
	exAADSTS
	exKeyVaultCodes
	exStatuses
	exTraceIDs
	exCorrelationIDs
	exRequestIDs
	exTimestamps
	exTenantIDs
	exClientIDs
	exHosts
	exResources
	exClouds
	exCredentials
	exCredential
	exState
	exMessage
	exKind
	exValues
	exHigh
	exMedium
	exLow
	exUnavailable
	exFailed
	exCount
)

// explainMessages holds every fixed string of the explain writers in
// English and Chinese.
var explainMessages = [exCount]catalog.Text{
	exTitle:           {EN: "kvdoctor explain", ZH: "kvdoctor explain：错误文本分析"},
	exMostLikely:      {EN: "Most likely cause", ZH: "最可能的原因"},
	exConfidence:      {EN: "confidence: %s", ZH: "置信度：%s"},
	exConfidenceParen: {EN: " (confidence: %s)", ZH: "（置信度：%s）"},
	exAlsoCheck:       {EN: "Also check", ZH: "还需检查"},
	exEvidence:        {EN: "Evidence from the text", ZH: "文本中的证据"},
	exSeen:            {EN: "Seen in the text:", ZH: "文本中的依据："},
	exSeenLine:        {EN: "Seen in the text: %s", ZH: "文本中的依据：%s"},
	exNothingTitle:    {EN: "Nothing recognised.", ZH: "未识别出已知的错误。"},
	exNothingBody:     {EN: "The text holds no Azure error code, Key Vault answer or credential message that kvdoctor knows. Run kvdoctor where the app runs: it checks the environment, the token and the vault step by step.", ZH: "文本中没有 kvdoctor 认识的 Azure 错误代码、Key Vault 响应或凭据消息。请在应用运行的环境中运行 kvdoctor：它会逐步检查环境变量、访问令牌和密钥保管库。"},
	exConfirm:         {EN: "To confirm, run kvdoctor where the app runs.", ZH: "如需确认，请在应用运行的环境中运行 kvdoctor。"},
	exTruncated:       {EN: "The text was longer than kvdoctor reads; only its start was read.", ZH: "文本过长，kvdoctor 只读取了开头部分。"},
	exAADSTS:          {EN: "Entra error codes", ZH: "Entra 错误代码"},
	exKeyVaultCodes:   {EN: "Key Vault codes", ZH: "Key Vault 错误代码"},
	exStatuses:        {EN: "HTTP statuses", ZH: "HTTP 状态码"},
	exTraceIDs:        {EN: "Trace IDs", ZH: "Trace ID"},
	exCorrelationIDs:  {EN: "Correlation IDs", ZH: "Correlation ID"},
	exRequestIDs:      {EN: "Request IDs", ZH: "请求 ID"},
	exTimestamps:      {EN: "Timestamps", ZH: "时间戳"},
	exTenantIDs:       {EN: "Tenant IDs", ZH: "租户 ID"},
	exClientIDs:       {EN: "Client IDs", ZH: "客户端 ID"},
	exHosts:           {EN: "Hosts", ZH: "主机"},
	exResources:       {EN: "Resources", ZH: "资源"},
	exClouds:          {EN: "Clouds", ZH: "云"},
	exCredentials:     {EN: "Credentials", ZH: "凭据"},
	exCredential:      {EN: "Credential", ZH: "凭据"},
	exState:           {EN: "State", ZH: "状态"},
	exMessage:         {EN: "Message", ZH: "消息"},
	exKind:            {EN: "Kind", ZH: "类别"},
	exValues:          {EN: "Values", ZH: "值"},
	exHigh:            {EN: "high", ZH: "高"},
	exMedium:          {EN: "medium", ZH: "中"},
	exLow:             {EN: "low", ZH: "低"},
	exUnavailable:     {EN: "unavailable", ZH: "不可用"},
	exFailed:          {EN: "tried and failed", ZH: "已尝试但失败"},
}

func etr(lang catalog.Lang, m explainMsg, a ...any) string {
	s := explainMessages[m].In(lang)
	if len(a) > 0 {
		return fmt.Sprintf(s, a...)
	}
	return s
}

func confidenceWord(lang catalog.Lang, c explain.Confidence) string {
	switch c {
	case explain.High:
		return etr(lang, exHigh)
	case explain.Medium:
		return etr(lang, exMedium)
	case explain.Low:
		return etr(lang, exLow)
	}
	return string(c)
}

func credentialStateWord(lang catalog.Lang, s explain.CredentialState) string {
	if s == explain.Failed {
		return etr(lang, exFailed)
	}
	return etr(lang, exUnavailable)
}

// evidenceRow is one labelled list of the evidence, in display order.
type evidenceRow struct {
	label  explainMsg
	values []string
}

func evidenceRows(ev explain.Evidence) []evidenceRow {
	rows := []evidenceRow{
		{exAADSTS, ev.AADSTS}, {exKeyVaultCodes, ev.KeyVaultCodes}, {exStatuses, ev.HTTPStatuses},
		{exHosts, ev.Hosts}, {exResources, ev.Resources}, {exClouds, ev.Clouds},
		{exTenantIDs, ev.TenantIDs}, {exClientIDs, ev.ClientIDs},
		{exTraceIDs, ev.TraceIDs}, {exCorrelationIDs, ev.CorrelationIDs}, {exRequestIDs, ev.RequestIDs}, {exTimestamps, ev.Timestamps},
	}
	out := rows[:0]
	for _, r := range rows {
		if len(r.values) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// WriteExplain writes the result of kvdoctor explain to w in format f.
func WriteExplain(w io.Writer, f Format, res explain.Result, opt Options) error {
	var b bytes.Buffer
	lang := langOf(opt)
	switch f {
	case FormatText:
		explainText(&b, res, lang, newPalette(opt.Color))
	case FormatMarkdown:
		explainMarkdown(&b, res, lang)
	case FormatJSON:
		if err := explainJSON(&b, res, lang); err != nil {
			return err
		}
	default:
		return fmt.Errorf("unknown report format %q (want text, markdown or json)", string(f))
	}
	_, err := w.Write(b.Bytes())
	return err
}

func explainText(b *bytes.Buffer, res explain.Result, lang catalog.Lang, pal palette) {
	b.WriteString(pal.title.Sprint(etr(lang, exTitle)) + "\n\n")
	if res.Primary == nil {
		b.WriteString(pal.warn.Sprint(etr(lang, exNothingTitle)) + "\n")
		b.WriteString(etr(lang, exNothingBody) + "\n")
		explainTextEvidence(b, res.Evidence, lang, pal)
		return
	}
	b.WriteString(pal.title.Sprint(etr(lang, exMostLikely)) + "\n")
	explainTextDiagnosis(b, *res.Primary, lang, pal, true)
	if len(res.Findings) > 0 {
		b.WriteString("\n" + pal.title.Sprint(etr(lang, exAlsoCheck)) + "\n")
		for _, d := range res.Findings {
			explainTextDiagnosis(b, d, lang, pal, false)
		}
	}
	explainTextEvidence(b, res.Evidence, lang, pal)
	b.WriteString("\n" + pal.faint.Sprint(etr(lang, exConfirm)) + "\n")
}

func explainTextDiagnosis(b *bytes.Buffer, d explain.Diagnosis, lang catalog.Lang, pal palette, full bool) {
	f := d.Finding
	rd := render(f, lang)
	head := "  " + pal.severity(f.Severity).Sprint(severityMark(f.Severity)) + " " + f.Code
	if rd.Title != "" && rd.Title != f.Code {
		head += colon(lang) + rd.Title
	}
	head += pal.faint.Sprint(etr(lang, exConfidenceParen, confidenceWord(lang, d.Confidence)))
	b.WriteString(head + "\n")
	const in = "    "
	if full {
		if f.Quote != "" {
			b.WriteString(in + pal.faint.Sprint(etr(lang, exSeenLine, f.Quote)) + "\n")
		}
		for _, l := range lines(rd.Detail) {
			b.WriteString(in + l + "\n")
		}
	}
	if fix := lines(rd.Fix); len(fix) > 0 || len(rd.Commands) > 0 {
		first := ""
		if len(fix) > 0 {
			first, fix = fix[0], fix[1:]
		}
		b.WriteString(in + pal.title.Sprint(tr(lang, msgFix)) + colon(lang) + first + "\n")
		for _, l := range fix {
			b.WriteString(in + "  " + l + "\n")
		}
		if full {
			for _, c := range rd.Commands {
				for _, l := range lines(c) {
					b.WriteString(in + "  " + pal.command.Sprint(l) + "\n")
				}
			}
		}
	}
	if full && rd.Anchor != "" {
		b.WriteString(in + pal.faint.Sprint(tr(lang, msgDocs, rd.Anchor)) + "\n")
	}
}

func explainTextEvidence(b *bytes.Buffer, ev explain.Evidence, lang catalog.Lang, pal palette) {
	rows := evidenceRows(ev)
	if len(rows) == 0 && len(ev.Credentials) == 0 && !ev.Truncated {
		return
	}
	b.WriteString("\n" + pal.title.Sprint(etr(lang, exEvidence)) + "\n")
	for _, r := range rows {
		b.WriteString("  " + etr(lang, r.label) + colon(lang) + strings.Join(r.values, ", ") + "\n")
	}
	if len(ev.Credentials) > 0 {
		b.WriteString("  " + etr(lang, exCredentials) + strings.TrimRight(colon(lang), " ") + "\n")
		for _, c := range ev.Credentials {
			mark := pal.skip.Sprint("-")
			if c.State == explain.Failed {
				mark = pal.fail.Sprint("✗")
			}
			b.WriteString("    " + mark + " " + c.Name + " · " + credentialStateWord(lang, c.State) + "\n")
		}
	}
	if ev.Truncated {
		b.WriteString("  " + pal.warn.Sprint(etr(lang, exTruncated)) + "\n")
	}
}

func explainMarkdown(b *bytes.Buffer, res explain.Result, lang catalog.Lang) {
	b.WriteString("# " + mdText(etr(lang, exTitle)) + "\n\n")
	if res.Primary == nil {
		b.WriteString("**" + mdText(etr(lang, exNothingTitle)) + "**\n\n")
		b.WriteString(mdText(etr(lang, exNothingBody)) + "\n\n")
	} else {
		b.WriteString("## " + mdText(etr(lang, exMostLikely)) + "\n\n")
		explainMarkdownDiagnosis(b, *res.Primary, lang, true)
		if len(res.Findings) > 0 {
			b.WriteString("## " + mdText(etr(lang, exAlsoCheck)) + "\n\n")
			for _, d := range res.Findings {
				explainMarkdownDiagnosis(b, d, lang, false)
			}
		}
	}
	explainMarkdownEvidence(b, res.Evidence, lang)
	if res.Primary != nil {
		b.WriteString("---\n\n" + mdText(etr(lang, exConfirm)) + "\n")
	}
}

func explainMarkdownDiagnosis(b *bytes.Buffer, d explain.Diagnosis, lang catalog.Lang, full bool) {
	f := d.Finding
	rd := render(f, lang)
	head := "### " + severityMark(f.Severity) + " " + mdCode(f.Code)
	if rd.Title != f.Code {
		head += colon(lang) + mdText(rd.Title)
	}
	b.WriteString(head + "\n\n")
	b.WriteString(mdText(etr(lang, exConfidence, confidenceWord(lang, d.Confidence))) + "\n\n")
	if full && f.Quote != "" {
		b.WriteString(mdText(etr(lang, exSeen)) + "\n\n" + mdFence("text", []string{f.Quote}) + "\n")
	}
	if p := paragraphs(rd.Detail); p != "" {
		b.WriteString(p + "\n\n")
	}
	if fix := paragraphs(rd.Fix); fix != "" {
		b.WriteString("**" + mdText(tr(lang, msgFix)) + "**" + colon(lang) + fix + "\n\n")
	}
	var cmds []string
	for _, c := range rd.Commands {
		cmds = append(cmds, lines(c)...)
	}
	if full && len(cmds) > 0 {
		b.WriteString(mdFence("sh", cmds) + "\n")
	}
	if rd.Anchor != "" {
		b.WriteString(mdText(tr(lang, msgDocs, "")) + mdCode(rd.Anchor) + "\n\n")
	}
}

func explainMarkdownEvidence(b *bytes.Buffer, ev explain.Evidence, lang catalog.Lang) {
	rows := evidenceRows(ev)
	if len(rows) == 0 && len(ev.Credentials) == 0 && !ev.Truncated {
		return
	}
	b.WriteString("## " + mdText(etr(lang, exEvidence)) + "\n\n")
	if len(rows) > 0 {
		b.WriteString("| " + mdCell(etr(lang, exKind)) + " | " + mdCell(etr(lang, exValues)) + " |\n|---|---|\n")
		for _, r := range rows {
			vals := make([]string, len(r.values))
			for i, v := range r.values {
				vals[i] = mdCode(v)
			}
			b.WriteString("| " + mdCell(etr(lang, r.label)) + " | " + cell(strings.Join(vals, ", ")) + " |\n")
		}
		b.WriteString("\n")
	}
	if len(ev.Credentials) > 0 {
		b.WriteString("| " + mdCell(etr(lang, exCredential)) + " | " + mdCell(etr(lang, exState)) + " | " + mdCell(etr(lang, exMessage)) + " |\n|---|---|---|\n")
		for _, c := range ev.Credentials {
			b.WriteString("| " + mdCode(c.Name) + " | " + mdCell(credentialStateWord(lang, c.State)) + " | " + mdCell(c.Message) + " |\n")
		}
		b.WriteString("\n")
	}
	if ev.Truncated {
		b.WriteString(mdText(etr(lang, exTruncated)) + "\n\n")
	}
}

// jsonExplain is the JSON contract of kvdoctor explain, schemaVersion 1.
type jsonExplain struct {
	SchemaVersion int              `json:"schemaVersion"`
	Lang          catalog.Lang     `json:"lang"`
	Recognised    bool             `json:"recognised"`
	Primary       *jsonDiagnosis   `json:"primary"`
	Findings      []jsonDiagnosis  `json:"findings"`
	Evidence      explain.Evidence `json:"evidence"`
	Message       string           `json:"message,omitempty"`
}

// jsonDiagnosis is one finding of explain, rendered in the writer's language.
type jsonDiagnosis struct {
	Code       string             `json:"code"`
	Confidence explain.Confidence `json:"confidence"`
	Severity   catalog.Severity   `json:"severity"`
	Title      string             `json:"title"`
	Detail     string             `json:"detail"`
	Fix        string             `json:"fix"`
	Commands   []string           `json:"commands"`
	Params     map[string]string  `json:"params"`
	Quote      string             `json:"quote,omitempty"`
	Anchor     string             `json:"anchor,omitempty"`
}

func toJSONDiagnosis(d explain.Diagnosis, lang catalog.Lang) jsonDiagnosis {
	rd := render(d.Finding, lang)
	params := d.Finding.Params
	if params == nil {
		params = map[string]string{}
	}
	cmds := rd.Commands
	if cmds == nil {
		cmds = []string{}
	}
	return jsonDiagnosis{Code: d.Finding.Code, Confidence: d.Confidence, Severity: d.Finding.Severity,
		Title: rd.Title, Detail: rd.Detail, Fix: rd.Fix, Commands: cmds, Params: params, Quote: d.Finding.Quote, Anchor: rd.Anchor}
}

func explainJSON(b *bytes.Buffer, res explain.Result, lang catalog.Lang) error {
	doc := jsonExplain{SchemaVersion: 1, Lang: lang, Recognised: res.Primary != nil, Findings: []jsonDiagnosis{}, Evidence: filledEvidence(res.Evidence)}
	if res.Primary != nil {
		p := toJSONDiagnosis(*res.Primary, lang)
		doc.Primary = &p
	} else {
		doc.Message = etr(lang, exNothingTitle) + " " + etr(lang, exNothingBody)
	}
	for _, d := range res.Findings {
		doc.Findings = append(doc.Findings, toJSONDiagnosis(d, lang))
	}
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// filledEvidence has empty lists where ev has none, so the JSON holds []
// rather than null.
func filledEvidence(ev explain.Evidence) explain.Evidence {
	for _, l := range []*[]string{&ev.AADSTS, &ev.KeyVaultCodes, &ev.HTTPStatuses, &ev.TraceIDs, &ev.CorrelationIDs,
		&ev.RequestIDs, &ev.Timestamps, &ev.TenantIDs, &ev.ClientIDs, &ev.Hosts, &ev.Resources, &ev.Clouds} {
		if *l == nil {
			*l = []string{}
		}
	}
	if ev.Credentials == nil {
		ev.Credentials = []explain.CredentialLine{}
	}
	return ev
}
