package tz

import (
	"math"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
)

// A zoneTab is a zone's changes of abbreviation or offset between tabLo and
// tabHi, read once from its *time.Location so that converting an instant is
// one binary search in a slice of integers instead of the zone lookups of
// time.Time.Zone and ZoneBounds. It is immutable once built.
type zoneTab struct {
	loc *time.Location // the zone it was read from
	tr  []int64        // unix seconds of each change, ascending, in (tabLo, tabHi)
	idx []int32        // idx[b]: the number of changes before tabLo + b<<tabBucketBits
	per []zonePeriod   // len(tr)+1: per[0] holds tabLo, per[i+1] starts at tr[i]
}

// A zonePeriod is what a zone reads from one change to the next.
type zonePeriod struct {
	abbrev string
	off    int
	chg    int64 // unix seconds of the last change of offset at or before its start; noChange if none since tabLo
}

const noChange = math.MinInt64

// The table's range: instants outside it, and windows whose lookback starts
// before it, take the general path (lastChange with ZoneBounds).
var (
	tabLo = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	tabHi = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
)

// tabBucketBits sizes the buckets of zoneTab.idx: 2^24 s is about 194 days,
// so that a bucket holds few changes (at most a handful in any zone).
const tabBucketBits = 24

// period returns the index in per of the period holding unix second u, which
// must lie in [tabLo, tabHi): the bucket's first change, then a short scan.
func (z *zoneTab) period(u int64) int {
	k := int(z.idx[(u-tabLo)>>tabBucketBits])
	for k < len(z.tr) && z.tr[k] <= u {
		k++
	}
	return k
}

// index fills z.idx from z.tr.
func (z *zoneTab) index() {
	n := int((tabHi-1-tabLo)>>tabBucketBits) + 1
	z.idx = make([]int32, n)
	k := 0
	for b := range z.idx {
		start := tabLo + int64(b)<<tabBucketBits
		for k < len(z.tr) && z.tr[k] < start {
			k++
		}
		z.idx[b] = int32(k)
	}
}

// buildZoneTab reads loc's changes between tabLo and tabHi. It asks the zone
// for period bounds (ZoneBounds) but checks each with Zone: past a zone's last
// listed transition, around year ends, ZoneBounds can report bounds that do
// not hold the instant asked about; there it steps hour by hour until the
// reading changes (then finds the second by bisection) or the bounds hold again.
func buildZoneTab(loc *time.Location) *zoneTab {
	z := &zoneTab{loc: loc}
	t := time.Unix(tabLo, 0).In(loc)
	name, off := t.Zone()
	z.per = append(z.per, zonePeriod{name, off, noChange})
	at := func(u int64) (string, int) { return time.Unix(u, 0).In(loc).Zone() }
	add := func(u int64, n string, o int) {
		chg := z.per[len(z.per)-1].chg
		if o != off {
			chg = u
		}
		z.tr = append(z.tr, u)
		z.per = append(z.per, zonePeriod{n, o, chg})
		name, off = n, o
	}
	u := tabLo
	for u < tabHi {
		s, e := time.Unix(u, 0).In(loc).ZoneBounds()
		if e.IsZero() && (s.IsZero() || s.Unix() <= u) {
			break // the last period: no change after u
		}
		if eu := e.Unix(); !e.IsZero() && (s.IsZero() || s.Unix() <= u) && eu > u {
			// [u, eu) is one period if the zone reads the same just before eu.
			if n, o := at(eu - 1); n == name && o == off {
				if eu >= tabHi {
					break
				}
				if n, o := at(eu); n != name || o != off {
					add(eu, n, o)
				}
				u = eu
				continue
			}
		}
		// The bounds do not hold u: step forward.
		v := u
		for {
			w := min(v+3600, tabHi)
			if n, o := at(w); n != name || o != off {
				a, b := v, w // reads as before at a, differently at b
				for b-a > 1 {
					m := a + (b-a)/2
					if n, o := at(m); n == name && o == off {
						a = m
					} else {
						b = m
					}
				}
				if b < tabHi {
					n, o := at(b)
					add(b, n, o)
				}
				u = b
				break
			}
			v = w
			if v >= tabHi {
				u = v
				break
			}
			if s, e := time.Unix(v, 0).In(loc).ZoneBounds(); (s.IsZero() || s.Unix() <= v) && (e.IsZero() || e.Unix() > v) {
				u = v
				break
			}
		}
	}
	z.index()
	return z
}

// zoneTabs maps a *time.Location to its zoneTab: an open-addressed table
// replaced as a whole (copy on write) when a zone is added, so that readers
// take no lock. It holds at most maxZoneTabs zones; others take the general
// path, so that programs making many fixed zones do not grow it without bound.
type zoneTabSet struct {
	shift uint // 64 - log2(len(slots))
	slots []zoneTabSlot
	n     int
}

type zoneTabSlot struct {
	loc *time.Location
	tab *zoneTab
}

const maxZoneTabs = 1024

var (
	zoneTabs   atomic.Pointer[zoneTabSet]
	zoneTabsMu sync.Mutex
)

func zoneTabHash(loc *time.Location, shift uint) int {
	return int((uint64(uintptr(unsafe.Pointer(loc))) * 0x9E3779B97F4A7C15) >> shift)
}

func (s *zoneTabSet) get(loc *time.Location) *zoneTab {
	if s == nil {
		return nil
	}
	mask := len(s.slots) - 1
	for i := zoneTabHash(loc, s.shift); ; i = (i + 1) & mask {
		sl := &s.slots[i]
		if sl.loc == loc {
			return sl.tab
		}
		if sl.loc == nil {
			return nil
		}
	}
}

// tabFor returns loc's zoneTab, building it on first use; nil when the set is full.
func tabFor(loc *time.Location) *zoneTab {
	if s := zoneTabs.Load(); s != nil {
		if z := s.get(loc); z != nil {
			return z
		}
	}
	zoneTabsMu.Lock()
	defer zoneTabsMu.Unlock()
	old := zoneTabs.Load()
	if old != nil {
		if z := old.get(loc); z != nil {
			return z
		}
		if old.n >= maxZoneTabs {
			return nil
		}
	}
	z := buildZoneTab(loc)
	n := 1
	if old != nil {
		n += old.n
	}
	size, shift := 16, uint(60)
	for size < 2*n {
		size, shift = size*2, shift-1
	}
	s := &zoneTabSet{shift: shift, slots: make([]zoneTabSlot, size), n: n}
	put := func(l *time.Location, t *zoneTab) {
		for i := zoneTabHash(l, shift); ; i = (i + 1) & (size - 1) {
			if s.slots[i].loc == nil {
				s.slots[i] = zoneTabSlot{l, t}
				return
			}
		}
	}
	if old != nil {
		for _, sl := range old.slots {
			if sl.loc != nil {
				put(sl.loc, sl.tab)
			}
		}
	}
	put(loc, z)
	zoneTabs.Store(s)
	return z
}
