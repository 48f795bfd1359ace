package render

import (
	"slices"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/incident"
)

// ServiceRow is one service's figures in the per-service table, from its own windows alone:
// what that service went through, whatever the others did. Each figure is a duration in words
// ("20 min"), "none" for a Downtime of zero and "—" for another figure of zero.
type ServiceRow struct {
	Name        string
	Downtime    string
	Major       string
	Partial     string
	Degraded    string
	Maintenance string
	Span        string // first moment at partial outage or worse to the last one leaving it
}

// ServiceColumns reports which columns of the per-service table have a value in some row
// (Downtime always does for an incident; for a maintenance only when there was downtime).
type ServiceColumns struct {
	Downtime, Major, Partial, Degraded, Maintenance, Span bool
}

// serviceRows returns the per-service table of inc from m.Services, in the incident's order of
// services (those of its services list, then those only its events and outages name, in the
// order they appear), and the columns that have a value; nil when inc has fewer than two
// services, since the headline figures then say it all.
func serviceRows(inc *incident.Incident, m *incident.Metrics) ([]ServiceRow, ServiceColumns) {
	var cols ServiceColumns
	if len(m.Services) < 2 {
		return nil, cols
	}
	byName := make(map[string]*incident.ServiceMetrics, len(m.Services))
	for i := range m.Services {
		byName[strings.ToLower(m.Services[i].Name)] = &m.Services[i]
	}
	rows := make([]ServiceRow, 0, len(m.Services))
	add := func(name string) {
		k := strings.ToLower(name)
		s := byName[k]
		if s == nil {
			return // already shown, or no service (a blank name)
		}
		delete(byName, k)
		t := s.Totals
		rows = append(rows, ServiceRow{
			Name:        oneLine(s.Name),
			Downtime:    figureText(t.Downtime, "none"),
			Major:       figureText(t.Major, "—"),
			Partial:     figureText(t.Partial, "—"),
			Degraded:    figureText(t.Degraded, "—"),
			Maintenance: figureText(t.Maintenance, "—"),
			Span:        figureText(s.Span, "—"),
		})
		cols.Downtime = cols.Downtime || t.Downtime > 0 || inc.Kind != incident.KindMaintenance
		cols.Major = cols.Major || t.Major > 0
		cols.Partial = cols.Partial || t.Partial > 0
		cols.Degraded = cols.Degraded || t.Degraded > 0
		cols.Maintenance = cols.Maintenance || t.Maintenance > 0
		cols.Span = cols.Span || s.Span > 0
	}
	for _, s := range inc.Services {
		add(s)
	}
	for _, ev := range inc.Timeline {
		for _, s := range ev.Services {
			add(s)
		}
	}
	for _, o := range inc.Outages {
		for _, s := range o.Services {
			add(s)
		}
	}
	for _, s := range m.Services { // an incident without services: the one named by its title
		add(s.Name)
	}
	return rows, cols
}

// figureText is d in words, or zero when d is not positive.
func figureText(d time.Duration, zero string) string {
	if d <= 0 {
		return zero
	}
	return Duration(d)
}

// serviceRank ranks the services of inc in the incident's order: those of its services list,
// then those only its events and outages name, in the order they appear. Keys are lower case.
func serviceRank(inc *incident.Incident) map[string]int {
	rank := make(map[string]int)
	add := func(names []string) {
		for _, s := range names {
			k := strings.ToLower(s)
			if _, ok := rank[k]; !ok {
				rank[k] = len(rank)
			}
		}
	}
	add(inc.Services)
	for _, ev := range inc.Timeline {
		add(ev.Services)
	}
	for _, o := range inc.Outages {
		add(o.Services)
	}
	return rank
}

// inServiceOrder returns names sorted by rank (names rank does not hold last, by name), as
// a new slice: a merged window's services are shared and must not be reordered in place.
func inServiceOrder(names []string, rank map[string]int) []string {
	out := slices.Clone(names)
	slices.SortStableFunc(out, func(a, b string) int {
		ra, oka := rank[strings.ToLower(a)]
		rb, okb := rank[strings.ToLower(b)]
		switch {
		case oka && okb:
			return ra - rb
		case oka:
			return -1
		case okb:
			return 1
		}
		return strings.Compare(a, b)
	})
	return out
}
