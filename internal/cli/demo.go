package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/kvdoctor/kvdoctor/internal/demo"
	"github.com/kvdoctor/kvdoctor/internal/fakeazure"
)

const demoUsage = `Usage: kvdoctor demo [--lang en|zh-CN] [--no-color] [--verbose]

Starts the Azure emulator inside kvdoctor (no network, no setup) and runs
kvdoctor on the common stories: the original report of a Python app in Azure
China, then a few more failures. Each report is shown with a caption.
`

func runDemo(args []string, stdio IO) int {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	lang := fs.String("lang", "", "")
	noColor := fs.Bool("no-color", false, "")
	verbose := fs.Bool("verbose", false, "")
	rest, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdio.Out, demoUsage)
		return ExitOK
	}
	if err == nil && len(rest) > 0 {
		err = usagef("demo takes no arguments, got %q", rest[0])
	}
	if err == nil && *lang != "" {
		_, err = resolveLang(*lang, stdio.Getenv)
	}
	if err != nil {
		return usageFail(stdio, err, "kvdoctor demo --help")
	}
	l, _ := resolveLang(*lang, stdio.Getenv)
	for i, story := range demo.Stories {
		if i > 0 {
			fmt.Fprintln(stdio.Out)
		}
		fmt.Fprintf(stdio.Out, "━━ %s\n", story.Caption.In(l))
		if err := runStory(story, stdio, *lang, *noColor, *verbose); err != nil {
			fmt.Fprintf(stdio.Err, "kvdoctor: demo: %v\n", err)
			return ExitInternal
		}
	}
	return ExitOK
}

// runStory runs the real diagnosis on an emulator of the story's world, with
// the story's environment in place of the process's.
func runStory(story demo.Story, stdio IO, lang string, noColor, verbose bool) error {
	world, err := demo.LoadWorld(story.World)
	if err != nil {
		return err
	}
	srv, err := fakeazure.Listen(world, fakeazure.Options{})
	if err != nil {
		return fmt.Errorf("start emulator: %w", err)
	}
	defer srv.Close()
	args := append([]string{"--vault", demo.VaultURL, "--timeout", "20s"}, story.Args...)
	if lang != "" {
		args = append(args, "--lang", lang)
	}
	if noColor {
		args = append(args, "--no-color")
	}
	if verbose {
		args = append(args, "--verbose")
	}
	env := story.Env
	var errOut strings.Builder
	code := runDiagnose(args, IO{
		In:         stdio.In,
		Out:        stdio.Out,
		Err:        &errOut,
		IsTerminal: stdio.IsTerminal,
		Transport:  srv.Transport(),
		Getenv: func(k string) string {
			switch k {
			case "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR":
				return stdio.Getenv(k)
			}
			return env[k]
		},
	})
	if code > ExitFindings {
		return fmt.Errorf("%s: exit %d: %s", story.World, code, strings.TrimSpace(errOut.String()))
	}
	return nil
}
