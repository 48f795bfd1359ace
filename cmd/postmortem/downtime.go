package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/render"
	"github.com/go-postmortem/postmortem/report"
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
	report.Options
	locSet      bool // reports whether --tz was given
	format      string
	strict      bool
	spreadsheet bool // reports whether CSV cells that start a formula get a leading '
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
	spreadsheet := flags.Bool("spreadsheet", false, "with --format csv, start every cell that begins with = + - @, a tab or a carriage return with ' so that a spreadsheet shows it as text rather than run it as a formula (OWASP's advice against CSV injection); the output is then no longer plain RFC 4180 for scripts")
	files, err := flags.parse(e, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return flags.usagef("no FILE given")
	}
	opts := downtimeOptions{format: format.value, strict: *strict, spreadsheet: *spreadsheet}
	opts.Location, opts.Services = time.UTC, services
	if *zone != "" {
		loc, err := tz.Resolve(*zone)
		if err != nil {
			return flags.usagef("--tz: %s", oneLine(err.Error()))
		}
		opts.Location, opts.locSet = loc, true
	}
	if *since != "" {
		if opts.Since, err = parseBound(*since, opts.Location); err != nil {
			return flags.usagef("--since: %v", err)
		}
	}
	if *until != "" {
		if opts.Until, err = parseBound(*until, opts.Location); err != nil {
			return flags.usagef("--until: %v", err)
		}
	}
	if !opts.Since.IsZero() && !opts.Until.IsZero() && !opts.Since.Before(opts.Until) {
		return flags.usagef("--since %s is not before --until %s", *since, *until)
	}
	if by.value != "" {
		if opts.Unit, err = timeline.ParseUnit(by.value); err != nil {
			return flags.usagef("--by: %s", oneLine(err.Error()))
		}
	}
	if opts.Config.PartialWeight, err = timeline.ParseWeight(*weight); err != nil {
		return flags.usagef("--partial-weight: %s", strings.TrimPrefix(err.Error(), "timeline: partial weight "))
	}
	if err := opts.Config.Maintenance.UnmarshalText([]byte(maint.value)); err != nil {
		return flags.usagef("--maintenance: %s", oneLine(err.Error()))
	}

	d := newDiagnostics(e.stderr)
	inputs := expandArgs(files, d)
	if err := checkOutput(*out, inputNames(inputs)); err != nil {
		return flags.usagef("%v", err)
	}
	sp := &spool{}
	defer sp.close()
	rep, err := measure(e, opts, inputs, d, sp)
	if d.errors > 0 {
		if d.errors > 1 {
			fmt.Fprintf(e.stderr, "postmortem: %s; nothing measured\n", plural(d.errors, "error"))
		}
		return errReported
	}
	if err != nil {
		return err
	}
	if err := rep.Unknown(); err != nil {
		fmt.Fprintf(e.stderr, "postmortem downtime: --service: %s\n", printable(oneLine(err.Error())))
		return errReported
	}
	periods, err := rep.Periods()
	if err != nil {
		return flags.usagef("%s", err.Error())
	}
	t := rep.Total()
	if t.Saturated() {
		fmt.Fprintln(e.stderr, "postmortem downtime: the total of these incidents is longer than the 292 years a duration measures; measure fewer at once (--since, --until)")
		return errReported
	}
	var o io.Writer
	var file *output
	var buf *bufio.Writer
	if *out == "" || *out == "-" {
		buf = bufio.NewWriterSize(e.stdout, 64<<10)
		o = buf
	} else {
		file = &output{path: *out}
		o = file
	}
	switch opts.format {
	case "json":
		err = writeJSON(o, sp, t, periods)
	case "csv":
		err = writeCSV(o, opts, sp, t, periods)
	default:
		err = writeTable(o, opts, sp, t, periods)
	}
	if err != nil {
		return err
	}
	if buf != nil {
		return buf.Flush()
	}
	return file.flush(e)
}

// measured is what a worker made of one file for downtime: each incident measured, and its
// record encoded in the chosen format.
type measured struct {
	items    []*report.Measured
	encoded  [][]byte // of items[i].Record; nil when it has none
	problems []*incident.ParseError
}

