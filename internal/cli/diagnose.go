package cli

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/kvdoctor/kvdoctor/checks"
	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/azcloud"
	"github.com/kvdoctor/kvdoctor/internal/secretmask"
	"github.com/kvdoctor/kvdoctor/report"
)

const diagnoseUsage = `Usage: kvdoctor [flags]
       kvdoctor explain [FILE|-] [flags]    explain an error text your app printed
       kvdoctor render REPORT.json [flags]  show a saved JSON report again
       kvdoctor demo                        run on the built-in Azure emulator

kvdoctor finds out why an app cannot read a secret from Azure Key Vault. Run
it in the same shell as the app: it reads the same AZURE_* variables, asks
Entra ID for a token the way the app does, and checks the vault step by step.
It never prints a client secret, a token or a secret's value.

Flags:
  --vault URL|NAME    the vault: https://NAME.vault.azure.cn, or a bare NAME
                      (default $AZURE_KEYVAULT_URL, else $KEY_VAULT_NAME)
  --cloud NAME        AzureCloud, AzureChinaCloud, AzureUSGovernment
                      (or public, china, usgov); default: from the vault URL,
                      else from $AZURE_AUTHORITY_HOST, else AzureCloud
  --secret NAME       check get on this secret (its state, never its value)
  --scope SCOPE       the token scope the app asks for, if it sets its own
  --format FORMAT     text, markdown or json (default text)
  --output FILE       also write the report to FILE, in the format of its
                      extension (.txt, .md, .json); repeatable
  --lang LANG         en or zh-CN (default from LC_ALL, LC_MESSAGES, LANG)
  --redact            mask ids, vault name and client address, for posting
                      in public
  --timeout DURATION  for the whole run (default 30s)
  --no-verify         do not send the credential to a corrected authority
  --verbose           also show the requests made and the decoded claims
  --no-color          no colour (also: NO_COLOR set, or output not a terminal)
  --version           print the version
  --help              print this help

Exit status: 0 no check failed (warnings allowed), 1 a check failed,
2 usage error, 3 kvdoctor itself failed.
`

// diagnoseOptions are the flags of a diagnosis.
type diagnoseOptions struct {
	vault, cloud, secret, scope string
	format, lang                string
	outputs                     stringList
	redact, noVerify, verbose   bool
	noColor, showVersion        bool
	timeout                     time.Duration
}

func runDiagnose(args []string, stdio IO) int {
	var o diagnoseOptions
	fs := flag.NewFlagSet("kvdoctor", flag.ContinueOnError)
	fs.StringVar(&o.vault, "vault", "", "")
	fs.StringVar(&o.cloud, "cloud", "", "")
	fs.StringVar(&o.secret, "secret", "\x00", "")
	fs.StringVar(&o.scope, "scope", "", "")
	fs.StringVar(&o.format, "format", "text", "")
	fs.StringVar(&o.lang, "lang", "", "")
	fs.Var(&o.outputs, "output", "")
	fs.BoolVar(&o.redact, "redact", false, "")
	fs.BoolVar(&o.noVerify, "no-verify", false, "")
	fs.BoolVar(&o.verbose, "verbose", false, "")
	fs.BoolVar(&o.noColor, "no-color", false, "")
	fs.BoolVar(&o.showVersion, "version", false, "")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Second, "")
	rest, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdio.Out, diagnoseUsage)
		return ExitOK
	}
	if err == nil && len(rest) > 0 {
		err = usagef("unknown command or argument %q", rest[0])
	}
	if err != nil {
		return usageFail(stdio, err, "kvdoctor --help")
	}
	if o.showVersion {
		fmt.Fprintln(stdio.Out, versionLine())
		return ExitOK
	}
	cfg, ropts, format, err := o.resolve(stdio)
	if err != nil {
		return usageFail(stdio, err, "kvdoctor --help")
	}
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
	defer cancel()
	rep := checks.Run(ctx, cfg)
	rep.Header = toolHeader(rep.Header)
	if o.redact {
		rep = report.Redact(rep)
	}
	return emit(stdio, rep, format, ropts, o.outputs)
}

// emit writes the report to stdout and to every --output file, and returns
// the exit code of the run.
func emit(stdio IO, rep checks.Report, format report.Format, ropts report.Options, outputs []string) int {
	for _, path := range outputs {
		f, _ := report.FormatForPath(path)
		fileOpts := ropts
		fileOpts.Color = false
		if err := report.WriteFile(path, f, rep, fileOpts); err != nil {
			return usageFail(stdio, usageError{err.Error()}, "kvdoctor --help")
		}
	}
	if err := report.Write(stdio.Out, format, rep, ropts); err != nil {
		fmt.Fprintf(stdio.Err, "kvdoctor: write report: %v\n", err)
		return ExitInternal
	}
	written := stdio.Out
	if format != report.FormatText {
		written = stdio.Err
	}
	for _, path := range outputs {
		fmt.Fprintf(written, "wrote %s\n", path)
	}
	if rep.Status() == checks.Fail {
		return ExitFindings
	}
	return ExitOK
}

