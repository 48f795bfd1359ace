package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
)

const logDoc = `
Log appends one event to the timeline of an incident file while the incident runs: at
now, or at --at in any form the file format accepts ("10:36", "10:36am EDT",
"2024-05-01 14:36 UTC"), with the words after the flags as its text. The event is written
in the file's own style (a time alone when it falls on the previous event's date, its keys
in the order of the last event, its lines ending in CRLF when the file's do), and the
rest of the file stays byte for byte: comments, order and layout. The file is replaced
atomically. A file of several incidents (a "---" stream) is refused unless --incident
names one by its id, slug or title; the message lists them. A file that does not parse is refused
with its error, and so is an event that would make it invalid (a time before the last
one written without its date, say). Start the file with 'postmortem new -o FILE'.

Example:

	postmortem log api.yaml --kind detected --state major API returns 500s
	postmortem log api.yaml --at 10:42 --kind mitigated --state ok rolled back
`

func runLog(e *env, args []string) error {
	fs := newFlagSet("log", "FILE [--at TIME] [--state S] [--kind K] [--service S,...] [--incident ID|SLUG|TITLE] TEXT", logDoc)
	at := fs.String("at", "", "when it happened, in any `time` form the format accepts; default now")
	state := fs.String("state", "", "the services' `state` from then on (operational, degraded, partial, major, maintenance)")
	kind := fs.String("kind", "", "the event's `kind` (started, detected, acknowledged, escalated, identified, mitigated, resolved, deploy, action, update, note)")
	services := fs.String("service", "", "the `services` it applies to, comma-separated; default the incident's")
	which := fs.String("incident", "", "in a file of several incidents, the `one` to add to: its id, slug or title")
	rest, err := fs.parse(e, args)
	if err != nil {
		return err
	}
	if len(rest) < 2 {
		return fs.usagef("want FILE and the event's TEXT")
	}
	name, text := rest[0], strings.TrimSpace(strings.Join(rest[1:], " "))
	if text == "" {
		return fs.usagef("the event's TEXT is empty")
	}
	ev := incident.Event{Text: text, At: incident.Time{Written: strings.TrimSpace(*at)}}
	if *state != "" {
		if ev.State, err = timeline.ParseLevel(*state); err != nil {
			return fs.usagef("--state: %s", oneLine(err.Error()))
		}
	}
	if *kind != "" {
		if ev.Kind, err = timeline.ParseEventKind(*kind); err != nil {
			return fs.usagef("--kind: %s", oneLine(err.Error()))
		}
	}
	if *services != "" {
		for _, s := range strings.Split(*services, ",") {
			if s = strings.TrimSpace(s); s != "" {
				ev.Services = append(ev.Services, s)
			}
		}
	}
	if ev.At.Written == "" {
		ev.At.Instant = e.now().UTC()
	}
	display, data, err := readInput(e, name)
	if err != nil {
		return err
	}
	if name == "-" {
		return fs.usagef("log edits a FILE in place; standard input has no file to write back")
	}
	out, err := incident.AppendTo(display, data, *which, ev)
	if err != nil {
		d := newDiagnostics(e.stderr)
		d.addErr(display, err)
		hint := ""
		if errors.Is(err, incident.ErrWhichIncident) {
			hint = "; choose its incident with --incident"
		}
		fmt.Fprintf(e.stderr, "postmortem log: %s is unchanged%s\n", printable(display), hint)
		return errReported
	}
	return writeFile(name, out)
}
