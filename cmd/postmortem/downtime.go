package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/render"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
)

const downtimeDoc = `
Downtime measures the incidents of every FILE (- for standard input): per incident its
span, downtime and time at each level; the total over all of them, overlaps counted
once; and with --by, the availability of each calendar period in the --tz zone, which
is 1 - downtime / period length (real elapsed length: a March in New York has 743 h).

Downtime is major outage plus the partial weight (0.3 by default, as Statuspage counts
uptime) times partial outage; degraded performance and planned maintenance are not
downtime. --since and --until clip every window to [since, until). An incident without
a date counts with its durations only: it has no instants and is left out of periods.

Formats: table (for people), json (one object: incidents, total, periods; instants in
RFC 3339 UTC, durations in seconds), csv (RFC 4180; one row per incident, the total and
each period, told apart by the first column).

Example:

	postmortem downtime --by month --tz America/New_York examples/*.yaml
	postmortem downtime --since 2021-01-01 --until 2022-01-01 --format json incidents/*.yaml
`

// stringList is a repeatable flag whose values may also be comma-separated.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l = append(*l, v)
		}
	}
	return nil
}

// downtimeOptions are the parsed flags of downtime.
type downtimeOptions struct {
	since, until time.Time // zero: open
	unit         timeline.Unit
	loc          *time.Location
	locSet       bool // reports whether --tz was given
	services     []string
	cfg          timeline.Policy
	format       string
	strict       bool
}

// incidentFigures are the measures of one incident as downtime reports them.
type incidentFigures struct {
	file               string
	inc                *incident.Incident
	dated              bool
	start, end         time.Time // first and last instant of the timeline; zero when undated
	spanStart, spanEnd time.Time // zero when no outage or undated
	span               time.Duration
	totals             timeline.Totals
	windows            []timeline.Window
}

// periodFigures are the measures of one calendar period.
type periodFigures struct {
	label string
	timeline.Availability
}

// downtimeReport is everything downtime prints.
type downtimeReport struct {
	opts      downtimeOptions
	incidents []incidentFigures
	total     timeline.Totals
	periods   []periodFigures
}

func runDowntime(e *env, args []string) error {
	flags := newFlagSet("downtime", "[--since T] [--until T] [--by day|week|month|quarter|year] [--tz ZONE] [--service S] [--partial-weight W] [--maintenance ignore|up|exclude] [--format table|json|csv] [--strict] [-o OUT] FILE...", downtimeDoc)
	since := flags.String("since", "", "count only from `T`: 2016, 2016-Q3, 2016-07, 2016-07-26 (in --tz) or an instant like 2016-07-26T14:50:00Z")
	until := flags.String("until", "", "count only up to `T` (exclusive), in the forms of --since")
	by := newChoice("", "day", "week", "month", "quarter", "year")
	flags.Var(by, "by", "availability per calendar `period`: day, week (ISO, from Monday), month, quarter or year")
	zone := flags.String("tz", "", "`zone` of the periods, of dates in --since/--until and of the table's times (default UTC; the table shows each incident in its own zone)")
	var services stringList
	flags.Var(&services, "service", "count only the windows of `S` (repeat or separate with commas)")
	weight := flags.String("partial-weight", "0.3", "share `W` (0 to 1) of partial-outage time counted as downtime")
	maint := newChoice("ignore", "ignore", "up", "exclude")
	flags.Var(maint, "maintenance", "`policy` for maintenance windows in availability: ignore, up (excuse outages in them) or exclude (also shorten the period)")
	format := newChoice("table", "table", "json", "csv")
	flags.Var(format, "format", "output `format`: table, json or csv")
	out := flags.String("o", "", "write to `FILE` instead of standard output (atomically)")
	strict := flags.Bool("strict", false, "treat an abbreviation's wrong daylight-saving half (PST in July) as an error")
	files, err := flags.parse(e, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return flags.usagef("no FILE given")
	}
	if err := checkOutput(*out, files); err != nil {
		return flags.usagef("%v", err)
	}
	opts := downtimeOptions{loc: time.UTC, services: services, format: format.value, strict: *strict}
	if *zone != "" {
		loc, err := tz.Resolve(*zone)
		if err != nil {
			return flags.usagef("--tz: %s", oneLine(err.Error()))
		}
		opts.loc, opts.locSet = loc, true
	}
	if *since != "" {
		if opts.since, err = parseBound(*since, opts.loc); err != nil {
			return flags.usagef("--since: %v", err)
		}
	}
	if *until != "" {
		if opts.until, err = parseBound(*until, opts.loc); err != nil {
			return flags.usagef("--until: %v", err)
		}
	}
	if !opts.since.IsZero() && !opts.until.IsZero() && !opts.since.Before(opts.until) {
		return flags.usagef("--since %s is not before --until %s", *since, *until)
	}
	if by.value != "" {
		if opts.unit, err = timeline.ParseUnit(by.value); err != nil {
			return flags.usagef("--by: %s", oneLine(err.Error()))
		}
	}
	if opts.cfg.PartialWeight, err = timeline.ParseWeight(*weight); err != nil {
		return flags.usagef("--partial-weight: %s", strings.TrimPrefix(err.Error(), "timeline: partial weight "))
	}
	if err := opts.cfg.Maintenance.UnmarshalText([]byte(maint.value)); err != nil {
		return flags.usagef("--maintenance: %s", oneLine(err.Error()))
	}

	d := newDiagnostics(e.stderr)
	cfg := &incident.Config{Strict: opts.strict}
	loaded := loadFiles(e, cfg, files, d)
	if d.errors > 0 {
		if d.errors > 1 {
			fmt.Fprintf(e.stderr, "postmortem: %s; nothing measured\n", plural(d.errors, "error"))
		}
		return errReported
	}
	rep, err := measure(opts, loaded, d)
	if err != nil {
		return flags.usagef("%v", err)
	}
	o := &output{path: *out}
	switch opts.format {
	case "json":
		err = rep.writeJSON(o)
	case "csv":
		err = rep.writeCSV(o)
	default:
		err = rep.writeTable(o)
	}
	if err != nil {
		return err
	}
	return o.flush(e)
}

