package timeline

import (
	"math"
	"math/bits"
	"slices"
	"strings"
	"time"
)

// Merge returns the union of ws as windows sorted by Start, non-overlapping, in which every
// instant has the worst level any window gives it by Level.Severity (Major > Partial >
// Degraded > Maintenance) and adjacent windows of one level are joined. Each merged window's
// Services is the union of the Services of the input windows of its level that overlap it,
// sorted case-insensitively; names that differ only in case are one service, spelled as the
// smallest of its spellings. A merged window whose input windows name no service has nil
// Services. Instants are returned in UTC.
//
// Windows that end at or before their start, and windows at Operational, LevelUnknown or an
// out-of-range level, make no time and are left out (callers that must reject them check them
// first). Merge does not modify ws. It sorts once and sweeps once: O(n log n) for n windows.
func Merge(ws []Window) []Window {
	var m Merger
	return m.Merge(nil, ws)
}

// Merger merges windows like Merge, reusing its scratch memory from one call to the next,
// which saves allocations when many sets of windows are merged. The zero Merger is ready to
// use. A Merger is not safe for concurrent use; use one per goroutine.
type Merger struct {
	recs   []rec
	sids   []int32 // service ids of the windows, in input order; rec.svc indexes it
	byLvl  [ranks][]int32
	keys   []svcState // per service id and rank
	pairs  []pair
	off    []int32 // per merged window: offset of its services in ids
	ids    []int32
	rankOf []int32
	order  []int32 // the service ids in case-insensitive order of their names

	names map[string]int32 // exact spelling → service id
	folds map[string]int32 // lower-case spelling → service id
	spell []string         // service id → its spelling
	cache [64]cached       // recent names, to skip most map look-ups
}