// resolve checks every flag value and builds the diagnosis config. Its
// errors are usage errors.
func (o diagnoseOptions) resolve(stdio IO) (checks.Config, report.Options, report.Format, error) {
	var cfg checks.Config
	var ropts report.Options
	format, ok := report.ParseFormat(o.format)
	if !ok {
		return cfg, ropts, "", usagef("--format %q: want text, markdown or json", o.format)
	}
	lang, err := resolveLang(o.lang, stdio.Getenv)
	if err != nil {
		return cfg, ropts, "", err
	}
	if o.timeout <= 0 {
		return cfg, ropts, "", usagef("--timeout %s: must be more than 0 (e.g. 30s)", o.timeout)
	}
	if o.secret == "" {
		return cfg, ropts, "", usagef("--secret is empty: name a secret, or leave the flag out to probe get on a random name")
	}
	if o.secret == "\x00" {
		o.secret = ""
	}
	if o.secret != "" && !validSecretName(o.secret) {
		return cfg, ropts, "", usagef("--secret %q: a secret name has 1-127 letters, digits and hyphens", o.secret)
	}
	var c azcloud.Cloud
	if o.cloud != "" {
		if c, ok = azcloud.ByName(o.cloud); !ok {
			return cfg, ropts, "", usagef("--cloud %q: want AzureCloud, AzureChinaCloud or AzureUSGovernment (or public, china, usgov)", o.cloud)
		}
	} else if c, ok = azcloud.ByAuthorityHost(stdio.Getenv("AZURE_AUTHORITY_HOST")); !ok {
		c = azcloud.Public
	}
	vault := o.vault
	if vault == "" {
		vault = cmp.Or(stdio.Getenv("AZURE_KEYVAULT_URL"), stdio.Getenv("KEY_VAULT_NAME"))
	}
	if vault == "" {
		return cfg, ropts, "", usagef("no vault: pass --vault https://NAME.vault.azure.cn (or set AZURE_KEYVAULT_URL or KEY_VAULT_NAME)")
	}
	u, err := checks.ParseVault(vault, c)
	if err != nil {
		return cfg, ropts, "", usageError{err.Error()}
	}
	if vc, ok := azcloud.ByVaultHost(u.Host); ok && o.cloud != "" && vc.Name != c.Name {
		return cfg, ropts, "", usagef("--cloud %s does not match the vault %s, which is in %s", c.Name, u.Host, vc.Name)
	}
	for _, path := range o.outputs {
		if err := checkOutputPath(path); err != nil {
			return cfg, ropts, "", err
		}
	}
	cfg = checks.Config{
		VaultURL:  u,
		Secret:    o.secret,
		Scope:     o.scope,
		Getenv:    stdio.Getenv,
		Transport: stdio.Transport,
		NoVerify:  o.noVerify,
	}
	ropts = report.Options{Lang: lang, Verbose: o.verbose, Color: useColor(stdio, o.noColor)}
	return cfg, ropts, format, nil
}

// checkOutputPath refuses, before the run, a path whose format is unknown
// or whose directory is missing or not a directory.
func checkOutputPath(path string) error {
	if _, ok := report.FormatForPath(path); !ok {
		return usagef("--output %s: the extension must be .txt, .md or .json", path)
	}
	if err := report.CheckPath(path); err != nil {
		return usageError{err.Error()}
	}
	return nil
}

func validSecretName(s string) bool {
	if len(s) > 127 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// resolveLang is --lang, else the locale of the environment.
func resolveLang(flagValue string, getenv func(string) string) (catalog.Lang, error) {
	if flagValue == "" {
		return langFromEnv(getenv), nil
	}
	l, ok := catalog.ParseLang(flagValue)
	if !ok {
		return "", usagef("--lang %q: want en or zh-CN", flagValue)
	}
	return l, nil
}

// useColor is true only on a terminal, without NO_COLOR or --no-color.
func useColor(stdio IO, noColor bool) bool {
	return stdio.IsTerminal && !noColor && stdio.Getenv("NO_COLOR") == ""
}

// usageFail prints one line saying what is wrong and the usage hint.
func usageFail(stdio IO, err error, hint string) int {
	fmt.Fprintf(stdio.Err, "kvdoctor: %s\n", secretmask.Shapes(strings.TrimSpace(err.Error())))
	fmt.Fprintf(stdio.Err, "Run '%s' for usage.\n", hint)
	return ExitUsage
}
