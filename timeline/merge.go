package timeline

import (
	"math"
	"slices"
	"time"
)

// Merge returns the union of ws as windows sorted by Start, non-overlapping, in which every
// instant has the worst level any window gives it by Level.Severity (Major > Partial >
// Degraded > Maintenance). Each merged window names exactly the services at its level during
// it: the union of the Services of the input windows of that level that cover it, sorted
// case-insensitively. Where that set changes, a new window starts, so two services down one
// after the other make two windows, not one that names both; adjacent windows of one level and
// one set of services are joined. Names that differ only in case are one service, spelled as
// the smallest of its spellings. A merged window whose input windows name no service has nil
// Services. Instants are returned in UTC. Merged windows with the same services share one
// Services slice: treat it as read-only.
//
// Windows that end at or before their start, and windows at Operational, LevelUnknown or an
// out-of-range level, make no time and are left out (callers that must reject them check them
// first). Merge does not modify ws.
//
// The work is O(n log n) for n windows, plus, for each distinct set of services shown, the
// size of that set: windows that share one Services slice (as Derive returns for services
// with one history) cost the same as windows naming one service.
func Merge(ws []Window) []Window {
	var m merger
	return m.merge(ws)
}

// ranks is the number of levels that make a window: Maintenance, Degraded, Partial, Major.
const ranks = 4

// rank returns l's position among the window-making levels (0 for Maintenance … 3 for Major)
// or a negative number when l makes no window. With maintenanceFirst, Maintenance ranks above
// everything (3) and the others move down one.
func rank(l Level, maintenanceFirst bool) int {
	r := l.Severity() - 2
	if maintenanceFirst && r >= 0 {
		if l == Maintenance {
			return ranks - 1
		}
		r--
	}
	return r
}

// rankLevel maps ranks back to levels, without and with maintenanceFirst.
var rankLevel = [2][ranks]Level{
	{Maintenance, Degraded, Partial, Major},
	{Degraded, Partial, Major, Maintenance},
}

// instant is a time.Time reduced to what ordering needs: seconds and nanoseconds since 1970.
type instant struct {
	sec  int64
	nsec int32
}

func instantOf(t time.Time) instant { return instant{t.Unix(), int32(t.Nanosecond())} }

func (a instant) before(b instant) bool {
	return a.sec < b.sec || a.sec == b.sec && a.nsec < b.nsec
}

func (a instant) compare(b instant) int {
	switch {
	case a.before(b):
		return -1
	case b.before(a):
		return 1
	}
	return 0
}

func (a instant) time() time.Time { return time.Unix(a.sec, int64(a.nsec)).UTC() }

// sub returns a−b, saturating at the range of time.Duration like time.Time.Sub.
func (a instant) sub(b instant) time.Duration {
	ds, dn := a.sec-b.sec, int64(a.nsec)-int64(b.nsec)
	if (a.sec >= 0) != (b.sec >= 0) && (ds >= 0) != (a.sec >= 0) { // overflow of ds
		if a.sec >= 0 {
			return math.MaxInt64
		}
		return math.MinInt64
	}
	const lim = math.MaxInt64/int64(time.Second) - 1
	switch {
	case ds > lim:
		return math.MaxInt64
	case ds < -lim:
		return math.MinInt64
	}
	return time.Duration(ds*int64(time.Second) + dn)
}

// point is where a window starts (delta +1) or ends (delta −1).
type point struct {
	at    instant
	grp   int32 // the window's group of services, -1 for none
	rank  int8
	delta int8
}

// points returns the starts and ends of the windows of ws that hold time, sorted by instant,
// with grp giving each window's group of services (nil: none).
func points(ws []Window, maintenanceFirst bool, grp func(*Window) int32) []point {
	pts := make([]point, 0, 2*len(ws))
	for i := range ws {
		w := &ws[i]
		r := rank(w.Level, maintenanceFirst)
		if r < 0 {
			continue
		}
		s, e := instantOf(w.Start), instantOf(w.End)
		if !s.before(e) {
			continue
		}
		g := int32(-1)
		if grp != nil {
			g = grp(w)
		}
		pts = append(pts, point{s, g, int8(r), 1}, point{e, g, int8(r), -1})
	}
	slices.SortFunc(pts, func(a, b point) int { return a.at.compare(b.at) })
	return pts
}

// sweep calls apply with each point of pts in order and, between two instants of pts, emit
// with the piece [start, end) and the rank top reports, unless top reports none (-1). The
// pieces are the elementary intervals between consecutive instants, so consecutive pieces may
// have one rank.
func sweep(pts []point, apply func(p point), top func() int, emit func(start, end instant, r int)) {
	for i := 0; i < len(pts); {
		at := pts[i].at
		for i < len(pts) && pts[i].at == at {
			apply(pts[i])
			i++
		}
		if i == len(pts) {
			return
		}
		if r := top(); r >= 0 {
			emit(at, pts[i].at, r)
		}
	}
}