type cached struct {
	name string
	id1  int32 // the id + 1; 0 for an empty entry
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

// rec is one input window, compact for sorting: 32 bytes.
type rec struct {
	ss, es int64  // start and end, seconds since 1970
	sn, en int32  // their nanoseconds
	svc    int32  // offset of the window's service ids in Merger.sids
	meta   uint32 // rank | number of services << 2
}

func (r *rec) start() instant { return instant{r.ss, r.sn} }
func (r *rec) end() instant   { return instant{r.es, r.en} }
func (r *rec) rank() int32    { return int32(r.meta & (ranks - 1)) }
func (r *rec) nsvc() int32    { return int32(r.meta >> 2) }

// svcState is the union, so far, of the windows of one service at one rank.
type svcState struct {
	active     bool
	start, end instant
	ptr        int32 // first merged window of byLvl[rank] that ends after start
	last       int32 // last merged window given this service, -1 for none
}

type pair struct{ win, svc int32 }

// collect fills m.recs with the valid windows of ws, sorted by start, and, withServices, m.sids
// with the ids of their services.
func (m *Merger) collect(ws []Window, maintenanceFirst, withServices bool) {
	m.recs = slices.Grow(m.recs[:0], len(ws))
	m.sids = m.sids[:0]
	if withServices {
		n := 0
		for i := range ws {
			n += len(ws[i].Services)
		}
		m.sids = slices.Grow(m.sids, n)
		clear(m.names)
		clear(m.folds)
		m.cache = [64]cached{}
		m.spell, m.keys = m.spell[:0], m.keys[:0]
	}
	for i := range ws {
		w := &ws[i]
		r := rank(w.Level, maintenanceFirst)
		if r < 0 {
			continue
		}
		ss, sn := w.Start.Unix(), int32(w.Start.Nanosecond())
		es, en := w.End.Unix(), int32(w.End.Nanosecond())
		if es < ss || es == ss && en <= sn {
			continue
		}
		rc := rec{ss: ss, es: es, sn: sn, en: en, svc: int32(len(m.sids)), meta: uint32(r)}
		if withServices && len(w.Services) > 0 {
			for _, name := range w.Services {
				m.sids = append(m.sids, m.intern(name))
			}
			rc.meta |= uint32(len(w.Services)) << 2
		}
		m.recs = append(m.recs, rc)
	}
	m.sort()
}

// sort sorts m.recs by start. When the starts lie within 290 years of one another, as they do
// but for nonsense, each start becomes one integer, nanoseconds from the earliest, so that
// comparing two is one comparison.
func (m *Merger) sort() {
	if len(m.recs) < 2 {
		return
	}
	lo, hi := m.recs[0].ss, m.recs[0].ss
	for i := range m.recs {
		lo, hi = min(lo, m.recs[i].ss), max(hi, m.recs[i].ss)
	}
	const limit = math.MaxInt64/int64(time.Second) - 1
	if hi-lo < 0 || hi-lo >= limit { // the subtraction may overflow
		slices.SortFunc(m.recs, func(a, b rec) int {
			switch {
			case a.ss < b.ss:
				return -1
			case a.ss > b.ss:
				return 1
			}
			return int(a.sn - b.sn)
		})
		return
	}
	top := int64(0)
	for i := range m.recs {
		rc := &m.recs[i]
		rc.ss = (rc.ss-lo)*int64(time.Second) + int64(rc.sn)
		top = max(top, rc.ss)
	}
	radixSort(m.recs, max(bits.Len64(uint64(top))-8, 0))
	for i := range m.recs {
		rc := &m.recs[i]
		rc.ss = lo + rc.ss/int64(time.Second)
	}
}

// radixSort sorts a by ss, a non-negative key whose bits above shift+8 are all equal, by
// bytes from the most significant down, in place (an American flag sort); short runs are
// finished by insertion.
func radixSort(a []rec, shift int) {
	if len(a) <= 32 {
		for i := 1; i < len(a); i++ {
			for j := i; j > 0 && a[j].ss < a[j-1].ss; j-- {
				a[j], a[j-1] = a[j-1], a[j]
			}
		}
		return
	}
	var count, next [256]int
	for i := range a {
		count[uint64(a[i].ss)>>shift&255]++
	}
	sum := 0
	for d := range count {
		next[d] = sum
		sum += count[d]
	}
	end := 0
	for d := range count {
		end += count[d]
		for next[d] < end {
			v := a[next[d]]
			for e := int(uint64(v.ss) >> shift & 255); e != d; e = int(uint64(v.ss) >> shift & 255) {
				v, a[next[e]] = a[next[e]], v
				next[e]++
			}
			a[next[d]] = v
			next[d]++
		}
	}
	if shift == 0 {
		return
	}
	lo := 0
	for d := range count {
		if n := count[d]; n > 1 {
			radixSort(a[lo:lo+n], max(shift-8, 0))
		}
		lo += count[d]
	}
}

// sweep calls emit with the merged windows of m.recs (without services), in order: each
// instant at the highest rank that covers it, adjacent windows of one rank joined.
func (m *Merger) sweep(emit func(start, end instant, rank int32)) {
	if len(m.recs) == 0 {
		return
	}
	var reach [ranks]instant // furthest end of the windows of each rank seen so far
	var seen [ranks]bool
	cur := m.recs[0].start()
	var pstart, pend instant // the last window, emitted once the next one cannot join it
	prank := int32(-1)
	put := func(start, end instant, r int32) {
		if prank == r && pend == start {
			pend = end
			return
		}
		if prank >= 0 {
			emit(pstart, pend, prank)
		}
		pstart, pend, prank = start, end, r
	}
	// fill emits the merged windows in [cur, to); to == nil means until the last end.
	fill := func(to *instant) {
		for to == nil || cur.before(*to) {
			r := -1
			for k := ranks - 1; k >= 0; k-- {
				if seen[k] && cur.before(reach[k]) {
					r = k
					break
				}
			}
			if r < 0 {
				if to != nil {
					cur = *to
				}
				return
			}
			end := reach[r]
			if to != nil && to.before(end) {
				end = *to
			}
			put(cur, end, int32(r))
			cur = end
		}
	}
	for i := range m.recs {
		rc := &m.recs[i]
		start, end, r := rc.start(), rc.end(), rc.rank()
		fill(&start)
		if !seen[r] || reach[r].before(end) {
			reach[r], seen[r] = end, true
		}
	}
	fill(nil)
	if prank >= 0 {
		emit(pstart, pend, prank)
	}
}

// Merge appends the union of ws to dst, as the package-level Merge computes it, and returns
// the extended slice. The windows appended do not share memory with m: m may be reused at once.
func (m *Merger) Merge(dst, ws []Window) []Window {
	m.collect(ws, false, true)
	var n [ranks]int
	m.sweep(func(_, _ instant, r int32) { n[r]++ })
	base := len(dst)
	dst = slices.Grow(dst, n[0]+n[1]+n[2]+n[3])
	for r := range m.byLvl {
		m.byLvl[r] = slices.Grow(m.byLvl[r][:0], n[r])
	}
	m.sweep(func(start, end instant, r int32) {
		m.byLvl[r] = append(m.byLvl[r], int32(len(dst)-base))
		dst = append(dst, Window{Start: start.time(), End: end.time(), Level: rankLevel[0][r]})
	})
	m.services(dst[base:])
	return dst
}

// services sets the Services of the merged windows out.
func (m *Merger) services(out []Window) {
	m.pairs = slices.Grow(m.pairs[:0], len(m.sids))
	// first[r] is the first merged window of rank r that ends after the current window's
	// start: the windows come by start, so it only moves forward.
	var first [ranks]int32
	for i := range m.recs {
		rc := &m.recs[i]
		n := rc.nsvc()
		if n == 0 {
			continue
		}
		start, end, r := rc.start(), rc.end(), rc.rank()
		list := m.byLvl[r]
		for int(first[r]) < len(list) && !start.before(instantOf(out[list[first[r]]].End)) {
			first[r]++
		}
		for _, id := range m.sids[rc.svc : rc.svc+n] {
			st := &m.keys[int(id)*ranks+int(r)]
			if st.active && !st.end.before(start) {
				if st.end.before(end) {
					st.end = end
				}
				continue
			}
			if st.active {
				m.flush(out, st, id, r)
			}
			st.active, st.start, st.end, st.ptr = true, start, end, first[r]
		}
	}
	for k := range m.keys {
		if st := &m.keys[k]; st.active {
			m.flush(out, st, int32(k/ranks), int32(k%ranks))
		}
	}
	if len(m.pairs) == 0 {
		return
	}
	// Case-insensitive order of the services.
	m.order = m.order[:0]
	for id := range m.spell {
		m.order = append(m.order, int32(id))
	}
	slices.SortFunc(m.order, func(a, b int32) int { return compareName(m.spell[a], m.spell[b]) })
	m.rankOf = slices.Grow(m.rankOf[:0], len(m.order))[:len(m.order)]
	for r, id := range m.order {
		m.rankOf[id] = int32(r)
	}
	// Counting sort of the pairs by window.
	off := slices.Grow(m.off[:0], len(out)+1)[:len(out)+1]
	clear(off)
	for _, p := range m.pairs {
		off[p.win+1]++
	}
	for i := 1; i < len(off); i++ {
		off[i] += off[i-1]
	}
	m.ids = slices.Grow(m.ids[:0], len(m.pairs))[:len(m.pairs)]
	for _, p := range m.pairs {
		m.ids[off[p.win]] = m.rankOf[p.svc]
		off[p.win]++
	}
	// off[i] is now the end of window i's services, the start of window i+1's.
	names := make([]string, len(m.ids))
	start := int32(0)
	for i := range out {
		end := off[i]
		if end > start {
			ids := m.ids[start:end]
			if len(ids) > 1 {
				slices.Sort(ids)
			}
			for j, r := range ids {
				names[int(start)+j] = m.spell[m.order[r]]
			}
			out[i].Services = names[start:end:end]
		}
		start = end
	}
	m.off = off
}

// flush gives service id to the merged windows of rank r that overlap st's interval.
func (m *Merger) flush(out []Window, st *svcState, id, r int32) {
	list := m.byLvl[r]
	for j := st.ptr; int(j) < len(list) && instantOf(out[list[j]].Start).before(st.end); j++ {
		if list[j] != st.last {
			m.pairs = append(m.pairs, pair{list[j], id})
			st.last = list[j]
		}
	}
	st.active = false
}

// intern returns the id of the service name, merging spellings that differ only in case.
func (m *Merger) intern(name string) int32 {
	h := len(name)
	if h > 0 {
		h = h*31 + int(name[0])*7 + int(name[len(name)/2])*3 + int(name[len(name)-1])
	}
	c := &m.cache[h%len(m.cache)]
	if c.id1 > 0 && c.name == name {
		return c.id1 - 1
	}
	id := m.lookup(name)
	c.name, c.id1 = name, id+1
	return id
}

func (m *Merger) lookup(name string) int32 {
	if id, ok := m.names[name]; ok {
		return id
	}
	if m.names == nil {
		m.names = make(map[string]int32)
		m.folds = make(map[string]int32)
	}
	fold := strings.ToLower(name)
	id, ok := m.folds[fold]
	if !ok {
		id = int32(len(m.spell))
		m.folds[fold] = id
		m.spell = append(m.spell, name)
		for range ranks {
			m.keys = append(m.keys, svcState{last: -1})
		}
	} else if name < m.spell[id] {
		m.spell[id] = name
	}
	m.names[name] = id
	return id
}

// compareName orders service names case-insensitively, then by spelling.
func compareName(a, b string) int {
	if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// measure returns the totals of ws under weight w, maintenance ranking first or last.
func (m *Merger) measure(ws []Window, weight float64, maintenanceFirst bool) Totals {
	m.collect(ws, maintenanceFirst, false)
	var t Totals
	levels := &rankLevel[b2i(maintenanceFirst)]
	m.sweep(func(start, end instant, r int32) {
		d := end.sub(start)
		switch levels[r] {
		case Major:
			t.Major = addSat(t.Major, d)
		case Partial:
			t.Partial = addSat(t.Partial, d)
		case Degraded:
			t.Degraded = addSat(t.Degraded, d)
		case Maintenance:
			t.Maintenance = addSat(t.Maintenance, d)
		}
	})
	t.Downtime = addSat(t.Major, scale(t.Partial, weight))
	return t
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
