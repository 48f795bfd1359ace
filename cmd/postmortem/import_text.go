package main

import (
	"strconv"
	"strings"

	"github.com/go-postmortem/postmortem/paste"
	"github.com/go-postmortem/postmortem/tz"
)

const importTextDoc = `
Import text reads a pasted timeline or a whole post (FILE, or - for standard input) and
prints an incident draft as YAML: one event for every line that carries a time, with the
time as the text wrote it (completed with its date where needed), and one outage for every
window ("from 12:30 to 12:55 PST"). Dated headings ("Thursday, January 30"), a zone named
once ("all times are UTC", "Timeline (CET):") and relative words ("yesterday", with --date)
set the context of the lines after them.

Nothing is guessed silently: a time earlier than the line before is the next day (with a
warning, and the date written), a wrong daylight-saving half (PST in July) is read as the
region's wall clock (with the validator's warning), a line with no zone to be had, an
ambiguous abbreviation or two forms that disagree is an error at FILE:LINE:COL and is left
out, and a text without any date gives an undated incident. Every diagnostic ends with its
[code]. The draft passes 'postmortem validate'. A draft holds at most 25,000 times: past
them, reading stops with an error at the line to import separately.

Exit status: 0 when every time was read, 1 when any line had an error (the rest is still
printed), 2 for a usage error.

Example:

	pbpaste | postmortem import text --date 2016-07-27 --title "Harvest outage" - > harvest.yaml
`

func runImportText(e *env, args []string) error {
	fs := newFlagSet("import text", "[--date D] [--year Y] [--tz ZONE] [--title T] [--strict] [-o OUT] FILE|-", importTextDoc)
	date := fs.String("date", "", "the `day` the text was written (YYYY-MM-DD): \"yesterday\" counts from it, and times before any date fall on it")
	year := fs.String("year", "", "the `year` of dates written without one")
	zone := fs.String("tz", "", "the `zone` of times written without one (IANA name, city or abbreviation)")
	title := fs.String("title", "", "the draft's `title`; default the text's first heading")
	strict := fs.Bool("strict", false, "treat an abbreviation's wrong daylight-saving half (PST in July) as an error")
	out := fs.String("o", "", "write to `FILE` instead of standard output (atomically)")
	files, err := fs.parse(e, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return fs.usagef("want one FILE (or - for standard input), got %d", len(files))
	}
	cfg := paste.Config{Title: strings.TrimSpace(*title), Strict: *strict}
	if *date != "" {
		d, err := parseDay(*date)
		if err != nil {
			return fs.usagef("--date: %s", err)
		}
		cfg.Date = d
	}
	if *year != "" {
		y, err := strconv.Atoi(*year)
		if err != nil || y < 1 || y > 9999 {
			return fs.usagef("--year %q: want a year like 2021", *year)
		}
		cfg.Year = y
		if !cfg.Date.IsZero() && cfg.Date.Year != y {
			return fs.usagef("--year %d disagrees with --date %s", y, cfg.Date)
		}
	}
	if *zone != "" {
		loc, err := tz.Resolve(*zone)
		if err != nil {
			return fs.usagef("--tz: %s", oneLine(err.Error()))
		}
		cfg.Location, cfg.Zone = loc, *zone
	}
	name, data, err := readInput(e, files[0])
	if err != nil {
		return err
	}
	inc, diags := cfg.Parse(name, data)
	return writeDraft(e, "import text", "the text", name, inc, diags, *strict, *out)
}
