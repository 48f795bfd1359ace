package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/render"
	"github.com/go-postmortem/postmortem/tz"
)

const convertDoc = `
Convert answers "what time is that for you": it reads TIME, and END for a window, in
any form an incident file accepts, and shows the instant or window in many zones, with
the day shift from the source zone (-1, +1) marked. A TIME without a zone is in --tz;
a TIME without a date is on --date, else today in that zone. --year supplies the year
of a date written without one ("Sunday, April 28th"); without it, such a date takes this
year, or, when it has a weekday, the year nearest this one in which the date falls on that
weekday, and a warning names the other years near it that fit too: pass --year to choose.
An abbreviation with several readings (IST, CST, BST) is read in --tz when that zone uses it;
else give --tz, or an offset, to settle it.

Without --to, the zones are a default list of about 20 business hubs around the world.
--to takes IANA zones, cities or abbreviations, comma-separated or repeated.

Formats: table (for people), json ({"start", "end", "source", "rows"}, instants in RFC
3339, "end" only for a window), markdown and html (a table to paste into an announcement).

Exit status: 0 on success, 1 when TIME or END cannot be read, 2 for a usage error
(an unknown flag, an unknown zone in --to or --tz).

Example:

	postmortem convert "2013-09-24 22:00 EDT"
	postmortem convert --year 2013 --to Tokyo,Europe/London,PT "Sunday, April 28th, between 9am – 12pm EDT"
	postmortem convert --tz America/New_York --format json "2016-07-26 10:50" "2016-07-26 12:38"
`

func runConvert(e *env, args []string) error {
	flags := newFlagSet("convert", "[--to ZONE,...] [--tz ZONE] [--date YYYY-MM-DD] [--year Y] [--format table|json|markdown|html] [--strict] [-o OUT] TIME [END]", convertDoc)
	var to stringList
	flags.Var(&to, "to", "`zones` to show: IANA names, cities or abbreviations, comma-separated (default: about 20 business hubs)")
	zone := flags.String("tz", "UTC", "`zone` of a TIME written without one: an IANA name, a city or an abbreviation")
	date := flags.String("date", "", "`date` (YYYY-MM-DD) of a TIME written without one (default: today in --tz)")
	year := flags.Int("year", 0, "`year` of a date written without one, like \"April 28th\"")
	format := newChoice("table", "table", "json", "markdown", "html")
	flags.Var(format, "format", "output `format`: table, json, markdown or html")
	out := flags.String("o", "", "write to `FILE` instead of standard output (atomically)")
	strict := flags.Bool("strict", false, "treat an abbreviation's wrong daylight-saving half (PST in July) as an error")
	rest, err := flags.parse(e, args)
	if err != nil {
		return err
	}
	switch {
	case len(rest) == 0:
		return flags.usagef("no TIME given, e.g. postmortem convert \"2013-09-24 22:00 EDT\"")
	case len(rest) > 2:
		return flags.usagef("too many arguments (%d); give TIME and at most END, quoting each", len(rest))
	}
	src, err := tz.Resolve(*zone)
	if err != nil {
		return flags.usagef("--tz: %s", oneLine(err.Error()))
	}
	places, err := parsePlaces(to)
	if err != nil {
		return flags.usagef("--to: %s", err)
	}
	if *year < 0 || *year > 9999 {
		return flags.usagef("--year %d: want a year from 1 to 9999", *year)
	}
	ctx := tz.Context{Location: src, Strict: *strict}
	today := tz.DateOf(e.now().In(src))
	if *year != 0 {
		today.Year = *year
		for !today.Valid() && today.Day > 28 {
			today.Day-- // February 29th in another year
		}
	}
	// parse reads TIME, or the window TIME END.
	parse := func(ctx tz.Context) (tz.Expr, error) {
		if len(rest) == 2 {
			return tz.ParseWindow(rest[0], rest[1], ctx)
		}
		return tz.Parse(rest[0], ctx)
	}
	var x tz.Expr
	if *date != "" {
		d, err := parseDay(*date)
		if err != nil {
			return flags.usagef("--date: %s", err)
		}
		if *year != 0 {
			d.Year = *year
		}
		ctx.Date = d
		x, err = parse(ctx)
		if err != nil {
			return timeError(rest, err)
		}
	} else {
		// A date written without its year takes --year, else this year (a weekday
		// picks the nearest year that fits); a time alone is on today.
		ctx.Date = tz.Date{Year: today.Year}
		x, err = parse(ctx)
		if err != nil || !x.Dated {
			ctx.Date = today
			y, err2 := parse(ctx)
			if err2 == nil {
				x, err = y, nil
			}
		}
		if err != nil {
			return timeError(rest, err)
		}
	}
	for _, w := range x.Warnings {
		fmt.Fprintf(e.stderr, "postmortem convert: warning: %s\n", printable(oneLine(w.Error())))
	}
	start, end := x.Start, x.End
	if !x.Dated {
		return fmt.Errorf("TIME %q has no date; write one, or pass --date", rest[0])
	}
	loc := x.Location
	if loc == nil {
		loc = src
	}
	if places == nil {
		if places, err = tz.DefaultPlaces(); err != nil {
			return err
		}
	}
	rows := tz.Convert(start, end, loc, places)

	o := &output{path: *out}
	switch format.value {
	case "json":
		err = writeConvertJSON(o, start, end, loc, rows)
	case "markdown":
		err = conversion{start: start, end: end, source: loc, zone: x.Zone, approx: x.Approx, places: places}.markdown(o)
	case "html":
		err = conversion{start: start, end: end, source: loc, zone: x.Zone, approx: x.Approx, places: places}.html(o)
	default:
		err = writeConvertTable(o, start, end, loc, x.Approx, rows)
	}
	if err != nil {
		return err
	}
	return o.flush(e)
}

