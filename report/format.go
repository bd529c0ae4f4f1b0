package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/kvdoctor/kvdoctor/checks"
	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// Format is an output format of a report.
type Format string

// The formats kvdoctor writes.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatJSON     Format = "json"
)

// Formats lists every format, in the order the help text names them.
var Formats = []Format{FormatText, FormatMarkdown, FormatJSON}

// ParseFormat accepts a format name as given to --format (text, markdown or
// md, json), in any case.
func ParseFormat(s string) (Format, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "text", "txt":
		return FormatText, true
	case "markdown", "md":
		return FormatMarkdown, true
	case "json":
		return FormatJSON, true
	}
	return "", false
}

// FormatForPath is the format of a report file, from its extension:
// .txt, .md or .markdown, .json.
func FormatForPath(path string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt":
		return FormatText, true
	case ".md", ".markdown":
		return FormatMarkdown, true
	case ".json":
		return FormatJSON, true
	}
	return "", false
}

// Options are the choices a writer takes from the command line.
type Options struct {
	// Lang is the language of every text: catalogue and fixed strings.
	Lang catalog.Lang
	// Color turns on ANSI colours in the text format; the caller decides
	// (a terminal, no NO_COLOR, no --no-color).
	Color bool
	// Verbose adds the header, requests and facts to the text format.
	// Markdown and JSON always hold everything.
	Verbose bool
}

// Write writes r to w in format f.
func Write(w io.Writer, f Format, r checks.Report, opt Options) error {
	switch f {
	case FormatText:
		return NewText(w, opt).Print(r)
	case FormatMarkdown:
		return NewMarkdown(w, opt).Print(r)
	case FormatJSON:
		return NewJSON(w, opt).Print(r)
	}
	return fmt.Errorf("unknown report format %q (want text, markdown or json)", string(f))
}