// measure reads, measures and counts every file, on all cores, into a report, and spools
// each incident's output record (encoded once, in the chosen format, by the worker that
// measured it) for writing in order at the end. Only the spool's index and the report's windows stay in memory. The error is
// one an incident's measurement returned (a span too long to measure), also counted in d.
func measure(e *env, opts downtimeOptions, files []input, d *diagnostics, sp *spool) (*report.Report, error) {
	rep := report.New(opts.Options)
	cfg := &incident.Config{Strict: opts.strict}
	work := func(l loaded) any {
		var m measured
		for _, inc := range l.incidents {
			if inc == nil || inc.CheckSpan() != nil {
				continue // a span too long to measure: validation reported it
			}
			it, err := rep.Measure(l.display, inc)
			m.problems = problemsOf(m.problems, l.display, err)
			if it != nil {
				var b []byte
				if it.Record != nil {
					b = encodeRecord(opts, it.Record)
				}
				m.items = append(m.items, it)
				m.encoded = append(m.encoded, b)
			}
		}
		return m
	}
	var failed error
	eachFile(e, cfg, files, d, work, func(l loaded, v any) {
		m, _ := v.(measured)
		for _, p := range m.problems {
			d.add(p)
		}
		if d.errors > 0 {
			return // nothing is printed: spare the work
		}
		for i, it := range m.items {
			rep.Count(it)
			if it.Record != nil {
				if err := sp.add(it.Record, m.encoded[i]); err != nil && failed == nil {
					failed = err
				}
			}
		}
	})
	return rep, failed
}

// encodeRecord returns an incident's record as the format prints it: indented JSON at the
// depth of the incidents array, CSV rows, or table rows.
func encodeRecord(opts downtimeOptions, rec *report.Incident) []byte {
	switch opts.format {
	case "json":
		return appendRecordJSON(nil, rec)
	case "csv":
		var b bytes.Buffer
		cw := newCSV(&b, opts.spreadsheet)
		cw.Write(incidentRow(rec))
		for _, s := range rec.Services {
			cw.Write(serviceRow(rec, s))
		}
		cw.Flush()
		return b.Bytes()
	}
	var b bytes.Buffer
	start := "(undated)"
	switch {
	case rec.Dated && rec.Start != nil:
		loc := rec.Location
		if opts.locSet {
			loc = opts.Location
		}
		start = wallClock(rec.Start.Time, loc)
	case rec.Dated:
		start = "(no events)"
	}
	fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", printable(truncate(rec.Title, 48)), printable(rec.File), start,
		human(rec.Span), human(rec.Downtime), human(rec.Major), human(rec.Partial), human(rec.Degraded), human(rec.Maintenance))
	if len(rec.Services) > 1 {
		for _, s := range rec.Services {
			fmt.Fprintf(&b, "  %s\t\t\t%s\t%s\t%s\t%s\t%s\t%s\n", printable(truncate(s.Name, 46)),
				human(s.Span), human(s.Downtime), human(s.Major), human(s.Partial), human(s.Degraded), human(s.Maintenance))
		}
	}
	return b.Bytes()
}

// spoolMemory is how much of the spooled output stays in memory before it moves to a
// temporary file.
const spoolMemory = 4 << 20

// spool keeps the encoded records of the incidents until they can be written in order
// (report.Compare), in memory up to spoolMemory and in a temporary file past it, so that
// memory stays flat whatever the number of files.
type spool struct {
	mem   bytes.Buffer
	file  *os.File
	w     *bufio.Writer // in front of file: a record is a few KB, a write per record a syscall
	size  int64
	items []spoolItem
}

type spoolItem struct {
	dated bool
	sec   int64
	nsec  int32
	n     int32
	off   int64
}

func (s *spool) add(rec *report.Incident, b []byte) error {
	it := spoolItem{dated: rec.Dated, off: s.size, n: int32(len(b))}
	if rec.Dated {
		it.sec, it.nsec = rec.At.Unix(), int32(rec.At.Nanosecond())
	}
	s.items = append(s.items, it)
	s.size += int64(len(b))
	if s.file == nil && s.mem.Len()+len(b) > spoolMemory {
		f, err := os.CreateTemp("", "postmortem-downtime-*")
		if err != nil {
			return fmt.Errorf("spooling the output: %v", err)
		}
		os.Remove(f.Name()) // gone when closed
		if _, err := f.Write(s.mem.Bytes()); err != nil {
			f.Close()
			return fmt.Errorf("spooling the output: %v", err)
		}
		s.file, s.w = f, bufio.NewWriterSize(f, 64<<10)
		s.mem = bytes.Buffer{}
	}
	if s.file != nil {
		if _, err := s.w.Write(b); err != nil {
			return fmt.Errorf("spooling the output: %v", err)
		}
		return nil
	}
	s.mem.Write(b)
	return nil
}

