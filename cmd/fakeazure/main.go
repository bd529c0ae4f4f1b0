// Command fakeazure runs the Azure emulator as a process, for real clients
// in other languages: an HTTPS proxy serving Entra ID and Key Vault for the
// hosts of one world file. See docs/emulator.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/kvdoctor/kvdoctor/internal/fakeazure"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run parses flags, starts the emulator, prints the two client settings and
// serves until ctx ends. It returns the exit code: 2 for a bad flag or world.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fakeazure", flag.ContinueOnError)
	fs.SetOutput(stderr)
	worldFile := fs.String("world", "", "world `FILE` (JSON) to emulate")
	addr := fs.String("addr", "127.0.0.1:0", "proxy listen `address`")
	caDir := fs.String("ca", "", "`DIR` holding the CA (ca.pem, ca-key.pem); created if missing, reused if present")
	logFile := fs.String("log", "", "write one JSON line per request to `FILE`")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *worldFile == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "fakeazure: -world FILE is required (and nothing else on the command line)")
		return 2
	}
	world, err := fakeazure.LoadWorld(*worldFile)
	if err != nil {
		var ve *fakeazure.ValidationError
		if errors.As(err, &ve) {
			fmt.Fprintf(stderr, "fakeazure: invalid world %s\n", ve)
		} else {
			fmt.Fprintf(stderr, "fakeazure: %v\n", err)
		}
		return 2
	}
	opts := fakeazure.Options{Addr: *addr, CADir: *caDir}
	if opts.CADir == "" {
		tmp, err := os.MkdirTemp("", "fakeazure-ca-")
		if err != nil {
			fmt.Fprintf(stderr, "fakeazure: create CA directory: %v\n", err)
			return 1
		}
		defer os.RemoveAll(tmp)
		opts.CADir = tmp
	}
	if *logFile != "" {
		f, err := os.OpenFile(*logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			fmt.Fprintf(stderr, "fakeazure: open log: %v\n", err)
			return 2
		}
		defer f.Close()
		opts.Log = f
	}
	srv, err := fakeazure.Listen(world, opts)
	if err != nil {
		fmt.Fprintf(stderr, "fakeazure: %v\n", err)
		return 1
	}
	defer srv.Close()
	caFile, err := filepath.Abs(filepath.Join(opts.CADir, fakeazure.CACertFile))
	if err != nil {
		fmt.Fprintf(stderr, "fakeazure: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "HTTPS_PROXY=%s\nSSL_CERT_FILE=%s\n", srv.ProxyURL(), caFile)
	<-ctx.Done()
	return 0
}
