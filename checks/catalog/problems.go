package catalog

// Problem codes: what is wrong with a configured value. Checks put one in
// the problem parameter; Render shows it as a phrase in the report's
// language, so the JSON keeps the code and any language can be rendered.
const (
	// ProblemNotGUID: a tenant or client id that is not a GUID.
	ProblemNotGUID = "not-guid"
	// ProblemQuoted: the value is wrapped in quotation marks.
	ProblemQuoted = "quoted"
	// ProblemWhitespace: leading or trailing spaces.
	ProblemWhitespace = "whitespace"
	// ProblemNewline: a line break inside the value.
	ProblemNewline = "newline"
	// ProblemPlaceholder: a placeholder left from a sample or template.
	ProblemPlaceholder = "placeholder"
	// ProblemEmpty: set, but empty.
	ProblemEmpty = "empty"
	// ProblemNoScheme: an authority host without https://.
	ProblemNoScheme = "no-scheme"
	// ProblemHTTPScheme: an authority host with http://.
	ProblemHTTPScheme = "http-scheme"
	// ProblemUnknownHost: an authority host that is no cloud's sign-in host.
	ProblemUnknownHost = "unknown-host"
	// ProblemHasPath: an authority host followed by a path.
	ProblemHasPath = "has-path"
	// ProblemNotATenant: a tenant that is neither a GUID nor a domain (AADSTS900023).
	ProblemNotATenant = "not-a-tenant"
	// ProblemFileMissing: a certificate or federated token file that cannot be read.
	ProblemFileMissing = "file-missing"
	// ProblemPasswordMissing: a password the credential needs is not set.
	ProblemPasswordMissing = "password-missing"
)

// ProblemCodes lists every problem code the catalogue can phrase.
var ProblemCodes = []string{
	ProblemNotGUID, ProblemQuoted, ProblemWhitespace, ProblemNewline,
	ProblemPlaceholder, ProblemEmpty, ProblemNoScheme, ProblemHTTPScheme,
	ProblemUnknownHost, ProblemHasPath, ProblemNotATenant, ProblemFileMissing,
	ProblemPasswordMissing,
}

var problems = map[string]Text{
	ProblemNotGUID: {
		EN: "the value is not a GUID (the form 00000000-0000-0000-0000-000000000000)",
		ZH: "值不是 GUID（格式应为 00000000-0000-0000-0000-000000000000）",
	},
	ProblemQuoted: {
		EN: "the value is wrapped in quotation marks, which became part of it",
		ZH: "值带有引号，引号成了值的一部分",
	},
	ProblemWhitespace: {
		EN: "the value begins or ends with spaces",
		ZH: "值的开头或结尾有空格",
	},
	ProblemNewline: {
		EN: "the value contains a line break (often a carriage return from a file saved on Windows)",
		ZH: "值包含换行符（通常是在 Windows 上保存的文件带入的回车符）",
	},
	ProblemPlaceholder: {
		EN: "the value is still a placeholder from a sample or template",
		ZH: "值仍是示例或模板中的占位符",
	},
	ProblemEmpty: {
		EN: "the variable is set but empty",
		ZH: "变量已设置，但值为空",
	},
	ProblemNoScheme: {
		EN: "the value has no https:// in front; Python's azure-identity accepts a bare host, but the Go and .NET libraries refuse it",
		ZH: "值前面缺少 https://；Python 的 azure-identity 接受不带前缀的主机名，但 Go 和 .NET 库会拒绝该值",
	},
	ProblemHTTPScheme: {
		EN: "the value starts with http://, and an authority must use https://",
		ZH: "值以 http:// 开头，而颁发机构必须使用 https://",
	},
	ProblemUnknownHost: {
		EN: "its host is the sign-in host of no Azure cloud",
		ZH: "其主机不是任何 Azure 云的登录主机",
	},
	ProblemHasPath: {
		EN: "the value has a path after the host; give only https:// and the host",
		ZH: "值在主机后面带有路径；只需提供 https:// 和主机名",
	},
	ProblemNotATenant: {
		EN: "the value is neither a tenant GUID nor a domain name, so Microsoft Entra ID refuses it as a tenant (AADSTS900023)",
		ZH: "值既不是租户 GUID，也不是域名，因此 Microsoft Entra ID 不接受其作为租户（AADSTS900023）",
	},
	ProblemFileMissing: {
		EN: "the file it names does not exist or cannot be read",
		ZH: "它指向的文件不存在或无法读取",
	},
	ProblemPasswordMissing: {
		EN: "a password the credential needs is not set (AZURE_CLIENT_CERTIFICATE_PASSWORD for an encrypted certificate, AZURE_PASSWORD with AZURE_USERNAME)",
		ZH: "未设置凭据所需的密码（加密的证书需要 AZURE_CLIENT_CERTIFICATE_PASSWORD，AZURE_USERNAME 需要配合 AZURE_PASSWORD）",
	},
}

// ProblemText is the phrase for a problem code in lang; an unknown code is
// returned as it is.
func ProblemText(code string, lang Lang) string {
	if t, ok := problems[code]; ok {
		return t.In(lang)
	}
	return code
}