// timeError labels an error of reading the arguments TIME [END] with the one it
// is about.
func timeError(args []string, err error) error {
	msg := oneLine(err.Error())
	var amb *tz.AmbiguousError
	if errors.As(err, &amb) && len(amb.Candidates) > 0 {
		// The library says "set the timezone"; here that is --tz.
		msg += fmt.Sprintf(" (here: --tz %s, or another of the zones above)", amb.Candidates[0].Zone)
	}
	var te *tz.Error
	if len(args) == 2 && errors.As(err, &te) && te.Input == args[1] && te.Input != args[0] {
		return fmt.Errorf("END: %s", msg)
	}
	return fmt.Errorf("TIME: %s", msg)
}

// parsePlaces resolves the --to names; nil for none.
func parsePlaces(names []string) ([]tz.Place, error) {
	var places []tz.Place
	for _, name := range names {
		loc, err := tz.Resolve(name)
		if err != nil {
			return nil, fmt.Errorf("%s", oneLine(err.Error()))
		}
		places = append(places, tz.Place{City: placeName(name, loc), Loc: loc})
	}
	return places, nil
}

// placeName returns the name to show for a zone the user asked for: the city of an
// IANA name ("America/New_York" → "New York"), else the name as given.
func placeName(given string, loc *time.Location) string {
	n := loc.String()
	if strings.Contains(given, "/") || (strings.Contains(n, "/") && strings.ToUpper(given) == given) {
		return strings.ReplaceAll(path.Base(n), "_", " ")
	}
	return strings.ReplaceAll(given, "_", " ") // "Sao_Paulo", as in the zone's name, is São Paulo's city
}

type jsonSource struct {
	Zone   string `json:"zone"`
	Abbrev string `json:"abbrev"`
	Offset string `json:"offset"`
}

type jsonRow struct {
	Zone     string  `json:"zone"`
	City     string  `json:"city"`
	Start    string  `json:"start"`
	End      *string `json:"end,omitempty"`
	Abbrev   string  `json:"abbrev"`
	Offset   string  `json:"offset"`
	DayShift int     `json:"day_shift"`
}

type jsonConvert struct {
	Start  string     `json:"start"`
	End    *string    `json:"end,omitempty"`
	Source jsonSource `json:"source"`
	Rows   []jsonRow  `json:"rows"`
}

func writeConvertJSON(w io.Writer, start, end time.Time, src *time.Location, rows []tz.Row) error {
	abbr, off := start.In(src).Zone()
	j := jsonConvert{
		Start:  start.UTC().Format(time.RFC3339),
		End:    utc(end),
		Source: jsonSource{Zone: src.String(), Abbrev: abbr, Offset: tz.FormatOffset(off, true)},
		Rows:   []jsonRow{},
	}
	for _, r := range rows {
		jr := jsonRow{
			Zone:     r.Loc.String(),
			City:     r.City,
			Start:    r.Start.Format(time.RFC3339),
			Abbrev:   r.Abbrev,
			Offset:   tz.FormatOffset(r.Offset, true),
			DayShift: r.DayShift,
		}
		if !r.End.IsZero() {
			s := r.End.Format(time.RFC3339)
			jr.End = &s
		}
		j.Rows = append(j.Rows, jr)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(j)
}

func writeConvertTable(w io.Writer, start, end time.Time, src *time.Location, approx bool, rows []tz.Row) error {
	about := ""
	if approx {
		about = "about "
	}
	t := start.In(src)
	head := about + t.Format("Mon 2006-01-02 15:04 MST")
	if !end.IsZero() {
		head += " – " + end.In(src).Format("Mon 2006-01-02 15:04 MST")
		head += " (" + render.Duration(end.Sub(start)) + ")"
	}
	fmt.Fprintf(w, "%s, %s\n\n", head, printable(src.String()))
	tw := newTable(w)
	if end.IsZero() {
		fmt.Fprintln(tw, "CITY\tZONE\tTIME\tOFFSET\tDAY")
	} else {
		fmt.Fprintln(tw, "CITY\tZONE\tSTART\tEND\tOFFSET\tDAY")
	}
	for _, r := range rows {
		abbr := r.Abbrev
		off := "UTC" + tz.FormatOffset(r.Offset, true)
		if r.Offset == 0 {
			off = "UTC"
		}
		when := r.Start.Format("Mon 15:04") + " " + abbr
		if end.IsZero() {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", printable(r.City), printable(r.Loc.String()), when, off, tz.FormatDayShift(r.DayShift))
			continue
		}
		endText := r.End.Format("Mon 15:04")
		if r.EndAbbrev != "" && r.EndAbbrev != abbr {
			endText += " " + r.EndAbbrev
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", printable(r.City), printable(r.Loc.String()), when, endText, off, r.DayShifts())
	}
	return tw.flush()
}

// utc returns t in RFC 3339 UTC, or nil for the zero time.
func utc(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}
