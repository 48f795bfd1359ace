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
	for _, s := range serviceOrder(inc, m) {
		add(s)
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

// serviceOrder returns the services of inc in the incident's order, each once (names
// compared without case, the first spelling kept): those of its services list, then those
// only its events and outages name, in the order they appear, then any other that m (its
// metrics, or nil) measured. The per-service table, the picture's lanes and each window's
// list of services all follow it.
func serviceOrder(inc *incident.Incident, m *incident.Metrics) []string {
	var out []string
	seen := make(map[string]bool)
	add := func(s string) {
		if k := strings.ToLower(s); s != "" && !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
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
	if m != nil {
		for _, sm := range m.Services {
			add(sm.Name)
		}
	}
	return out
}

// serviceRank ranks the services of inc in serviceOrder. Keys are lower case.
func serviceRank(inc *incident.Incident) map[string]int {
	order := serviceOrder(inc, nil)
	rank := make(map[string]int, len(order))
	for i, s := range order {
		rank[strings.ToLower(s)] = i
	}
	return rank
}

// windowServices gives the services a merged window shows, once per set: merged windows
// with one set of services share their Services slice (timeline.Merge), so a set is ordered
// and compared with the incident's services once, however many windows it has.
type windowServices struct {
	rank map[string]int // serviceRank
	all  []string       // the incident's services, as the view shows them
	memo map[windowSet]shownServices
	keys map[string]bool // the lower-case names of all, made on first use
}

// windowSet identifies a Services slice.
type windowSet struct {
	first *string
	n     int
}

type shownServices struct {
	names []string
	all   bool
}

// allServicesFrom is the fewest services an incident must have for a window naming them all
// to be written "all N services": fewer are listed, which says more in as little room.
const allServicesFrom = 4

// of returns the services of a merged window in the incident's order, and whether they are
// all the incident's services, allServicesFrom or more.
func (ws *windowServices) of(names []string) ([]string, bool) {
	if len(names) == 0 {
		return nil, false
	}
	id := windowSet{&names[0], len(names)}
	if sh, ok := ws.memo[id]; ok {
		return sh.names, sh.all
	}
	sh := shownServices{names: cleanList(inServiceOrder(names, ws.rank))}
	if len(ws.all) >= allServicesFrom && len(sh.names) == len(ws.all) {
		if ws.keys == nil {
			ws.keys = make(map[string]bool, len(ws.all))
			for _, s := range ws.all {
				ws.keys[strings.ToLower(s)] = true
			}
		}
		if len(ws.keys) == len(ws.all) { // the incident lists no name twice
			sh.all = true
			for _, s := range sh.names {
				if !ws.keys[strings.ToLower(s)] {
					sh.all = false
					break
				}
			}
		}
	}
	if ws.memo == nil {
		ws.memo = make(map[windowSet]shownServices)
	}
	ws.memo[id] = sh
	return sh.names, sh.all
}

// inServiceOrder returns names sorted by rank (names rank does not hold last, by name), as
// a new slice: a merged window's services are shared and must not be reordered in place.
func inServiceOrder(names []string, rank map[string]int) []string {
	type ranked struct {
		name string
		rank int // -1: not ranked
	}
	rs := make([]ranked, len(names))
	for i, s := range names {
		r, ok := rank[strings.ToLower(s)]
		if !ok {
			r = -1
		}
		rs[i] = ranked{s, r}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int {
		switch {
		case a.rank >= 0 && b.rank >= 0:
			return a.rank - b.rank
		case a.rank >= 0:
			return -1
		case b.rank >= 0:
			return 1
		}
		return strings.Compare(a.name, b.name)
	})
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.name
	}
	return out
}
