package report

import (
	"regexp"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// factPhrases are the fixed phrases the checks write into fact values, with
// their Chinese. The model keeps facts in English, as data; the writers
// show them in the report's language. Anything else in a value (ids, hosts,
// Azure's and Go's own texts) stays as it is.
var factPhrases = []struct {
	en *regexp.Regexp
	zh string
}{
	{regexp.MustCompile(`^set, (\d+) characters$`), "已设置，共 $1 个字符"},
	{regexp.MustCompile(`^set, (\d+) characters, not an id$`), "已设置，共 $1 个字符，不是 ID"},
	{regexp.MustCompile(`^granted$`), "已授予"},
	{regexp.MustCompile(`^granted \(404 for the random name\)$`), "已授予（随机名称返回 404）"},
	{regexp.MustCompile(`^not verified \(decoded only\)$`), "未验证（仅解码）"},
	{regexp.MustCompile(`^get on a random name that cannot exist: (.+)$`), "对不可能存在的随机名称执行 get：$1"},
	{regexp.MustCompile(`^the credential was sent to (\S+) \(--no-verify turns this off\)$`), "凭据已发送到 $1（--no-verify 可关闭此行为）"},
	{regexp.MustCompile(`^cleared: a token was issued with this secret$`), "已排除：使用此客户端密码成功颁发了令牌"},
	{regexp.MustCompile(`^(\S+) \(HTTPS_PROXY applies to (\S+)\)$`), "$1（HTTPS_PROXY 适用于 $2）"},
	{regexp.MustCompile(`^(TLS [0-9.]+|TLS \(old version\)), certificate issued to (.+) by (.+)$`), "$1，证书颁发给 $2，颁发者为 $3"},
	{regexp.MustCompile(`^client secret$`), "客户端密码"},
	{regexp.MustCompile(`^client certificate$`), "客户端证书"},
	{regexp.MustCompile(`^username and password$`), "用户名和密码"},
	{regexp.MustCompile(`^workload identity \(federated token\)$`), "工作负载标识（联合令牌）"},
	{regexp.MustCompile(`^true$`), "是"},
	{regexp.MustCompile(`^false$`), "否"},
}

// factValue is a fact's value in lang.
func factValue(lang catalog.Lang, v string) string {
	if lang != catalog.Chinese {
		return v
	}
	for _, p := range factPhrases {
		if p.en.MatchString(v) {
			return p.en.ReplaceAllString(v, p.zh)
		}
	}
	return v
}