// maxPeriods bounds the periods of one report: a --by day over centuries is a mistake,
// and would take long and print millions of lines.
const maxPeriods = 100_000

// shortest is the shortest length of a period of each unit.
var shortest = map[timeline.Unit]time.Duration{
	timeline.Day:     23 * time.Hour,
	timeline.Week:    7*24*time.Hour - time.Hour,
	timeline.Month:   28*24*time.Hour - time.Hour,
	timeline.Quarter: 89*24*time.Hour - time.Hour,
	timeline.Year:    365*24*time.Hour - time.Hour,
}

// measure computes the report of the loaded incidents. The error is for a range that
// holds too many periods.
func measure(opts downtimeOptions, files []loaded, d *diagnostics) (*downtimeReport, error) {
	rep := &downtimeReport{opts: opts}
	ranged := !opts.since.IsZero() || !opts.until.IsZero()
	lo, hi := opts.since, opts.until
	if hi.IsZero() {
		hi = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	var all []timeline.Window // windows of the dated incidents, for the total and the periods
	var undated timeline.Totals
	for _, f := range files {
		for _, inc := range f.incidents {
			if inc == nil {
				continue
			}
			m := inc.Metrics(opts.cfg)
			fig := incidentFigures{file: f.display, inc: inc, dated: m.Dated}
			ws := m.Windows
			changed := false
			if len(opts.services) > 0 {
				ws = timeline.Filter(ws, opts.services...)
				changed = true
				if len(ws) == 0 && !touches(inc.Services, opts.services) {
					continue
				}
			}
			if !m.Dated {
				if ranged {
					d.add(&incident.ParseError{File: f.display, Warning: true,
						Err: fmt.Errorf("incident %q has no date, so it cannot be placed in --since/--until: left out (add date: to the file)", inc.Title)})
					continue
				}
				if opts.unit != timeline.UnitUnknown {
					d.add(&incident.ParseError{File: f.display, Warning: true,
						Err: fmt.Errorf("incident %q has no date: its durations count in the total, but it is left out of the periods (add date: to the file)", inc.Title)})
				}
			}
			if m.Dated && ranged {
				if len(ws) == 0 && (m.End.Before(lo) || !m.Start.Before(hi)) {
					continue
				}
				clipped := timeline.Clip(ws, lo, hi)
				if len(ws) > 0 && len(clipped) == 0 {
					continue
				}
				ws, changed = clipped, true
			}
			fig.windows = ws
			if changed {
				fig.totals = opts.cfg.Measure(ws)
				fig.spanStart, fig.spanEnd = timeline.Span(ws)
				fig.span = fig.spanEnd.Sub(fig.spanStart)
			} else {
				fig.totals = m.Totals
				fig.spanStart, fig.spanEnd, fig.span = m.SpanStart, m.SpanEnd, m.Span
			}
			if m.Dated {
				fig.start, fig.end = m.Start, m.End
				all = append(all, ws...)
			} else {
				fig.spanStart, fig.spanEnd = time.Time{}, time.Time{}
				undated = addTotals(undated, fig.totals)
			}
			rep.incidents = append(rep.incidents, fig)
		}
	}
	slices.SortStableFunc(rep.incidents, func(a, b incidentFigures) int {
		switch {
		case a.dated != b.dated:
			if a.dated {
				return -1
			}
			return 1
		case !a.dated:
			return 0
		}
		return a.start.Compare(b.start)
	})
	rep.total = addTotals(opts.cfg.Measure(all), undated)

	from, to := opts.since, opts.until
	if from.IsZero() || to.IsZero() {
		first, last := extent(rep.incidents)
		if from.IsZero() {
			from = first
		}
		if to.IsZero() {
			to = last
		}
	}
	switch {
	case from.IsZero() || to.IsZero():
		// Nothing dated to place in periods.
	case opts.unit != timeline.UnitUnknown:
		if !to.After(from) {
			to = from.Add(time.Nanosecond)
		}
		if n := to.Sub(from) / shortest[opts.unit]; n > maxPeriods {
			return nil, fmt.Errorf("%s to %s holds more than %d periods of a %s; choose a coarser --by or a shorter --since/--until",
				from.Format(time.DateOnly), to.Format(time.DateOnly), maxPeriods, opts.unit)
		}
		for _, p := range timeline.Periods(opts.unit, opts.loc, from, to) {
			a := opts.cfg.Availability(all, p)
			rep.periods = append(rep.periods, periodFigures{label: periodLabel(opts.unit, p.Start.In(opts.loc)), Availability: a})
		}
	case !opts.since.IsZero() && !opts.until.IsZero():
		p := timeline.Period{Start: opts.since, End: opts.until}
		rep.periods = append(rep.periods, periodFigures{label: "range", Availability: opts.cfg.Availability(all, p)})
	}
	return rep, nil
}

// touches reports whether have and want share a name (any case).
func touches(have, want []string) bool {
	for _, h := range have {
		for _, w := range want {
			if strings.EqualFold(h, w) {
				return true
			}
		}
	}
	return false
}

// addTotals returns the sum of a and b.
func addTotals(a, b timeline.Totals) timeline.Totals {
	return timeline.Totals{
		Major:       a.Major + b.Major,
		Partial:     a.Partial + b.Partial,
		Degraded:    a.Degraded + b.Degraded,
		Maintenance: a.Maintenance + b.Maintenance,
		Downtime:    a.Downtime + b.Downtime,
	}
}

// extent returns the first and last instants of the dated incidents: their windows,
// else their timelines. Both are zero when none is dated.
func extent(figs []incidentFigures) (first, last time.Time) {
	see := func(s, e time.Time) {
		if s.IsZero() {
			return
		}
		if first.IsZero() || s.Before(first) {
			first = s
		}
		if e.After(last) {
			last = e
		}
	}
	for _, f := range figs {
		if !f.dated {
			continue
		}
		if len(f.windows) == 0 {
			see(f.start, f.end)
		}
		for _, w := range f.windows {
			see(w.Start, w.End)
		}
	}
	return first, last
}

// periodLabel names the period that starts at t (in the period's zone): "2016-07-26",
// "2016-W30", "2016-07", "2016-Q3", "2016".
func periodLabel(u timeline.Unit, t time.Time) string {
	switch u {
	case timeline.Day:
		return t.Format("2006-01-02")
	case timeline.Week:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case timeline.Month:
		return t.Format("2006-01")
	case timeline.Quarter:
		return fmt.Sprintf("%04d-Q%d", t.Year(), (int(t.Month())-1)/3+1)
	case timeline.Year:
		return t.Format("2006")
	}
	return t.Format(time.RFC3339)
}

// seconds returns d in seconds, rounded to the millisecond.
func seconds(d time.Duration) float64 {
	return math.Round(d.Seconds()*1000) / 1000
}

// utc returns t in RFC 3339 UTC, or nil for the zero time.
func utc(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

type jsonWindow struct {
	Start    *string  `json:"start"`
	End      *string  `json:"end"`
	Seconds  float64  `json:"seconds"`
	Level    string   `json:"level"`
	Services []string `json:"services"`
}

type jsonTotals struct {
	DowntimeSeconds    float64 `json:"downtime_seconds"`
	MajorSeconds       float64 `json:"major_seconds"`
	PartialSeconds     float64 `json:"partial_seconds"`
	DegradedSeconds    float64 `json:"degraded_seconds"`
	MaintenanceSeconds float64 `json:"maintenance_seconds"`
}

func newJSONTotals(t timeline.Totals) jsonTotals {
	return jsonTotals{
		DowntimeSeconds:    seconds(t.Downtime),
		MajorSeconds:       seconds(t.Major),
		PartialSeconds:     seconds(t.Partial),
		DegradedSeconds:    seconds(t.Degraded),
		MaintenanceSeconds: seconds(t.Maintenance),
	}
}

type jsonIncident struct {
	File        string  `json:"file"`
	ID          string  `json:"id"`
	Title       string  `json:"title"`
	Kind        string  `json:"kind"`
	Dated       bool    `json:"dated"`
	Start       *string `json:"start"`
	End         *string `json:"end"`
	SpanStart   *string `json:"span_start"`
	SpanEnd     *string `json:"span_end"`
	SpanSeconds float64 `json:"span_seconds"`
	jsonTotals
	Windows []jsonWindow `json:"windows"`
}

type jsonTotal struct {
	Incidents int `json:"incidents"`
	jsonTotals
}

type jsonPeriod struct {
	Period          string  `json:"period"`
	Start           string  `json:"start"`
	End             string  `json:"end"`
	Seconds         float64 `json:"seconds"`
	DowntimeSeconds float64 `json:"downtime_seconds"`
	MajorSeconds    float64 `json:"major_seconds"`
	PartialSeconds  float64 `json:"partial_seconds"`
	Availability    float64 `json:"availability"`
}

type jsonDowntime struct {
	Incidents []jsonIncident `json:"incidents"`
	Total     jsonTotal      `json:"total"`
	Periods   []jsonPeriod   `json:"periods"`
}

func (r *downtimeReport) json() jsonDowntime {
	out := jsonDowntime{Incidents: []jsonIncident{}, Periods: []jsonPeriod{}}
	for _, f := range r.incidents {
		ji := jsonIncident{
			File:        f.file,
			ID:          f.inc.ID.String(),
			Title:       f.inc.Title,
			Kind:        f.inc.Kind.String(),
			Dated:       f.dated,
			SpanSeconds: seconds(f.span),
			jsonTotals:  newJSONTotals(f.totals),
			Windows:     []jsonWindow{},
		}
		if f.dated {
			ji.Start, ji.End = utc(f.start), utc(f.end)
			ji.SpanStart, ji.SpanEnd = utc(f.spanStart), utc(f.spanEnd)
		}
		for _, w := range f.windows {
			jw := jsonWindow{Seconds: seconds(w.End.Sub(w.Start)), Level: w.Level.String(), Services: w.Services}
			if jw.Services == nil {
				jw.Services = []string{}
			}
			if f.dated {
				jw.Start, jw.End = utc(w.Start), utc(w.End)
			}
			ji.Windows = append(ji.Windows, jw)
		}
		out.Incidents = append(out.Incidents, ji)
	}
	out.Total = jsonTotal{Incidents: len(r.incidents), jsonTotals: newJSONTotals(r.total)}
	for _, p := range r.periods {
		out.Periods = append(out.Periods, jsonPeriod{
			Period:          p.label,
			Start:           p.Start.UTC().Format(time.RFC3339),
			End:             p.End.UTC().Format(time.RFC3339),
			Seconds:         seconds(p.Length),
			DowntimeSeconds: seconds(p.Totals.Downtime),
			MajorSeconds:    seconds(p.Totals.Major),
			PartialSeconds:  seconds(p.Totals.Partial),
			Availability:    p.Ratio,
		})
	}
	return out
}

func (r *downtimeReport) writeJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r.json())
}

