package catalog

import (
	"fmt"
	"regexp"
	"strings"
)

// docLabels are the fixed strings of docs/findings.md.
var docLabels = struct {
	severity, check, meaning, fix, verified, explainOnly Text
}{
	severity:    Text{EN: "Severity", ZH: "严重性"},
	check:       Text{EN: "Check", ZH: "检查"},
	meaning:     Text{EN: "What it means", ZH: "含义"},
	fix:         Text{EN: "Fix", ZH: "解决方法"},
	verified:    Text{EN: "When kvdoctor verified the fix", ZH: "kvdoctor 验证修复后"},
	explainOnly: Text{EN: "none: found by kvdoctor explain only", ZH: "无：仅由 kvdoctor explain 报告"},
}

var severityNames = map[Severity]Text{
	Error:   {EN: "error", ZH: "错误"},
	Warning: {EN: "warning", ZH: "警告"},
	Info:    {EN: "info", ZH: "信息"},
}

const findingsDocIntro = `# Findings

<!-- Generated from checks/catalog; do not edit. Run: go test ./checks/catalog -run TestFindingsDoc -update -->

Every problem kvdoctor reports is a finding with a stable slug; each report links to the slug's
section below. In a real report the values in angle brackets, such as ` + "`<vault>`" + `, are filled in
from what kvdoctor found. The commands are for a POSIX shell and start by pointing the Azure CLI
at the vault's cloud (` + "`az cloud set -n AzureChinaCloud`" + ` for Azure China).

kvdoctor 报告的每个问题都是一个具有固定标识 (slug) 的诊断结果，报告中的链接指向下面对应的章节。在实际报告中，尖括号中的值（例如 ` + "`<vault>`" + `）会替换为 kvdoctor 检测到的值。命令适用于 POSIX shell，并首先将 Azure CLI 切换到保管库所在的云（Azure 中国区为 ` + "`az cloud set -n AzureChinaCloud`" + `）。

`

// FindingsMarkdown renders docs/findings.md from the catalogue: an index,
// then one section per slug (its heading is the slug, so the GitHub anchor
// is the slug), in English and then in Chinese, then the problem codes.
// Placeholders show as <name>.
func FindingsMarkdown() string {
	var b strings.Builder
	b.WriteString(findingsDocIntro)
	b.WriteString("| Slug | Severity | Check | Title |\n|---|---|---|---|\n")
	for _, e := range entries {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s |\n", e.Slug, e.Slug, e.Severity, checkCell(e.Check), e.Title.EN)
	}
	for _, e := range entries {
		fmt.Fprintf(&b, "\n## %s\n", e.Slug)
		for _, lang := range Langs {
			writeDocSection(&b, e, lang)
		}
	}
	b.WriteString("\n## Problem codes\n\n")
	b.WriteString("The parameter `problem` of `env-malformed` and `authority-invalid` is one of these codes; reports show its phrase.\n\n")
	b.WriteString("`env-malformed` 和 `authority-invalid` 的 `problem` 参数取以下代码之一；报告中显示对应的说明。\n\n")
	b.WriteString("| Code | English | 中文 |\n|---|---|---|\n")
	for _, code := range ProblemCodes {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", code, ProblemText(code, English), ProblemText(code, Chinese))
	}
	return b.String()
}

func checkCell(id string) string {
	if id == "" {
		return "explain"
	}
	return "`" + id + "`"
}

func writeDocSection(b *strings.Builder, e Entry, lang Lang) {
	prose := e.Render(lang, docPlaceholders)
	check := docLabels.explainOnly.In(lang)
	if e.Check != "" {
		check = fmt.Sprintf("`%s` (%s)", e.Check, CheckTitle(e.Check, lang))
		if lang == Chinese {
			check = fmt.Sprintf("`%s`（%s）", e.Check, CheckTitle(e.Check, lang))
		}
	}
	colon := ": "
	if lang == Chinese {
		colon = "："
	}
	fmt.Fprintf(b, "\n**%s**\n\n", docProse(prose.Title))
	fmt.Fprintf(b, "%s%s%s · %s%s%s\n\n", docLabels.severity.In(lang), colon, severityNames[e.Severity].In(lang),
		docLabels.check.In(lang), colon, check)
	fmt.Fprintf(b, "%s%s%s\n\n", docLabels.meaning.In(lang), colon, docProse(prose.Detail))
	fmt.Fprintf(b, "%s%s%s\n", docLabels.fix.In(lang), colon, docProse(prose.Fix))
	if lang == English && len(e.Commands) > 0 {
		cmds := e.Render(lang, nil).Commands
		fmt.Fprintf(b, "\n```sh\n%s\n```\n", strings.Join(cmds, "\n"))
	}
	if prose.Verified != "" {
		fmt.Fprintf(b, "\n%s%s%s\n", docLabels.verified.In(lang), colon, docProse(prose.Verified))
	}
}

// docPlaceholders fills every parameter with a marker that docProse turns
// into `<name>` once the prose is escaped.
var docPlaceholders = func() map[string]string {
	m := make(map[string]string, len(ParamNames))
	for _, n := range ParamNames {
		m[n] = "\x00" + n + "\x00"
	}
	return m
}()

var docMarker = regexp.MustCompile("\x00([A-Za-z0-9]+)\x00")

// docProse escapes what Markdown would read as HTML and shows placeholders
// as code.
func docProse(s string) string {
	s = strings.ReplaceAll(s, "<", "&lt;")
	return docMarker.ReplaceAllString(s, "`<$1>`")
}
