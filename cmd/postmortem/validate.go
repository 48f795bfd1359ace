package main

import (
	"fmt"

	"github.com/go-postmortem/postmortem/incident"
)

const validateDoc = `
Validate reads every FILE (- for standard input) and reports all of their errors and
warnings on standard error, one a line, as FILE:LINE:COL: error|warning: message.
It prints nothing when every file is clean.

Exit status: 0 when no file has an error (warnings alone do not fail), 1 when any has,
2 for a usage error.

Example:

	postmortem validate --strict examples/*.yaml
`

func runValidate(e *env, args []string) error {
	fs := newFlagSet("validate", "[--strict] [--quiet] FILE...", validateDoc)
	strict := fs.Bool("strict", false, "treat an abbreviation's wrong daylight-saving half (PST in July) as an error")
	quiet := fs.Bool("quiet", false, "report errors only, not warnings")
	files, err := fs.parse(e, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fs.usagef("no FILE given")
	}
	cfg := &incident.Config{Strict: *strict}
	d := newDiagnostics(e.stderr)
	d.quiet = *quiet
	loadFiles(e, cfg, files, d)
	if d.errors > 0 {
		if len(files) > 1 || d.errors > 1 {
			fmt.Fprintf(e.stderr, "postmortem: %s, %s\n", plural(d.errors, "error"), plural(d.warnings, "warning"))
		}
		return errReported
	}
	return nil
}

// plural returns "1 error", "2 errors".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