// each calls fn with every record in order: dated ones by start, then the undated ones,
// each group in the order added.
func (s *spool) each(fn func(i int, b []byte) error) error {
	if s.w != nil {
		if err := s.w.Flush(); err != nil {
			return fmt.Errorf("spooling the output: %v", err)
		}
	}
	order := make([]int32, len(s.items))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		x, y := &s.items[a], &s.items[b]
		switch {
		case x.dated != y.dated:
			if x.dated {
				return -1
			}
			return 1
		case !x.dated:
			return 0
		case x.sec != y.sec:
			return cmp.Compare(x.sec, y.sec)
		}
		return cmp.Compare(x.nsec, y.nsec)
	})
	var buf []byte
	for k, i := range order {
		it := &s.items[i]
		if s.file == nil {
			if err := fn(k, s.mem.Bytes()[it.off:it.off+int64(it.n)]); err != nil {
				return err
			}
			continue
		}
		buf = slices.Grow(buf[:0], int(it.n))[:it.n]
		if _, err := s.file.ReadAt(buf, it.off); err != nil {
			return fmt.Errorf("reading the spooled output: %v", err)
		}
		if err := fn(k, buf); err != nil {
			return err
		}
	}
	return nil
}

func (s *spool) close() {
	if s.file != nil {
		s.file.Close()
	}
}

// writeJSON writes the one JSON object of --format json: the spooled incidents, then the
// total and the periods, indented as encoding/json indents the whole.
func writeJSON(w io.Writer, sp *spool, t report.Total, periods []report.Period) error {
	if len(sp.items) == 0 {
		io.WriteString(w, "{\n  \"incidents\": [],\n")
	} else {
		io.WriteString(w, "{\n  \"incidents\": [\n")
		err := sp.each(func(i int, b []byte) error {
			if i > 0 {
				io.WriteString(w, ",\n")
			}
			io.WriteString(w, "    ")
			_, err := w.Write(b)
			return err
		})
		if err != nil {
			return err
		}
		io.WriteString(w, "\n  ],\n")
	}
	tb, err := json.MarshalIndent(t, "  ", "  ")
	if err != nil {
		return err
	}
	if periods == nil {
		periods = []report.Period{}
	}
	pb, err := json.MarshalIndent(periods, "  ", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "  \"total\": %s,\n  \"periods\": %s\n}\n", tb, pb)
	return err
}

// csvHeader is the first row of downtime --format csv.
var csvHeader = []string{"record", "file", "id", "title", "period", "start", "end", "seconds",
	"span_seconds", "downtime_seconds", "major_seconds", "partial_seconds", "degraded_seconds",
	"maintenance_seconds", "availability", "service", "span_start", "span_end"}

// csvWriter writes CSV records, each cell that a spreadsheet would run as a formula quoted
// with a leading ' when guard is set.
type csvWriter struct {
	*csv.Writer
	guard bool
}

func newCSV(w io.Writer, guard bool) *csvWriter { return &csvWriter{csv.NewWriter(w), guard} }

func (c *csvWriter) Write(row []string) {
	if c.guard {
		for i, v := range row {
			if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
				row[i] = "'" + v
			}
		}
	}
	c.Writer.Write(row)
}

func str(t *report.Time) string {
	if t == nil {
		return ""
	}
	return t.String()
}

func totalsRow(t report.Totals) []string {
	return []string{t.Downtime.String(), t.Major.String(), t.Partial.String(), t.Degraded.String(), t.Maintenance.String()}
}

func incidentRow(rec *report.Incident) []string {
	row := []string{"incident", rec.File, rec.ID, rec.Title, "", str(rec.Start), str(rec.End), "", rec.Span.String()}
	return append(append(row, totalsRow(rec.Totals)...), "", "", str(rec.SpanStart), str(rec.SpanEnd))
}

func serviceRow(rec *report.Incident, s report.Service) []string {
	row := []string{"service", rec.File, rec.ID, rec.Title, "", "", "", "", s.Span.String()}
	return append(append(row, totalsRow(s.Totals)...), "", s.Name, "", "")
}

