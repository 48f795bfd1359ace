// Command postmortem renders, validates and measures incident postmortem files.
//
// Usage:
//
//	postmortem <command> [flags] [arguments]
//
// The commands are:
//
//	render    the postmortem document as Markdown, HTML or iCalendar
//	validate  report every error and warning of incident files
//	downtime  per-incident and per-period downtime and availability
//	convert   "what time is that for you": an instant or a window in many zones
//	import    incident files from Statuspage JSON, a Slack export or pasted text
//	new       print a commented incident file to start from
//	log       append one event to an incident file while the incident runs
//	version   print the version of the command
//
// Run "postmortem <command> --help" for a command's flags and an example.
//
// Exit status: 0 on success, 1 for invalid input or a failed check, 2 for a usage error.
// Diagnostics about files go to standard error as FILE:LINE:COL: error|warning: message.
// The command embeds the time zone database, so its answers do not depend on the host.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"
	_ "time/tzdata" // answers must not depend on the host's zone files

	"github.com/go-postmortem/postmortem/internal/edit"
)

// Exit statuses.
const (
	exitOK    = 0 // success
	exitFail  = 1 // invalid input or a failed check
	exitUsage = 2 // usage error
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// env is what a subcommand runs with: its standard streams and the clock.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	now            func() time.Time
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(e *env, args []string) error
}

var commands = []command{
	{"render", "the postmortem document as Markdown, HTML or iCalendar", runRender},
	{"validate", "report every error and warning of incident files", runValidate},
	{"downtime", "per-incident and per-period downtime and availability", runDowntime},
	{"convert", "\"what time is that for you\": an instant or a window in many zones", runConvert},
	{"import", "incident files from Statuspage JSON, a Slack export or pasted text", runImport},
	{"new", "print a commented incident file to start from", runNew},
	{"log", "append one event to an incident file while the incident runs", runLog},
	{"version", "print the version of the command", runVersion},
}

// run runs the command line args (without the program name) and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, now: time.Now}
	return e.main(args)
}

func (e *env) main(args []string) int {
	if len(args) == 0 {
		mainUsage(e.stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 && name == "help" {
			// "postmortem help render" is "postmortem render --help".
			return e.main([]string{args[1], "--help"})
		}
		mainUsage(e.stdout)
		return exitOK
	case "-version", "--version":
		name = "version"
	}
	for _, c := range commands {
		if c.name == name {
			return e.exit(c.run(e, args[1:]))
		}
	}
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	if s := edit.Closest(name, names); s != "" {
		fmt.Fprintf(e.stderr, "postmortem: unknown command %q; did you mean %q? (see 'postmortem --help' for the list)\n", name, s)
		return exitUsage
	}
	fmt.Fprintf(e.stderr, "postmortem: unknown command %q (see 'postmortem --help' for the list)\n", name)
	return exitUsage
}

// exit reports err on stderr as one line and returns the exit status it calls for.
func (e *env) exit(err error) int {
	if err == nil {
		return exitOK
	}
	var ue *usageError
	switch {
	case errors.Is(err, errHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "postmortem %s: %s (see 'postmortem %s --help')\n", ue.cmd, printable(oneLine(ue.msg)), ue.cmd)
		return exitUsage
	case errors.Is(err, errReported):
		return exitFail
	default:
		fmt.Fprintf(e.stderr, "postmortem: %s\n", printable(oneLine(err.Error())))
		return exitFail
	}
}

func mainUsage(w io.Writer) {
	fmt.Fprint(w, `postmortem renders, validates and measures incident postmortem files.

Usage:

	postmortem <command> [flags] [arguments]

Commands:

`)
	for _, c := range commands {
		fmt.Fprintf(w, "\t%-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run 'postmortem <command> --help' for a command's flags and an example.

Exit status: 0 success, 1 invalid input or a failed check, 2 usage error.
`)
}
