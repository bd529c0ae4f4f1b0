package catalog

import (
	"regexp"
	"testing"
)

// chineseTexts lists every Chinese string of the catalogue by where it is,
// rendered with every parameter and with none, so both ways an optional
// segment can go are held to the style.
func chineseTexts() map[string]string {
	out := map[string]string{}
	for _, e := range All() {
		for name, params := range map[string]map[string]string{"all": allParams(), "none": nil} {
			r := e.Render(Chinese, params)
			for field, s := range map[string]string{"Title": r.Title, "Meaning": r.Detail, "Fix": r.Fix, "Verified": r.Verified} {
				if s != "" {
					out[e.Slug+"."+field+" ("+name+" params)"] = s
				}
			}
		}
	}
	for code, txt := range problems {
		out["problem "+code] = txt.ZH
	}
	for id, txt := range checkTitles {
		out["check "+id] = txt.ZH
	}
	return out
}

// TestChineseStyle holds the Chinese to the style of Microsoft's zh-CN docs
// (glossary-zh-CN.md): a space between Chinese and Latin letters or digits,
// full-width punctuation and curly quotes in prose, Microsoft's own terms.
func TestChineseStyle(t *testing.T) {
	t.Parallel()
	rules := []struct {
		name string
		bad  *regexp.Regexp
	}{
		{"no space before Latin", regexp.MustCompile(`\p{Han}[A-Za-z0-9<]`)},
		{"no space after Latin", regexp.MustCompile(`[A-Za-z0-9>]\p{Han}`)},
		{"double space", regexp.MustCompile(`  `)},
		{"space beside full-width punctuation", regexp.MustCompile(`[ ][，。：；、（）“”]|[，。：；、（“] `)},
		{"half-width punctuation beside Chinese", regexp.MustCompile(`\p{Han}[,;:!?]|[,;:]\p{Han}`)},
		{"straight quotes", regexp.MustCompile(`"`)},
		{"avoided term", regexp.MustCompile(`密钥库|秘密|凭证|端点|托管身份|访问群体|观众|存取|签入|节流|您`)},
	}
	for where, s := range chineseTexts() {
		for _, r := range rules {
			if m := r.bad.FindString(s); m != "" {
				t.Errorf("%s: %s: %q in %q", where, r.name, m, s)
			}
		}
	}
}
