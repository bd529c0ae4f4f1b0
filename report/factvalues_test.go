package report

import (
	"testing"
	"unicode"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// TestFactPhrasesInChinese: every phrase the checks write into facts reads
// in Chinese, keeping its data.
func TestFactPhrasesInChinese(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, en, want string }{
		{"secret length", "set, 40 characters", "已设置，共 40 个字符"},
		{"not an id", "set, 23 characters, not an id", "已设置，共 23 个字符，不是 ID"},
		{"probe", "get on a random name that cannot exist: kvdoctor-probe-ab12", "对不可能存在的随机名称执行 get：kvdoctor-probe-ab12"},
		{"proxy", "http://127.0.0.1:3128 (HTTPS_PROXY applies to v.vault.azure.cn)", "http://127.0.0.1:3128（HTTPS_PROXY 适用于 v.vault.azure.cn）"},
		{"tls", "TLS 1.3, certificate issued to v.vault.azure.cn by DigiCert", "TLS 1.3，证书颁发给 v.vault.azure.cn，颁发者为 DigiCert"},
		{"data stays", "https://vault.azure.cn", "https://vault.azure.cn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := factValue(catalog.Chinese, tt.en); got != tt.want {
				t.Errorf("factValue(zh-CN, %q) = %q, want %q", tt.en, got, tt.want)
			}
			if got := factValue(catalog.English, tt.en); got != tt.en {
				t.Errorf("English changed: %q", got)
			}
		})
	}
	for _, p := range factPhrases {
		han := false
		for _, r := range p.zh {
			han = han || unicode.Is(unicode.Han, r)
		}
		if !han {
			t.Errorf("phrase %s has no Chinese", p.en)
		}
	}
}
