// Command kvdoctor finds out why an app cannot read a secret from Azure Key
// Vault, and says how to fix it.
package main

import (
	"os"

	"github.com/mattn/go-isatty"

	"github.com/kvdoctor/kvdoctor/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.IO{
		In:           os.Stdin,
		Out:          os.Stdout,
		Err:          os.Stderr,
		Getenv:       os.Getenv,
		IsTerminal:   isatty.IsTerminal(os.Stdout.Fd()),
		InIsTerminal: isatty.IsTerminal(os.Stdin.Fd()),
	}))
}
