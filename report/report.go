// Package report measures downtime across incidents, as `postmortem downtime` prints it:
// each incident's figures and windows (per service too), the total over all of them with
// overlaps counted once, and the availability of calendar periods in a time zone.
//
// A Report takes incidents one at a time and keeps only what the total and the periods need
// (the instants and levels of the windows, 32 bytes a window), so that a program can stream
// any number of files through it:
//
//	r := report.New(report.Options{Unit: timeline.Month, Location: loc})
//	for _, inc := range incidents {
//		rec, err := r.Add(file, inc)
//		...print rec, or keep it...
//	}
//	periods, err := r.Periods()
//
// The records (Incident, Total, Period) are plain values with the JSON names the command
// prints; encoding one needs nothing else.
package report

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/internal/edit"
	"github.com/go-postmortem/postmortem/timeline"
)

// Options say what a Report counts. The zero Options count every service of every incident,
// with Statuspage's weights, and measure no periods.
type Options struct {
	// Since and Until clip every window to [Since, Until); a zero bound is open. Incidents
	// with nothing inside are left out, and so are undated ones (they cannot be placed).
	Since, Until time.Time

	// Unit is the calendar period of Periods; UnitUnknown measures none, except the one
	// period [Since, Until) when both are set.
	Unit timeline.Unit

	// Location is the zone of the periods; nil means UTC.
	Location *time.Location

	// Services, when not empty, counts only those services (names as the files write them,
	// in any case): every figure and period comes from their own windows. Incidents that have
	// none of them are left out.
	Services []string

	// Config holds the partial weight and the maintenance policy.
	Config timeline.Policy

	// ServicePeriods reports whether Periods also measures each service (Period.Services).
	// It keeps the windows of each service as well as their union.
	ServicePeriods bool
}

// MaxPeriods is the most periods one report measures: a --by day over centuries is a
// mistake, and would print millions of lines.
const MaxPeriods = 100_000

// maxKnown bounds the service names a Report remembers for UnknownServiceError.
const maxKnown = 10_000

// Errors a Report returns; match them with errors.Is.
var (
	// ErrUndated is matched by the warning for an incident without a date, which has no
	// place in periods or in a range.
	ErrUndated = errors.New("report: incident has no date")

	// ErrTooLong is matched by the error for an incident, or a set of periods, that spans
	// more than time.Duration measures (about 292 years).
	ErrTooLong = errors.New("report: span too long to measure")

	// ErrTooManyPeriods is matched by the error of Periods when the range holds more than
	// MaxPeriods periods.
	ErrTooManyPeriods = errors.New("report: too many periods")

	// ErrUnknownService is matched by *UnknownServiceError.
	ErrUnknownService = errors.New("report: unknown service")
)

// reportError is an error with its own message that matches a sentinel.
type reportError struct {
	msg string
	is  error
}

func (e *reportError) Error() string { return e.msg }
func (e *reportError) Unwrap() error { return e.is }

func errorf(is error, format string, args ...any) error {
	return &reportError{fmt.Sprintf(format, args...), is}
}

// UnknownServiceError says that services of Options.Services name no service of any
// incident added.
type UnknownServiceError struct {
	Names []string // the names that matched nothing
	Known []string // the services there are, sorted case-insensitively
}

// Error says of each name that no incident has that service (with the closest known name
// when one is near), then lists the services there are.
func (e *UnknownServiceError) Error() string {
	var b strings.Builder
	for i, n := range e.Names {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "no incident has a service %q", n)
		if s := edit.Closest(n, e.Known); s != "" {
			fmt.Fprintf(&b, " (did you mean %q?)", s)
		}
	}
	switch {
	case len(e.Known) == 0:
		b.WriteString("; the incidents name no service")
	default:
		fmt.Fprintf(&b, "; the services are: %s", strings.Join(e.Known, ", "))
	}
	return b.String()
}

// Is reports whether target is ErrUnknownService.
func (e *UnknownServiceError) Is(target error) bool { return target == ErrUnknownService }

// Report measures incidents added one at a time. Measure is safe for concurrent use; Add,
// Count and the methods that read the results are not.
type Report struct {
	opts    Options
	want    map[string]bool // lower-case names of opts.Services
	ranged  bool
	count   int
	all     timeline.Union // the windows of the dated incidents counted
	undated timeline.Totals
	first   time.Time // the extent of the dated incidents counted
	last    time.Time
	extent  bool

	perService map[string]*serviceUnion // lower-case name → its windows, with ServicePeriods
	matched    map[string]bool          // lower-case names of opts.Services seen
	known      map[string]string        // lower-case name → spelling, of every service seen
}

