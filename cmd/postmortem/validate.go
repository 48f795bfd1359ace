package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/go-postmortem/postmortem/incident"
)

const validateDoc = `
Validate reads every FILE (- for standard input) and reports all of their errors and
warnings, one a line, as FILE:LINE:COL: error|warning: message on standard error. It
prints nothing when every file is clean.

For tools, --format json writes the problems to standard output as a JSON array of
{"file", "line", "column", "path", "severity", "code", "message"} (empty when all is
clean; "code" is the problem's stable code, shown in brackets at the end of the message), and
--format github writes them as GitHub Actions workflow commands, which annotate the
files of a pull request.

Exit status: 0 when no file has an error (warnings alone do not fail), 1 when any has,
2 for a usage error.

Example:

	postmortem validate --strict examples/*.yaml
`

func runValidate(e *env, args []string) error {
	fs := newFlagSet("validate", "[--strict] [--quiet] [--format text|json|github] FILE...", validateDoc)
	strict := fs.Bool("strict", false, "treat an abbreviation's wrong daylight-saving half (PST in July) as an error")
	quiet := fs.Bool("quiet", false, "report errors only, not warnings")
	format := newChoice("text", "text", "json", "github")
	fs.Var(format, "format", "`format` of the report: text (on standard error), json or github (on standard output)")
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
	d.collect = format.value != "text"
	inputs := expandArgs(files, d)
	eachFile(e, cfg, inputs, d, nil, nil) // each file is dropped once checked
	switch format.value {
	case "json":
		if err := writeProblemsJSON(e.stdout, d.list); err != nil {
			return err
		}
	case "github":
		for _, p := range d.list {
			fmt.Fprintln(e.stdout, githubCommand(p))
		}
	default:
		if d.errors > 0 && (len(inputs) > 1 || d.errors > 1) {
			fmt.Fprintf(e.stderr, "postmortem: %s, %s\n", plural(d.errors, "error"), plural(d.warnings, "warning"))
		}
	}
	if d.errors > 0 {
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

// jsonProblem is one problem of validate --format json.
type jsonProblem struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Path     string `json:"path,omitempty"`
	Severity string `json:"severity"`
	Code     string `json:"code,omitempty"`
	Message  string `json:"message"`
}

func severity(p *incident.ParseError) string {
	if p.Warning {
		return "warning"
	}
	return "error"
}

// message returns the problem's message on one line, without position or path.
func message(p *incident.ParseError) string {
	if p.Err == nil {
		return "invalid"
	}
	return oneLine(p.Message())
}

func writeProblemsJSON(w io.Writer, list []*incident.ParseError) error {
	out := make([]jsonProblem, 0, len(list))
	for _, p := range list {
		out = append(out, jsonProblem{File: p.File, Line: p.Line, Column: p.Column, Path: p.Path,
			Severity: severity(p), Code: p.Code, Message: message(p)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// githubCommand returns p as a GitHub Actions workflow command:
// "::error file=F,line=L,col=C,title=PATH::MESSAGE".
func githubCommand(p *incident.ParseError) string {
	prop := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	data := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	props := []string{"file=" + prop.Replace(p.File)}
	if p.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", p.Line))
		if p.Column > 0 {
			props = append(props, fmt.Sprintf("col=%d", p.Column))
		}
	}
	if p.Path != "" {
		props = append(props, "title="+prop.Replace(p.Path))
	}
	return "::" + severity(p) + " " + strings.Join(props, ",") + "::" + data.Replace(message(p))
}
