package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/go-postmortem/postmortem/internal/edit"
)

// importer is one source of "postmortem import SOURCE".
type importer struct {
	name    string
	summary string
	run     func(e *env, args []string) error
}

// importers are the sources "postmortem import" reads. Each source's flags, help and work
// live in its own file (import_statuspage.go, import_slack.go, import_text.go).
var importers = []importer{
	{"statuspage", "Statuspage incident JSON (files, stdin or a status page URL) → incident files", runImportStatuspage},
	{"slack", "a Slack workspace export (folder or .zip) → an incident draft from one channel", runImportSlack},
	{"text", "a pasted timeline or a whole post → an incident draft, one event per time", runImportText},
}

func runImport(e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		w := e.stderr
		if len(args) > 0 {
			w = e.stdout
		}
		importUsage(w)
		if len(args) == 0 {
			return &usageError{cmd: "import", msg: "missing source (" + importerNames() + ")"}
		}
		return errHelp
	}
	for _, im := range importers {
		if im.name == args[0] {
			return im.run(e, args[1:])
		}
	}
	msg := fmt.Sprintf("unknown source %q (want %s)", args[0], importerNames())
	names := make([]string, len(importers))
	for i, im := range importers {
		names[i] = im.name
	}
	if s := edit.Closest(args[0], names); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return &usageError{cmd: "import", msg: msg}
}

func importerNames() string {
	names := make([]string, len(importers))
	for i, im := range importers {
		names[i] = im.name
	}
	return strings.Join(names, ", ")
}

func importUsage(w io.Writer) {
	fmt.Fprint(w, "Usage: postmortem import SOURCE [flags] [arguments]\n\nSources:\n\n")
	for _, im := range importers {
		fmt.Fprintf(w, "\t%-10s %s\n", im.name, im.summary)
	}
	fmt.Fprint(w, `
Example:

	postmortem import statuspage --dir incidents https://www.githubstatus.com

Run 'postmortem import SOURCE --help' for a source's flags and an example.
`)
}