type serviceUnion struct {
	name string
	timeline.Union
}

// New returns a Report with opts.
func New(opts Options) *Report {
	r := &Report{opts: opts, ranged: !opts.Since.IsZero() || !opts.Until.IsZero(),
		matched: map[string]bool{}, known: map[string]string{}}
	if r.opts.Location == nil {
		r.opts.Location = time.UTC
	}
	if len(opts.Services) > 0 {
		r.want = make(map[string]bool, len(opts.Services))
		for _, s := range opts.Services {
			r.want[strings.ToLower(s)] = true
		}
	}
	return r
}

// Measured is an incident measured by Measure, ready to Count: its record and what the
// total and the periods need of it. A nil *Measured is an incident left out.
type Measured struct {
	Record *Incident
	dated  bool
	ws     []timeline.Window // merged, clipped windows
	per    []timeline.ServiceWindows
	seen   []string  // the service names it has
	start  time.Time // the first and last instant the incident records (placed reports whether it has one)
	end    time.Time
	placed bool
}

// Add measures inc (loaded from file) and counts it: Measure then Count.
func (r *Report) Add(file string, inc *incident.Incident) (*Incident, error) {
	m, err := r.Measure(file, inc)
	r.Count(m)
	if m == nil {
		return nil, err
	}
	return m.Record, err
}

// Measure computes the record of inc (loaded from file) under r's options without counting
// it, so that several goroutines may measure incidents while one counts them in order. It
// returns nil for an incident left out: one that has none of Options.Services (no error), one
// with nothing inside [Since, Until) (no error), or an undated one in a range (with a warning
// matching ErrUndated). An undated incident with Options.Unit set is measured, with a warning:
// it counts in the total but not in the periods. Warnings are *incident.ParseError values
// with Warning set; an incident that spans more than time.Duration measures is an error
// matching ErrTooLong, and nil.
func (r *Report) Measure(file string, inc *incident.Incident) (*Measured, error) {
	cfg := r.opts.Config
	m := inc.Metrics(cfg)
	out := &Measured{dated: m.Dated}
	out.start, out.end, out.placed = m.Start, m.End, m.Recorded
	ws := m.Windows
	per := m.Services
	out.seen = make([]string, 0, len(inc.Services)+len(per))
	out.seen = append(out.seen, inc.Services...)
	for _, s := range per {
		out.seen = append(out.seen, s.Name)
	}
	if m.Dated && out.end.Sub(out.start) == math.MaxInt64 {
		return nil, &incident.ParseError{File: file, Err: errorf(ErrTooLong, "incident %q runs from %s to %s, longer than the 292 years a duration measures; check the dates",
			inc.Title, out.start.Format(time.DateOnly), out.end.Format(time.DateOnly))}
	}
	var warn error
	changed := false
	var raw []timeline.Window // made only to be filtered or clipped
	if r.want != nil || m.Dated && r.ranged {
		raw = inc.Windows()
	}
	if r.want != nil {
		raw = timeline.Filter(raw, r.opts.Services...)
		changed = true
		if len(raw) == 0 && !r.touches(inc.Services) {
			return out.leftOut(), nil
		}
	}
	if !m.Dated {
		if r.ranged {
			return out.leftOut(), &incident.ParseError{File: file, Warning: true,
				Err: errorf(ErrUndated, "incident %q has no date, so it cannot be placed in --since/--until: left out (add date: to the file)", inc.Title)}
		}
		if r.opts.Unit != timeline.UnitUnknown {
			warn = &incident.ParseError{File: file, Warning: true,
				Err: errorf(ErrUndated, "incident %q has no date: its durations count in the total, but it is left out of the periods (add date: to the file)", inc.Title)}
		}
	}
	if m.Dated && r.ranged {
		lo, hi := r.opts.Since, r.opts.Until
		if hi.IsZero() {
			hi = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
		}
		if len(raw) == 0 && (!out.placed || out.end.Before(lo) || !out.start.Before(hi)) {
			return out.leftOut(), nil
		}
		clipped := timeline.Clip(raw, lo, hi)
		if len(raw) > 0 && len(clipped) == 0 {
			return out.leftOut(), nil
		}
		raw, changed = clipped, true
	}
	rec := &Incident{
		File: file, ID: inc.ID.String(), Title: inc.Title, Kind: inc.Kind.String(), Dated: m.Dated,
		Location: inc.Location,
	}
	if src := inc.Source; src != nil {
		rec.Source = &Source{System: src.System, ID: src.ID, Page: src.Page, URL: src.URL}
	}
	totals, spanStart, spanEnd, span := m.Totals, m.SpanStart, m.SpanEnd, m.Span
	if changed {
		ws = timeline.Merge(raw)
		totals = cfg.Measure(raw)
		spanStart, spanEnd = timeline.Span(ws)
		span = spanEnd.Sub(spanStart)
		listed := inc.Services
		if r.want != nil {
			listed = nil
			for _, s := range inc.Services {
				if r.want[strings.ToLower(s)] {
					listed = append(listed, s)
				}
			}
		}
		per = incident.ServiceFigures(raw, listed, cfg)
	}
	rec.Span, rec.Totals = Duration(span), totalsOf(totals)
	var ts times
	if m.Dated {
		ts = make(times, 0, 4+2*len(ws))
		if m.Recorded {
			rec.Start, rec.End = ts.at(m.Start, true), ts.at(m.End, true)
		}
		rec.At = out.start
		if !out.placed && !inc.Date.IsZero() {
			loc := inc.Location
			if loc == nil {
				loc = time.UTC
			}
			rec.At = time.Date(inc.Date.Year, inc.Date.Month, inc.Date.Day, 0, 0, 0, 0, loc).UTC()
		}
		if span > 0 { // there was an outage: 0001-01-01T00:00Z is an instant like another
			rec.SpanStart, rec.SpanEnd = ts.at(spanStart, true), ts.at(spanEnd, true)
		}
	}
	rec.Windows = make([]Window, 0, len(ws))
	for _, w := range ws {
		rw := Window{Start: ts.at(w.Start, m.Dated), End: ts.at(w.End, m.Dated), Length: Duration(w.End.Sub(w.Start)),
			Level: w.Level.String(), Services: w.Services}
		if rw.Services == nil {
			rw.Services = []string{}
		}
		rec.Windows = append(rec.Windows, rw)
	}
	rec.Services = make([]Service, 0, len(per))
	for _, s := range per {
		rec.Services = append(rec.Services, Service{Name: s.Name, Span: Duration(s.Span), Totals: totalsOf(s.Totals)})
		if r.opts.ServicePeriods {
			out.per = append(out.per, timeline.ServiceWindows{Service: s.Name, Windows: s.Windows})
		}
	}
	out.Record, out.ws = rec, ws
	return out, warn
}