// csvHeader is the first row of downtime --format csv.
var csvHeader = []string{"record", "file", "id", "title", "period", "start", "end", "seconds",
	"span_seconds", "downtime_seconds", "major_seconds", "partial_seconds", "degraded_seconds",
	"maintenance_seconds", "availability"}

func (r *downtimeReport) writeCSV(w io.Writer) error {
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	str := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	totals := func(t jsonTotals) []string {
		return []string{num(t.DowntimeSeconds), num(t.MajorSeconds), num(t.PartialSeconds), num(t.DegradedSeconds), num(t.MaintenanceSeconds)}
	}
	j := r.json()
	cw := csv.NewWriter(w)
	cw.Write(csvHeader)
	for _, ji := range j.Incidents {
		row := []string{"incident", ji.File, ji.ID, ji.Title, "", str(ji.Start), str(ji.End), "", num(ji.SpanSeconds)}
		cw.Write(append(append(row, totals(ji.jsonTotals)...), ""))
	}
	row := []string{"total", "", "", "", "", "", "", "", ""}
	cw.Write(append(append(row, totals(j.Total.jsonTotals)...), ""))
	for _, p := range j.Periods {
		cw.Write([]string{"period", "", "", "", p.Period, p.Start, p.End, num(p.Seconds), "",
			num(p.DowntimeSeconds), num(p.MajorSeconds), num(p.PartialSeconds), "", "", num(p.Availability)})
	}
	cw.Flush()
	return cw.Error()
}