func writeCSV(w io.Writer, opts downtimeOptions, sp *spool, t report.Total, periods []report.Period) error {
	cw := newCSV(w, opts.spreadsheet)
	cw.Write(slices.Clone(csvHeader))
	cw.Flush()
	err := sp.each(func(_ int, b []byte) error {
		_, err := w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	row := []string{"total", "", "", "", "", "", "", "", ""}
	cw.Write(append(append(row, totalsRow(t.Totals)...), "", "", "", ""))
	for _, p := range periods {
		cw.Write([]string{"period", "", "", "", p.Label, p.Start.String(), p.End.String(), p.Length.String(), "",
			p.Downtime.String(), p.Major.String(), p.Partial.String(), "", "",
			strconv.FormatFloat(p.Availability, 'f', -1, 64), "", "", ""})
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
func human(d report.Duration) string {
	if d == 0 {
		return "-"
	}
	return render.Duration(time.Duration(d))
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

func writeTable(w io.Writer, opts downtimeOptions, sp *spool, t report.Total, periods []report.Period) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "INCIDENT\tFILE\tSTART\tSPAN\tDOWNTIME\tMAJOR\tPARTIAL\tDEGRADED\tMAINTENANCE")
	err := sp.each(func(_ int, b []byte) error {
		_, err := tw.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(tw, "TOTAL (%s)\t\t\t\t%s\t%s\t%s\t%s\t%s\n", plural(t.Incidents, "incident"),
		human(t.Downtime), human(t.Major), human(t.Partial), human(t.Degraded), human(t.Maintenance))
	if err := tw.flush(); err != nil {
		return err
	}
	if len(periods) == 0 {
		return nil
	}
	fmt.Fprintln(w)
	tw = newTable(w)
	fmt.Fprintln(tw, "PERIOD\tSTART\tEND\tLENGTH\tDOWNTIME\tAVAILABILITY")
	for _, p := range periods {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", p.Label, wallClock(p.Start.Time, opts.Location), wallClock(p.End.Time, opts.Location),
			render.Duration(time.Duration(p.Length)), human(p.Downtime), percent(p.Availability))
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

// appendRecordJSON appends rec as json.MarshalIndent(rec, "    ", "  ") writes it, byte for
// byte (TestRecordJSON holds it to that), without reflection: in profiles of downtime over
// the 10,000 files of BENCHMARKS.md, encoding/json's MarshalIndent took 4.2 % of the CPU,
// this 1.3 %.
func appendRecordJSON(b []byte, rec *report.Incident) []byte {
	const in1, in2, in3, in4 = "\n      ", "\n        ", "\n          ", "\n            "
	b = slices.Grow(b, recordJSONSize(rec))
	b = append(b, '{')
	b = appendJSONKey(b, in1, "file")
	b = appendJSONString(b, rec.File)
	b = appendJSONKey(append(b, ','), in1, "id")
	b = appendJSONString(b, rec.ID)
	b = appendJSONKey(append(b, ','), in1, "title")
	b = appendJSONString(b, rec.Title)
	b = appendJSONKey(append(b, ','), in1, "kind")
	b = appendJSONString(b, rec.Kind)
	b = appendJSONKey(append(b, ','), in1, "dated")
	b = strconv.AppendBool(b, rec.Dated)
	b = appendJSONKey(append(b, ','), in1, "start")
	b = appendJSONTime(b, rec.Start)
	b = appendJSONKey(append(b, ','), in1, "end")
	b = appendJSONTime(b, rec.End)
	b = appendJSONKey(append(b, ','), in1, "span_start")
	b = appendJSONTime(b, rec.SpanStart)
	b = appendJSONKey(append(b, ','), in1, "span_end")
	b = appendJSONTime(b, rec.SpanEnd)
	b = appendJSONKey(append(b, ','), in1, "span_seconds")
	b = appendJSONSeconds(b, rec.Span)
	b = appendJSONTotals(append(b, ','), in1, rec.Totals)
	b = appendJSONKey(append(b, ','), in1, "windows")
	switch {
	case rec.Windows == nil:
		b = append(b, "null"...)
	case len(rec.Windows) == 0:
		b = append(b, "[]"...)
	default:
		b = append(b, '[')
		for i, w := range rec.Windows {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(append(b, in2...), '{')
			b = appendJSONKey(b, in3, "start")
			b = appendJSONTime(b, w.Start)
			b = appendJSONKey(append(b, ','), in3, "end")
			b = appendJSONTime(b, w.End)
			b = appendJSONKey(append(b, ','), in3, "seconds")
			b = appendJSONSeconds(b, w.Length)
			b = appendJSONKey(append(b, ','), in3, "level")
			b = appendJSONString(b, w.Level)
			b = appendJSONKey(append(b, ','), in3, "services")
			switch {
			case w.Services == nil:
				b = append(b, "null"...)
			case len(w.Services) == 0:
				b = append(b, "[]"...)
			default:
				b = append(b, '[')
				for j, s := range w.Services {
					if j > 0 {
						b = append(b, ',')
					}
					b = appendJSONString(append(b, in4...), s)
				}
				b = append(append(b, in3...), ']')
			}
			b = append(append(b, in2...), '}')
		}
		b = append(append(b, in1...), ']')
	}
	b = appendJSONKey(append(b, ','), in1, "services")
	switch {
	case rec.Services == nil:
		b = append(b, "null"...)
	case len(rec.Services) == 0:
		b = append(b, "[]"...)
	default:
		b = append(b, '[')
		for i, s := range rec.Services {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(append(b, in2...), '{')
			b = appendJSONKey(b, in3, "name")
			b = appendJSONString(b, s.Name)
			b = appendJSONKey(append(b, ','), in3, "span_seconds")
			b = appendJSONSeconds(b, s.Span)
			b = appendJSONTotals(append(b, ','), in3, s.Totals)
			b = append(append(b, in2...), '}')
		}
		b = append(append(b, in1...), ']')
	}
	if src := rec.Source; src != nil {
		b = appendJSONKey(append(b, ','), in1, "source")
		b = append(b, '{')
		b = appendJSONKey(b, in2, "system")
		b = appendJSONString(b, src.System)
		for _, f := range [...]struct{ key, value string }{{"id", src.ID}, {"page", src.Page}, {"url", src.URL}} {
			if f.value != "" {
				b = appendJSONKey(append(b, ','), in2, f.key)
				b = appendJSONString(b, f.value)
			}
		}
		b = append(append(b, in1...), '}')
	}
	return append(b, "\n    }"...)
}

// recordJSONSize returns about how many bytes appendRecordJSON writes of rec, a little more
// for figures and instants of usual length, so that the record is written into one
// allocation: growing the slice from nothing took a third of the encoding's time.
func recordJSONSize(rec *report.Incident) int {
	n := 700 + len(rec.File) + len(rec.ID) + len(rec.Title) + len(rec.Kind)
	for _, w := range rec.Windows {
		n += 220 + len(w.Level)
		for _, s := range w.Services {
			n += 16 + len(s)
		}
	}
	for _, s := range rec.Services {
		n += 300 + len(s.Name)
	}
	if src := rec.Source; src != nil {
		n += 100 + len(src.System) + len(src.ID) + len(src.Page) + len(src.URL)
	}
	return n
}

// appendJSONKey appends a new line, its indent and "key": .
func appendJSONKey(b []byte, indent, key string) []byte {
	b = append(b, indent...)
	b = append(b, '"')
	b = append(b, key...)
	return append(b, `": `...)
}

// appendJSONTotals appends the fields of t, each on a line of its own at indent.
func appendJSONTotals(b []byte, indent string, t report.Totals) []byte {
	b = appendJSONKey(b, indent, "downtime_seconds")
	b = appendJSONSeconds(b, t.Downtime)
	b = appendJSONKey(append(b, ','), indent, "major_seconds")
	b = appendJSONSeconds(b, t.Major)
	b = appendJSONKey(append(b, ','), indent, "partial_seconds")
	b = appendJSONSeconds(b, t.Partial)
	b = appendJSONKey(append(b, ','), indent, "degraded_seconds")
	b = appendJSONSeconds(b, t.Degraded)
	b = appendJSONKey(append(b, ','), indent, "maintenance_seconds")
	return appendJSONSeconds(b, t.Maintenance)
}

// appendJSONSeconds appends d as report.Duration's MarshalJSON writes it. Whole seconds,
// most figures, are an integer of fewer than 2^53, which the shortest float prints as its
// digits.
func appendJSONSeconds(b []byte, d report.Duration) []byte {
	if time.Duration(d)%time.Second == 0 {
		return strconv.AppendInt(b, int64(time.Duration(d)/time.Second), 10)
	}
	return strconv.AppendFloat(b, d.Seconds(), 'f', -1, 64)
}

// appendJSONTime appends t as report.Time's MarshalJSON writes it, or null: RFC 3339 in UTC
// to the second, written digit by digit for the years 0 to 9999.
func appendJSONTime(b []byte, t *report.Time) []byte {
	if t == nil {
		return append(b, "null"...)
	}
	u := t.UTC()
	year, month, day := u.Date()
	if year < 0 || year > 9999 {
		b = append(b, '"')
		b = u.AppendFormat(b, time.RFC3339)
		return append(b, '"')
	}
	hour, minute, sec := u.Clock()
	two := func(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }
	b = append(b, '"')
	b = two(two(b, year/100), year%100)
	b = two(append(b, '-'), int(month))
	b = two(append(b, '-'), day)
	b = two(append(b, 'T'), hour)
	b = two(append(b, ':'), minute)
	b = two(append(b, ':'), sec)
	return append(b, 'Z', '"')
}

// appendJSONString appends s quoted as encoding/json quotes it: with <, > and & escaped,
// invalid UTF-8 as \ufffd, and U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