// leftOut returns a Measured that counts nothing but the service names it has.
func (m *Measured) leftOut() *Measured {
	return &Measured{seen: m.seen}
}

// touches reports whether names holds one of the services counted.
func (r *Report) touches(names []string) bool {
	for _, n := range names {
		if r.want[strings.ToLower(n)] {
			return true
		}
	}
	return false
}

// Count counts an incident that Measure measured; Count(nil) does nothing. Incidents are
// counted in the order Count is called, which only the Total's saturation could tell.
func (r *Report) Count(m *Measured) {
	if m == nil {
		return
	}
	for _, s := range m.seen {
		k := strings.ToLower(s)
		if r.want[k] {
			r.matched[k] = true
		}
		if _, ok := r.known[k]; !ok && len(r.known) < maxKnown {
			r.known[k] = s
		}
	}
	if m.Record == nil {
		return
	}
	r.count++
	if !m.dated {
		r.undated = addTotals(r.undated, timeline.Totals{
			Major: time.Duration(m.Record.Major), Partial: time.Duration(m.Record.Partial),
			Degraded: time.Duration(m.Record.Degraded), Maintenance: time.Duration(m.Record.Maintenance),
			Downtime: time.Duration(m.Record.Downtime),
		})
		return
	}
	r.all.Add(m.ws...)
	see := func(s, e time.Time) {
		if !r.extent || s.Before(r.first) {
			r.first = s
		}
		if !r.extent || e.After(r.last) {
			r.last = e
		}
		r.extent = true
	}
	if len(m.ws) == 0 && m.placed {
		see(m.start, m.end)
	}
	for _, w := range m.ws {
		see(w.Start, w.End)
	}
	for _, s := range m.per {
		k := strings.ToLower(s.Service)
		if r.perService == nil {
			r.perService = map[string]*serviceUnion{}
		}
		u := r.perService[k]
		if u == nil {
			u = &serviceUnion{name: s.Service}
			r.perService[k] = u
		}
		u.Add(s.Windows...)
	}
}

