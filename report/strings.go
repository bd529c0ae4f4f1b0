package report

import (
	"fmt"

	"github.com/kvdoctor/kvdoctor/checks"
	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// msg names one fixed string of the writers.
type msg int

// The fixed strings. Each has an English and a Chinese text in messages;
// format verbs must match between the two.
const (
	msgStatusPass msg = iota
	msgStatusWarn
	msgStatusFail
	msgStatusSkip
	msgSeverityError
	msgSeverityWarning
	msgSeverityInfo
	msgSecret
	msgBlockedBy
	msgAssuming
	msgAzureSaid
	msgFix
	msgVerified
	msgDocs
	msgRequests
	msgFacts
	msgNoResponse
	msgRequestError
	msgCommit
	msgSummary
	msgReportTitle
	msgField
	msgValue
	msgTool
	msgOSArch
	msgGo
	msgStarted
	msgDuration
	msgVault
	msgCloud
	msgSecretName
	msgProxy
	msgClientAddress
	msgSummaryHeading
	msgCheck
	msgStatus
	msgFinding
	msgNoFindings
	msgCheckSeverity
	msgAzureAnswer
	msgEvidence
	msgMethod
	msgHost
	msgPath
	msgTraceID
	msgCorrelationID
	msgTimestamp
	msgDetailsHeading
	msgName
	msgRedactedNone
	msgRedactedIDs
	msgAssumingMD
	msgVerifiedShort
	msgVersionCommit
	msgListSep
	msgBlockedByMD
	msgVerifiedMD
	msgDocsMD
	msgFixMD
	msgCount
)

// messages holds every fixed string in English and Chinese.
var messages = [msgCount]catalog.Text{
	msgStatusPass:      {EN: "pass", ZH: "通过"},
	msgStatusWarn:      {EN: "warn", ZH: "警告"},
	msgStatusFail:      {EN: "fail", ZH: "失败"},
	msgStatusSkip:      {EN: "skip", ZH: "已跳过"},
	msgSeverityError:   {EN: "error", ZH: "错误"},
	msgSeverityWarning: {EN: "warning", ZH: "警告"},
	msgSeverityInfo:    {EN: "info", ZH: "信息"},
	msgSecret:          {EN: "secret %s", ZH: "机密 %s"},
	msgBlockedBy:       {EN: "skipped, blocked by %s", ZH: "已跳过，因为“%s”未通过"},
	msgAssuming:        {EN: "assuming the fix for %s", ZH: "假定已应用 %s 的修复"},
	msgAzureSaid:       {EN: "Azure said:", ZH: "Azure 返回："},
	msgFix:             {EN: "Fix", ZH: "解决方法"},
	msgVerified:        {EN: "verified: %s", ZH: "已验证：%s"},
	msgDocs:            {EN: "docs: %s", ZH: "文档：%s"},
	msgRequests:        {EN: "Requests", ZH: "请求"},
	msgFacts:           {EN: "Facts", ZH: "观察到的值"},
	msgNoResponse:      {EN: "no response", ZH: "无响应"},
	msgRequestError:    {EN: "error: %s", ZH: "错误：%s"},
	msgCommit:          {EN: "commit %s", ZH: "提交 %s"},
	msgSummary: {
		EN: "Result: %s — %d failed, %d with warnings, %d skipped, %d passed (%s).",
		ZH: "结果：%s（%d 项失败，%d 项有警告，%d 项已跳过，%d 项通过，用时 %s）。",
	},
	msgReportTitle:    {EN: "kvdoctor report", ZH: "kvdoctor 诊断报告"},
	msgField:          {EN: "Field", ZH: "项目"},
	msgValue:          {EN: "Value", ZH: "值"},
	msgTool:           {EN: "kvdoctor version", ZH: "kvdoctor 版本"},
	msgOSArch:         {EN: "OS/architecture", ZH: "操作系统/体系结构"},
	msgGo:             {EN: "Go version", ZH: "Go 版本"},
	msgStarted:        {EN: "Started (UTC)", ZH: "开始时间 (UTC)"},
	msgDuration:       {EN: "Duration", ZH: "用时"},
	msgVault:          {EN: "Key vault", ZH: "密钥保管库"},
	msgCloud:          {EN: "Cloud", ZH: "云"},
	msgSecretName:     {EN: "Secret", ZH: "机密"},
	msgProxy:          {EN: "Proxy", ZH: "代理服务器"},
	msgClientAddress:  {EN: "Client address (as Key Vault saw it)", ZH: "客户端地址（Key Vault 所见）"},
	msgSummaryHeading: {EN: "Summary", ZH: "摘要"},
	msgCheck:          {EN: "Check", ZH: "检查"},
	msgStatus:         {EN: "Status", ZH: "状态"},
	msgFinding:        {EN: "Findings", ZH: "发现的问题"},
	msgNoFindings:     {EN: "No findings.", ZH: "未发现问题。"},
	msgCheckSeverity:  {EN: "Check: %s · severity: %s", ZH: "检查：%s · 严重性：%s"},
	msgAzureAnswer:    {EN: "Azure's own words:", ZH: "Azure 返回的原始错误消息："},
	msgEvidence:       {EN: "Evidence: the requests of this check", ZH: "证据：此检查发出的请求"},
	msgMethod:         {EN: "Method", ZH: "方法"},
	msgHost:           {EN: "Host", ZH: "主机"},
	msgPath:           {EN: "Path", ZH: "路径"},
	msgTraceID:        {EN: "Trace ID", ZH: "Trace ID"},
	msgCorrelationID:  {EN: "Correlation ID", ZH: "Correlation ID"},
	msgTimestamp:      {EN: "Timestamp", ZH: "时间戳"},
	msgDetailsHeading: {EN: "Details by check", ZH: "各项检查的详细信息"},
	msgName:           {EN: "Name", ZH: "名称"},
	msgRedactedNone: {
		EN: "Redaction: kvdoctor never records client secrets, certificate private keys, passwords, tokens or secret values, so none of them is in this report. Tenant, application, object and request ids, the key vault name and the client address are shown because support needs them; run kvdoctor with --redact before posting this report in public.",
		ZH: "脱敏说明：kvdoctor 从不记录客户端密码、证书私钥、密码、令牌或机密值，因此本报告中不包含这些内容。租户 ID、应用程序(客户端) ID、对象 ID、请求 ID、密钥保管库名称和客户端地址会按原样显示，因为技术支持需要这些信息；若要公开发布本报告，请使用 --redact 重新运行 kvdoctor。",
	},
	msgRedactedIDs: {
		EN: "Redaction: kvdoctor never records client secrets, certificate private keys, passwords, tokens or secret values, so none of them is in this report. With --redact, every id (tenant, application, object, request, trace and correlation ids) is cut to its first 8 characters, the key vault name is shortened, and the client address, other IP addresses, user names and proxy hosts are replaced with placeholders.",
		ZH: "脱敏说明：kvdoctor 从不记录客户端密码、证书私钥、密码、令牌或机密值，因此本报告中不包含这些内容。由于使用了 --redact，所有 ID（租户 ID、应用程序(客户端) ID、对象 ID、请求 ID、Trace ID 和 Correlation ID）仅保留前 8 个字符，密钥保管库名称已缩短，客户端地址、其他 IP 地址、用户名和代理服务器主机已替换为占位符。",
	},
	msgVerifiedShort: {EN: " (✓ verified)", ZH: "（✓ 已验证）"},
	msgVersionCommit: {EN: "%s (commit %s)", ZH: "%s（提交 %s）"},
	msgListSep:       {EN: "; ", ZH: "；"},
	msgAssumingMD:    {EN: "This check ran assuming the fix for %s.", ZH: "此检查在假定已应用 %s 的修复的前提下运行。"},
	msgBlockedByMD:   {EN: "Skipped, blocked by %s.", ZH: "已跳过，因为“%s”未通过。"},
	msgVerifiedMD:    {EN: "✓ **Verified:** %s", ZH: "✓ **已验证**：%s"},
	msgDocsMD:        {EN: "Documentation: %s", ZH: "文档：%s"},
	msgFixMD:         {EN: "**Fix:** %s", ZH: "**解决方法**：%s"},
}

// tr returns the fixed string m in lang, formatted with args.
func tr(lang catalog.Lang, m msg, args ...any) string {
	s := messages[m].In(lang)
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// langOf is the language of opt, English when unset.
func langOf(opt Options) catalog.Lang {
	if opt.Lang == catalog.Chinese {
		return catalog.Chinese
	}
	return catalog.English
}

// statusWord is the localised name of a status.
func statusWord(lang catalog.Lang, s checks.Status) string {
	switch s {
	case checks.Pass:
		return tr(lang, msgStatusPass)
	case checks.Warn:
		return tr(lang, msgStatusWarn)
	case checks.Fail:
		return tr(lang, msgStatusFail)
	case checks.Skip:
		return tr(lang, msgStatusSkip)
	}
	return string(s)
}

// severityWord is the localised name of a severity.
func severityWord(lang catalog.Lang, s catalog.Severity) string {
	switch s {
	case catalog.Error:
		return tr(lang, msgSeverityError)
	case catalog.Warning:
		return tr(lang, msgSeverityWarning)
	case catalog.Info:
		return tr(lang, msgSeverityInfo)
	}
	return string(s)
}