// merger holds the scratch memory of one Merge: the interned services and their groups.
type merger struct {
	ids   serviceIDs // the services; ids.names holds each one's smallest spelling
	order []int32    // service id → its position in case-insensitive order

	groups  map[string]int32 // a group's sorted service ids, as a key → group id; nil while there are fewServices groups or fewer
	members [][]int32        // group id → its service ids
	last    []string         // the Services slice seen last, and its group
	lastGrp int32
	scratch []int32 // the ids of the group being looked up
}

// intern returns the id of the service name, merging spellings that differ only in case.
func (m *merger) intern(name string) int32 {
	id, _ := m.ids.id(name)
	if name < m.ids.names[id] { // a spelling that folds the same finds the service as well
		m.ids.names[id] = name
	}
	return id
}

// group returns the group of the services of w: windows naming the same set of services
// (in any order, any case) share one. Windows sharing a Services slice are grouped once; a
// group found again makes nothing.
func (m *merger) group(w *Window) int32 {
	s := w.Services
	if len(s) == 0 {
		return -1
	}
	if len(m.last) == len(s) && &m.last[0] == &s[0] {
		return m.lastGrp
	}
	ids := m.scratch[:0]
	for _, name := range s {
		ids = append(ids, m.intern(name))
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	m.scratch = ids
	g, ok := m.findGroup(ids)
	if !ok {
		g = int32(len(m.members))
		m.members = append(m.members, slices.Clone(ids))
		if m.groups != nil {
			m.groups[idsKey(ids)] = g
		}
	}
	m.last, m.lastGrp = s, g
	return g
}

// findGroup returns the group of the sorted service ids, and reports whether there is one.
// Like serviceIDs, it compares ids with each group's while there are fewServices groups or
// fewer, and makes the map of groups past them.
func (m *merger) findGroup(ids []int32) (int32, bool) {
	if m.groups == nil {
		for g, ms := range m.members {
			if slices.Equal(ms, ids) {
				return int32(g), true
			}
		}
		if len(m.members) < fewServices {
			return 0, false
		}
		m.groups = make(map[string]int32, 2*len(m.members))
		for g, ms := range m.members {
			m.groups[idsKey(ms)] = int32(g)
		}
	}
	var buf [64]byte
	g, ok := m.groups[string(appendIDs(buf[:0], ids))]
	return g, ok
}

// idsKey encodes ids as a map key.
func idsKey(ids []int32) string { return string(appendIDs(make([]byte, 0, 4*len(ids)), ids)) }

// appendIDs appends ids to b as idsKey encodes them.
func appendIDs(b []byte, ids []int32) []byte {
	for _, id := range ids {
		b = append(b, byte(id), byte(id>>8), byte(id>>16), byte(id>>24))
	}
	return b
}

// activeSet is the set of groups with a window open at one rank.
type activeSet struct {
	list    []int32 // the groups, in no order
	unnamed int     // open windows that name no service
	changed bool    // reports whether the set changed since it was last read
}

func (m *merger) merge(ws []Window) []Window {
	pts := points(ws, false, m.group)
	if len(pts) == 0 {
		return nil
	}
	// Case-insensitive order of the services, now that every spelling is known.
	byName := make([]int32, len(m.ids.names))
	for i := range byName {
		byName[i] = int32(i)
	}
	slices.SortFunc(byName, func(a, b int32) int { return CompareServices(m.ids.names[a], m.ids.names[b]) })
	m.order = make([]int32, len(m.ids.names))
	for pos, id := range byName {
		m.order[id] = int32(pos)
	}

	count := make([]int32, len(m.members)*ranks) // open windows per group and rank
	pos := make([]int32, len(m.members)*ranks)   // a group's index in its rank's list
	var act [ranks]activeSet
	apply := func(p point) {
		a := &act[p.rank]
		if p.grp < 0 {
			a.unnamed += int(p.delta)
			return
		}
		k := int(p.grp)*ranks + int(p.rank)
		count[k] += int32(p.delta)
		switch {
		case p.delta > 0 && count[k] == 1:
			pos[k] = int32(len(a.list))
			a.list = append(a.list, p.grp)
			a.changed = true
		case p.delta < 0 && count[k] == 0:
			i := pos[k]
			moved := a.list[len(a.list)-1]
			a.list[i] = moved
			pos[int(moved)*ranks+int(p.rank)] = i
			a.list = a.list[:len(a.list)-1]
			a.changed = true
		}
	}
	top := func() int {
		for r := ranks - 1; r >= 0; r-- {
			if len(act[r].list) > 0 || act[r].unnamed > 0 {
				return r
			}
		}
		return -1
	}

	// The services a set of groups shows, by the set's key; sets of groups that show the
	// same services share one entry, so that their windows join and share one slice. A set
	// that shows no service has the nil entry.
	type shown struct {
		key   string // the services' ids in order
		names []string
	}
	memo := make(map[string]*shown)
	byServices := make(map[string]*shown)
	for r := range act {
		act[r].changed = true // no rank's services read yet
	}
	var (
		out    = make([]Window, 0, len(pts)/2)
		cur    [ranks]*shown // each rank's services when last read
		last   *shown
		seen   []int32 // per service id: the stamp of the last union it joined
		stamp  int32
		lastAt instant
	)
	emit := func(start, end instant, r int) {
		a := &act[r]
		if a.changed {
			a.changed = false
			var sh *shown
			if len(a.list) > 0 {
				gs := append(m.scratch[:0], a.list...)
				slices.Sort(gs)
				m.scratch = gs
				var buf [64]byte
				gk := appendIDs(buf[:0], gs)
				var ok bool
				if sh, ok = memo[string(gk)]; !ok {
					if seen == nil {
						seen = make([]int32, len(m.ids.names))
					}
					stamp++
					var idsBuf [16]int32
					ids := idsBuf[:0]
					for _, g := range gs {
						for _, id := range m.members[g] {
							if seen[id] != stamp {
								seen[id] = stamp
								ids = append(ids, id)
							}
						}
					}
					slices.SortFunc(ids, func(a, b int32) int { return int(m.order[a] - m.order[b]) })
					var kb [64]byte
					sk := appendIDs(kb[:0], ids)
					if sh, ok = byServices[string(sk)]; !ok {
						sh = &shown{key: string(sk), names: make([]string, len(ids))}
						for i, id := range ids {
							sh.names[i] = m.ids.names[id]
						}
						byServices[sh.key] = sh
					}
					memo[string(gk)] = sh
				}
			}
			cur[r] = sh
		}
		sh := cur[r]
		if n := len(out); n > 0 && out[n-1].Level == rankLevel[0][r] && lastAt == start && last == sh {
			out[n-1].End = end.time()
			lastAt = end
			return
		}
		var names []string
		if sh != nil {
			names = sh.names
		}
		out = append(out, Window{Start: start.time(), End: end.time(), Level: rankLevel[0][r], Services: names})
		last, lastAt = sh, end
	}
	sweep(pts, apply, top, emit)
	return out
}

// measure returns the totals of ws under weight w, maintenance ranking first or last.
func measure(ws []Window, weight float64, maintenanceFirst bool) Totals {
	return measurePoints(points(ws, maintenanceFirst, nil), weight, maintenanceFirst)
}

// measurePoints returns the totals of the windows behind pts.
func measurePoints(pts []point, weight float64, maintenanceFirst bool) Totals {
	var open [ranks]int
	var t Totals
	levels := &rankLevel[b2i(maintenanceFirst)]
	apply := func(p point) { open[p.rank] += int(p.delta) }
	top := func() int {
		for r := ranks - 1; r >= 0; r-- {
			if open[r] > 0 {
				return r
			}
		}
		return -1
	}
	sweep(pts, apply, top, func(start, end instant, r int) {
		t.add(levels[r], end.sub(start))
	})
	t.Downtime = addSat(t.Major, scale(t.Partial, weight))
	return t
}

// add adds d to the time at level l.
func (t *Totals) add(l Level, d time.Duration) {
	switch l {
	case Major:
		t.Major = addSat(t.Major, d)
	case Partial:
		t.Partial = addSat(t.Partial, d)
	case Degraded:
		t.Degraded = addSat(t.Degraded, d)
	case Maintenance:
		t.Maintenance = addSat(t.Maintenance, d)
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// addSat returns a+b, saturating at the range of time.Duration.
func addSat(a, b time.Duration) time.Duration {
	s := a + b
	switch {
	case a > 0 && b > 0 && s < 0:
		return math.MaxInt64
	case a < 0 && b < 0 && s >= 0:
		return math.MinInt64
	}
	return s
}

// scale returns d×f rounded to the nanosecond, saturating at the range of time.Duration.
func scale(d time.Duration, f float64) time.Duration {
	x := math.Round(float64(d) * f)
	switch {
	case x != x: // NaN
		return 0
	case x >= math.MaxInt64:
		return math.MaxInt64
	case x <= math.MinInt64:
		return math.MinInt64
	}
	return time.Duration(x)
}
