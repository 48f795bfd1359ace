package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/go-postmortem/postmortem/tz"
)

const newDoc = `
New prints an incident file to start from: every field of the format, each with a
comment that says what goes there. The file validates as it is; replace the examples
with what happened. The date defaults to today in the zone.

Example:

	postmortem new --title "Checkout errors" --tz Europe/Paris -o incidents/checkout.yaml
	postmortem validate incidents/checkout.yaml
`

func runNew(e *env, args []string) error {
	flags := newFlagSet("new", "[--title T] [--date YYYY-MM-DD] [--tz ZONE] [--force] [-o OUT]", newDoc)
	title := flags.String("title", "Short title of what users saw", "the incident's `title`")
	date := flags.String("date", "", "the incident's `date` (YYYY-MM-DD); default today in the zone")
	zone := flags.String("tz", "UTC", "the `zone` the team writes times in: an IANA name, a city or an abbreviation")
	out := flags.String("o", "", "write to `FILE` instead of standard output (atomically)")
	force := flags.Bool("force", false, "overwrite the -o file if it exists")
	rest, err := flags.parse(e, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return flags.usagef("unexpected argument %q (new takes no FILE; use -o to write one)", rest[0])
	}
	loc, err := tz.Resolve(*zone)
	if err != nil {
		return flags.usagef("--tz: %s", oneLine(err.Error()))
	}
	var d tz.Date
	if *date == "" {
		d = tz.DateOf(e.now().In(loc))
	} else {
		if d, err = parseDay(*date); err != nil {
			return flags.usagef("--date: %s", err)
		}
	}
	if strings.TrimSpace(*title) == "" {
		return flags.usagef("--title is empty")
	}
	if *out != "" && *out != "-" && !*force {
		if _, err := os.Stat(*out); err == nil {
			return fmt.Errorf("-o %s: file exists; choose another name or add --force", *out)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("-o %s: %v", *out, unwrapPath(err))
		}
	}
	text, err := newIncident(*title, d, loc)
	if err != nil {
		return err
	}
	o := &output{path: *out}
	o.WriteString(text)
	return o.flush(e)
}

// newIncident returns the starter file for title on date d in loc.
func newIncident(title string, d tz.Date, loc *time.Location) (string, error) {
	zone := loc.String()
	if zone == "" || zone == "Local" {
		zone = "UTC"
	}
	var b strings.Builder
	err := newTemplate.Execute(&b, map[string]string{
		"Title":    strconv.Quote(title),
		"Date":     d.String(),
		"NextDate": d.AddDays(1).String(),
		"Zone":     yamlScalar(zone),
	})
	return b.String(), err
}

// yamlScalar returns s as a plain YAML scalar when it reads as a zone name
// ("Europe/Paris", "UTC"), else double-quoted, so that "-04" stays a string.
func yamlScalar(s string) string {
	for i, r := range s {
		letter := r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z'
		if i == 0 && !letter || !letter && !strings.ContainsRune("0123456789_/+-", r) {
			return strconv.Quote(s)
		}
	}
	if s == "" {
		return `""`
	}
	return s
}

// schemaURL is the address of schema/incident.schema.json that the starter file's modeline
// gives editors (docs/format.md, Editor support).
const schemaURL = "https://raw.githubusercontent.com/go-postmortem/postmortem/main/schema/incident.schema.json"

// commentColumn is where the comments of the starter file begin.
const commentColumn = 28

var newTemplate = template.Must(template.New("new").Funcs(template.FuncMap{
	// pad returns its arguments joined and padded so that a comment after them lines up.
	"pad": func(parts ...string) string {
		s := strings.Join(parts, "")
		return s + strings.Repeat(" ", max(1, commentColumn-len(s)))
	},
}).Parse(`# yaml-language-server: $schema=` + schemaURL + `
# An incident postmortem (format version 1). Check it with: postmortem validate FILE
# Times are written in the timezone below unless they carry their own zone
# ("10:36am EDT", "14:36 UTC", "2016-07-26T14:36:00Z"). A time alone is on the date of
# the previous time in the list ("date" for the first); end a time with ~ when it is
# approximate. Markdown is allowed in every text field.
postmortem: 1
title: {{.Title}}
kind: incident              # incident | maintenance
{{pad "date: " .Date}}# the day it started; times without a date fall on it
{{pad "timezone: " .Zone}}# IANA zone the times below are written in
services: [API, Web]        # what was affected; events and windows default to these
severity: SEV-2             # SEV-0..SEV-5, P0..P4, minor | major | critical, or your own
status: resolved            # investigating | identified | monitoring | resolved
authors: [Your Name]
{{pad "# published: " .NextDate}}# when the postmortem was made public
summary: |
  Two or three sentences: what broke, for whom, for how long, and why.
impact: |
  Who could not do what, and for how long. Numbers if you have them.
timeline:                   # any order; each state holds for its services until the next
  - at: "09:58"
    kind: started           # started | detected | acknowledged | escalated | identified |
                            # mitigated | resolved | deploy | action | update | note
    state: partial_outage   # operational | degraded_performance | partial_outage |
                            # major_outage | under_maintenance (or ok, degraded, partial, major)
    text: Error rates rose on the API after a configuration change.
  - at: "10:05"
    kind: detected
    text: An alert paged the on-call engineer.
  - at: "10:12"
    kind: identified
    state: major_outage
    services: [API]         # this state applies to the API only
    text: The API stopped answering; the configuration change was identified as the cause.
  - at: "10:20~"            # ~ marks an approximate time
    kind: mitigated
    state: operational
    text: The change was rolled back and the API recovered.
  - at: "10:35"
    kind: resolved
    text: Error rates stayed normal for fifteen minutes; the incident was closed.
# outages:                  # explicit windows, added to those the states imply
#   - start: {{.Date}} 09:58
#     end: {{.Date}} 10:20
#     level: partial_outage
#     services: [Web]
root_causes:
  - text: What made the failure possible (one item per cause).
    category: configuration
trigger: What set it off at that moment.
detection: How you found out, and how long it took.
resolution: What brought service back.
contributing_factors:
  - What made it worse or slower to fix.
lessons:
  went_well:
    - What worked.
  went_wrong:
    - What did not.
  lucky:
    - Where you were lucky.
action_items:
  - text: Validate configuration changes before they reach production.
    kind: prevent           # prevent | mitigate | detect | repair | process | other
    owner: platform-team
    priority: P2
    due: {{.NextDate}}
    status: open            # open | in_progress | done | wont_do
# links:
#   - title: Status page entry
#     url: https://status.example.com/incidents/1
`))
