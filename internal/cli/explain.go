package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/kvdoctor/kvdoctor/internal/explain"
	"github.com/kvdoctor/kvdoctor/report"
)

const explainUsage = `Usage: kvdoctor explain [FILE|-] [--format text|markdown|json] [--lang en|zh-CN] [--no-color]

Reads the error text an app printed (a log, a DefaultAzureCredential dump,
az, Terraform or PowerShell output) from FILE, or from standard input when
FILE is - or missing, and says offline, with no credentials, what happened,
the most likely cause, the fix and what else to check. Flags may stand
before or after the file.

Exit status: 0 when something was recognised, 1 when nothing was, 2 on
usage errors.
`

const explainHint = "kvdoctor explain --help"

func runExplain(args []string, stdio IO) int {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	format := fs.String("format", "text", "")
	lang := fs.String("lang", "", "")
	noColor := fs.Bool("no-color", false, "")
	rest, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdio.Out, explainUsage)
		return ExitOK
	}
	if err == nil && len(rest) > 1 {
		err = usagef("explain takes one FILE (or - for standard input), got %d", len(rest))
	}
	if err != nil {
		return usageFail(stdio, err, explainHint)
	}
	f, ok := report.ParseFormat(*format)
	if !ok {
		return usageFail(stdio, usagef("--format %q: want text, markdown or json", *format), explainHint)
	}
	l, err := resolveLang(*lang, stdio.Getenv)
	if err != nil {
		return usageFail(stdio, err, explainHint)
	}
	if (len(rest) == 0 || rest[0] == "-") && stdio.InIsTerminal {
		fmt.Fprintln(stdio.Err, "Paste the error text, then press Ctrl-D on a line of its own.")
	}
	text, err := readExplainInput(rest, stdio.In)
	if err != nil {
		fmt.Fprintf(stdio.Err, "kvdoctor: %v\n", err)
		return ExitUsage
	}
	res := explain.Explain(text)
	opts := report.Options{Lang: l, Color: useColor(stdio, *noColor)}
	if err := report.WriteExplain(stdio.Out, f, res, opts); err != nil {
		fmt.Fprintf(stdio.Err, "kvdoctor: write explanation: %v\n", err)
		return ExitInternal
	}
	if !res.Recognised() {
		return ExitFindings
	}
	return ExitOK
}

// readExplainInput reads the file named, or standard input for "-" or no
// name, up to explain.MaxInput bytes and one more to notice truncation.
func readExplainInput(rest []string, stdin io.Reader) ([]byte, error) {
	if len(rest) == 0 || rest[0] == "-" {
		if stdin == nil {
			return nil, nil
		}
		b, err := io.ReadAll(io.LimitReader(stdin, explain.MaxInput+1))
		if err != nil {
			return nil, fmt.Errorf("cannot read standard input: %w", err)
		}
		return b, nil
	}
	file, err := os.Open(rest[0])
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", rest[0], unwrapPathError(err))
	}
	defer file.Close()
	b, err := io.ReadAll(io.LimitReader(file, explain.MaxInput+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", rest[0], unwrapPathError(err))
	}
	return b, nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
