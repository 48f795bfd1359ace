// Downtime prints the downtime of every incident file in a folder, and the downtime and
// availability of each calendar month that had any, in a time zone of your choice.
//
// It shows the calls a script makes: [incident.Load] and [incident.Validate] to read the files,
// a [report.Report] for each incident's downtime and for calendar months across incidents,
// overlaps counted once, [incident.Incident.Metrics] for the lifecycle milestones, and
// [timeline.Summarize] for the count, total, median, p90 and maximum of downtime and of the
// times to detect and to resolve across incidents.
//
// Usage:
//
//	go run ./examples/downtime [-tz zone] [folder]
//
// The folder defaults to the current directory; every *.yaml file in it is read. The zone
// (default UTC) is an IANA name such as America/New_York, or anything tz.Resolve accepts.
// Undated incidents are listed, but they have no month to count in.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"text/tabwriter"
	"time"
	_ "time/tzdata" // answers do not depend on the host's zone database

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/report"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
)

func main() {
	zone := flag.String("tz", "UTC", "time zone of the calendar months")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: downtime [-tz zone] [folder]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 1 {
		flag.Usage()
		os.Exit(2)
	}
	dir := "."
	if flag.NArg() == 1 {
		dir = flag.Arg(0)
	}
	if err := run(os.Stdout, os.DirFS(dir), *zone); err != nil {
		fmt.Fprintln(os.Stderr, "downtime:", err)
		os.Exit(1)
	}
}

// run writes the report for the *.yaml files of fsys, with months in zone.
func run(w io.Writer, fsys fs.FS, zone string) error {
	loc, err := tz.Resolve(zone)
	if err != nil {
		return err
	}
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return errors.New("no *.yaml files")
	}

	var (
		// Statuspage's weights (partial outage counts 30%), months in loc.
		rep = report.New(report.Options{Unit: timeline.Month, Location: loc})
		// Per metric, the values of the incidents that have it, for the summary.
		downtimes, toDetect, toResolve []time.Duration
	)
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "FILE\tSTART\tDOWNTIME\tTITLE")
	for _, name := range names {
		incs, err := incident.Load(fsys, name)
		if err != nil {
			return err
		}
		for _, inc := range incs {
			if errs, _ := incident.Validate(inc); len(errs) > 0 {
				return errs
			}
			rec, _ := rep.Add(name, inc) // the warning: an undated incident has no month
			if rec == nil {
				continue
			}
			start := "undated"
			switch {
			case rec.Dated && rec.Start != nil:
				start = rec.Start.In(loc).Format("2006-01-02 15:04 MST")
			case rec.Dated:
				start = "no events"
			}
			downtime := time.Duration(rec.Downtime)
			fmt.Fprintf(tw, "%s\t%s\t%v\t%s\n", name, start, downtime.Round(time.Second), inc.Title)
			if inc.Kind == incident.KindMaintenance {
				continue // planned: not part of the incident statistics
			}
			downtimes = append(downtimes, downtime)
			m := inc.Metrics(timeline.Policy{})
			if d, ok := m.Lifecycle.TimeTo(timeline.Detected); ok {
				toDetect = append(toDetect, d)
			}
			if d, ok := m.Lifecycle.TimeTo(timeline.Resolved); ok {
				toResolve = append(toResolve, d)
			}
		}
	}
	fmt.Fprintln(tw)

	// Across incidents: a metric missing from an incident is left out, never guessed.
	fmt.Fprintln(tw, "ACROSS INCIDENTS\tCOUNT\tTOTAL\tMEDIAN\tP90\tMAX")
	for _, row := range []struct {
		name string
		ds   []time.Duration
	}{{"downtime", downtimes}, {"time to detect", toDetect}, {"time to resolve", toResolve}} {
		s := timeline.Summarize(row.ds)
		fmt.Fprintf(tw, "%s\t%d\t%v\t%v\t%v\t%v\n", row.name, s.Count, s.Total, s.Median, s.P90, s.Max)
	}
	fmt.Fprintln(tw)

	fmt.Fprintln(tw, "MONTH\tDOWNTIME\tAVAILABILITY")
	periods, err := rep.Periods()
	if err != nil {
		return err
	}
	for _, p := range periods {
		if p.Downtime == 0 {
			continue
		}
		fmt.Fprintf(tw, "%s\t%v\t%.4f%%\n", p.Label, time.Duration(p.Downtime).Round(time.Second), 100*p.Availability)
	}
	return tw.Flush()
}
