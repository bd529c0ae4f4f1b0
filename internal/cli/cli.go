// Package cli is kvdoctor's command line: flag parsing, subcommands and exit
// codes. Nothing else in kvdoctor touches os.Stdout or os.Exit.
package cli

import (
	"fmt"
	"io"
	"net/http"
	"os"
)

// Exit codes.
const (
	ExitOK       = 0 // no check failed (warnings allowed); explain recognised something
	ExitFindings = 1 // a check failed; explain recognised nothing
	ExitUsage    = 2 // bad flag or value
	ExitInternal = 3 // kvdoctor itself broke
)

// IO is what a command reads and writes, swapped for buffers in tests.
type IO struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	Getenv func(string) string
	// Transport, when set, replaces the default transport (the environment's
	// proxy and the system roots): the demo and in-process tests use the
	// emulator's.
	Transport *http.Transport
	// InIsTerminal says whether In is a terminal: explain then says how to
	// end pasted text instead of waiting in silence.
	InIsTerminal bool
	// IsTerminal says whether Out is a terminal (colour is only used there).
	IsTerminal bool
}

// usageError is a bad flag or value: one line, then the usage hint, exit 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// Run runs kvdoctor with args (without the program name) and returns the
// exit code. A panic anywhere is kvdoctor's own failure: one line, exit 3,
// no stack trace.
func Run(args []string, stdio IO) (code int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(stdio.Err, "kvdoctor: internal error: %v (please report it)\n", p)
			code = ExitInternal
		}
	}()
	if stdio.Getenv == nil {
		stdio.Getenv = os.Getenv
	}
	if len(args) > 0 {
		switch args[0] {
		case "explain":
			return runExplain(args[1:], stdio)
		case "render":
			return runRender(args[1:], stdio)
		case "demo":
			return runDemo(args[1:], stdio)
		}
	}
	return runDiagnose(args, stdio)
}