// Unknown returns an *UnknownServiceError when a name of Options.Services matched no
// service of the incidents counted, else nil.
func (r *Report) Unknown() error {
	var missing []string
	for _, s := range r.opts.Services {
		if !r.matched[strings.ToLower(s)] && !slices.Contains(missing, s) {
			missing = append(missing, s)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	known := make([]string, 0, len(r.known))
	for _, s := range r.known {
		known = append(known, s)
	}
	slices.SortFunc(known, func(a, b string) int {
		if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return &UnknownServiceError{Names: missing, Known: known}
}

// Total returns the total over the incidents counted: the union of the windows of the dated
// ones, each instant once at its worst level, plus the figures of the undated ones.
func (r *Report) Total() Total {
	t := addTotals(r.opts.Config.MeasureUnion(&r.all), r.undated)
	return Total{Incidents: r.count, Totals: totalsOf(t)}
}

// Periods returns the availability of each calendar period of Options.Unit in
// Options.Location that covers [Since, Until), an open bound taken from the first or last
// instant of the dated incidents counted; without Unit, the one period [Since, Until) when
// both are set. It returns none when no dated incident was counted and a bound is open. The
// error, for more than MaxPeriods periods, matches ErrTooManyPeriods.
func (r *Report) Periods() ([]Period, error) {
	from, to := r.opts.Since, r.opts.Until
	if from.IsZero() || to.IsZero() {
		if !r.extent {
			return nil, nil
		}
		if from.IsZero() {
			from = r.first
		}
		if to.IsZero() {
			to = r.last
		}
	}
	var ps []timeline.Period
	var labels []string
	switch u := r.opts.Unit; {
	case u != timeline.UnitUnknown:
		if !to.After(from) {
			to = from.Add(time.Nanosecond)
		}
		if n := timeline.CountPeriods(u, r.opts.Location, from, to); n > MaxPeriods {
			return nil, errorf(ErrTooManyPeriods, "%s to %s holds more than %d periods of a %s (%d); choose a coarser --by or a shorter --since/--until",
				from.Format(time.DateOnly), to.Format(time.DateOnly), MaxPeriods, u, n)
		}
		ps = timeline.Periods(u, r.opts.Location, from, to)
		for _, p := range ps {
			labels = append(labels, Label(u, p.Start.In(r.opts.Location)))
		}
	case !r.opts.Since.IsZero() && !r.opts.Until.IsZero():
		ps, labels = []timeline.Period{{Start: r.opts.Since, End: r.opts.Until}}, []string{"range"}
	default:
		return nil, nil
	}
	for _, p := range ps {
		if p.End.Sub(p.Start) == math.MaxInt64 {
			return nil, errorf(ErrTooLong, "the period %s to %s is longer than the 292 years a duration measures",
				p.Start.Format(time.DateOnly), p.End.Format(time.DateOnly))
		}
	}
	cfg := &r.opts.Config
	as := cfg.AvailabilityUnion(&r.all, ps)
	out := make([]Period, len(ps))
	for i, a := range as {
		out[i] = periodOf(labels[i], a)
	}
	if r.opts.ServicePeriods && len(r.perService) > 0 {
		keys := make([]string, 0, len(r.perService))
		for k := range r.perService {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			u := r.perService[k]
			for i, a := range cfg.AvailabilityUnion(&u.Union, ps) {
				out[i].Services = append(out[i].Services, ServicePeriod{Name: u.name, Downtime: Duration(a.Totals.Downtime),
					Major: Duration(a.Totals.Major), Partial: Duration(a.Totals.Partial), Availability: a.Ratio})
			}
		}
	}
	return out, nil
}

// Compare orders records as the command prints them: dated incidents by At, then the
// undated ones, which compare equal (use it with slices.SortStableFunc to keep their order).
func Compare(a, b *Incident) int {
	switch {
	case a.Dated != b.Dated:
		if a.Dated {
			return -1
		}
		return 1
	case !a.Dated:
		return 0
	}
	return a.At.Compare(b.At)
}

// Label names the period of unit that starts at t (in the period's zone): "2016-07-26",
// "2016-W30", "2016-07", "2016-Q3", "2016".
func Label(u timeline.Unit, t time.Time) string {
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
