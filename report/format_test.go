package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestParseFormat(t *testing.T) {
	tests := []struct {
		name, in string
		want     Format
		ok       bool
	}{
		{name: "text", in: "text", want: FormatText, ok: true},
		{name: "markdown", in: "markdown", want: FormatMarkdown, ok: true},
		{name: "md", in: "md", want: FormatMarkdown, ok: true},
		{name: "json upper case", in: "JSON", want: FormatJSON, ok: true},
		{name: "unknown", in: "yaml"},
		{name: "empty", in: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := ParseFormat(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ParseFormat(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestFormatForPath(t *testing.T) {
	tests := []struct {
		name, path string
		want       Format
		ok         bool
	}{
		{name: "txt", path: "out/r.txt", want: FormatText, ok: true},
		{name: "md", path: "r.md", want: FormatMarkdown, ok: true},
		{name: "markdown upper case", path: "R.MARKDOWN", want: FormatMarkdown, ok: true},
		{name: "json", path: "/tmp/r.json", want: FormatJSON, ok: true},
		{name: "no extension", path: "report"},
		{name: "other extension", path: "r.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := FormatForPath(tt.path)
			if got != tt.want || ok != tt.ok {
				t.Errorf("FormatForPath(%q) = %q, %v; want %q, %v", tt.path, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	t.Parallel()
	err := Write(&bytes.Buffer{}, Format("yaml"), fixtureReport(), Options{})
	if err == nil || !strings.Contains(err.Error(), "yaml") {
		t.Errorf("Write(yaml) error = %v", err)
	}
}
