package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/kvdoctor/kvdoctor/report"
)

const renderUsage = `Usage: kvdoctor render REPORT.json [--format text|markdown|json] [--lang en|zh-CN] [--no-color] [--verbose]

Shows a report saved with --output FILE.json again, in another format or
language: a support engineer can read a customer's report in their own
language. Flags may stand before or after the file.
`

func runRender(args []string, stdio IO) int {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	format := fs.String("format", "text", "")
	lang := fs.String("lang", "", "")
	noColor := fs.Bool("no-color", false, "")
	verbose := fs.Bool("verbose", false, "")
	rest, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdio.Out, renderUsage)
		return ExitOK
	}
	if err == nil && len(rest) != 1 {
		err = usagef("render takes exactly one REPORT.json file")
	}
	if err != nil {
		return usageFail(stdio, err, "kvdoctor render --help")
	}
	f, ok := report.ParseFormat(*format)
	if !ok {
		return usageFail(stdio, usagef("--format %q: want text, markdown or json", *format), "kvdoctor render --help")
	}
	l, err := resolveLang(*lang, stdio.Getenv)
	if err != nil {
		return usageFail(stdio, err, "kvdoctor render --help")
	}
	file, err := os.Open(rest[0])
	if err != nil {
		return usageFail(stdio, usagef("cannot read %s: %v", rest[0], errors.Unwrap(err)), "kvdoctor render --help")
	}
	defer file.Close()
	rep, err := report.ReadJSON(file)
	if err != nil {
		return usageFail(stdio, usagef("%s: %v", rest[0], err), "kvdoctor render --help")
	}
	opts := report.Options{Lang: l, Verbose: *verbose, Color: useColor(stdio, *noColor)}
	if err := report.Write(stdio.Out, f, rep, opts); err != nil {
		fmt.Fprintf(stdio.Err, "kvdoctor: write report: %v\n", err)
		return ExitInternal
	}
	return ExitOK
}