// table is a tabwriter whose lines lose their trailing blanks (an empty last column).
type table struct {
	buf bytes.Buffer
	*tabwriter.Writer
	w io.Writer
}

func newTable(w io.Writer) *table {
	t := &table{w: w}
	t.Writer = tabwriter.NewWriter(&t.buf, 0, 0, 2, ' ', 0)
	return t
}

// flush writes the aligned table to its writer.
func (t *table) flush() error {
	if err := t.Writer.Flush(); err != nil {
		return err
	}
	lines := strings.SplitAfter(t.buf.String(), "\n")
	for i, l := range lines {
		if strings.HasSuffix(l, "\n") {
			lines[i] = strings.TrimRight(l[:len(l)-1], " ") + "\n"
		}
	}
	_, err := io.WriteString(t.w, strings.Join(lines, ""))
	return err
}

// human formats a duration for the table, "-" for none.
func human(d time.Duration) string {
	if d == 0 {
		return "-"
	}
	return render.Duration(d)
}

// truncate shortens s to n runes with an ellipsis.
func truncate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// wallClock formats t for the table: "2016-07-26 10:50 EDT".
func wallClock(t time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	return t.In(loc).Format("2006-01-02 15:04 MST")
}

func (r *downtimeReport) writeTable(w io.Writer) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "INCIDENT\tFILE\tSTART\tSPAN\tDOWNTIME\tMAJOR\tPARTIAL\tDEGRADED\tMAINTENANCE")
	for _, f := range r.incidents {
		start := "(undated)"
		if f.dated {
			loc := f.inc.Location
			if r.opts.locSet {
				loc = r.opts.loc
			}
			t := f.spanStart
			if t.IsZero() {
				t = f.start
			}
			start = wallClock(t, loc)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", truncate(f.inc.Title, 48), f.file, start,
			human(f.span), human(f.totals.Downtime), human(f.totals.Major), human(f.totals.Partial),
			human(f.totals.Degraded), human(f.totals.Maintenance))
	}
	t := r.total
	fmt.Fprintf(tw, "TOTAL (%s)\t\t\t\t%s\t%s\t%s\t%s\t%s\n", plural(len(r.incidents), "incident"),
		human(t.Downtime), human(t.Major), human(t.Partial), human(t.Degraded), human(t.Maintenance))
	if err := tw.flush(); err != nil {
		return err
	}
	if len(r.periods) == 0 {
		return nil
	}
	fmt.Fprintln(w)
	tw = newTable(w)
	fmt.Fprintln(tw, "PERIOD\tSTART\tEND\tLENGTH\tDOWNTIME\tAVAILABILITY")
	for _, p := range r.periods {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", p.label, wallClock(p.Start, r.opts.loc), wallClock(p.End, r.opts.loc),
			render.Duration(p.Length), human(p.Totals.Downtime), percent(p.Ratio))
	}
	return tw.flush()
}

// percent formats an availability ratio: "99.7715 %", "100 %".
func percent(r float64) string {
	if r == 1 {
		return "100 %"
	}
	return strconv.FormatFloat(math.Floor(r*1e6)/1e4, 'f', 4, 64) + " %"
}
