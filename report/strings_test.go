package report

import (
	"regexp"
	"slices"
	"testing"
)

var verb = regexp.MustCompile(`%[-+# 0]*[0-9]*[a-zA-Z%]`)

// TestMessagesInEveryLanguage fails on a fixed string missing a language,
// or whose translations take different arguments.
func TestMessagesInEveryLanguage(t *testing.T) {
	for m := range msgCount {
		text := messages[m]
		if text.EN == "" || text.ZH == "" {
			t.Errorf("message %d: English %q, Chinese %q: both are needed", m, text.EN, text.ZH)
			continue
		}
		en, zh := verb.FindAllString(text.EN, -1), verb.FindAllString(text.ZH, -1)
		if !slices.Equal(en, zh) {
			t.Errorf("message %q: verbs %v in English, %v in Chinese", text.EN, en, zh)
		}
	}
}

// TestChineseStyle checks the house style of the Chinese strings: no ASCII
// colon or comma right after Chinese text, no space next to full-width
// punctuation.
func TestChineseStyle(t *testing.T) {
	bad := regexp.MustCompile(`\p{Han}[:,;]|[，。：；（）、] | [，。：；（）、]`)
	for m := range msgCount {
		if s := bad.FindString(messages[m].ZH); s != "" {
			t.Errorf("message %q: %q breaks the Chinese house style", messages[m].ZH, s)
		}
	}
}
