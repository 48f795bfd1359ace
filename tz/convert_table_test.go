package tz

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// convertRef is AppendConvert as written before the zones' tables: every row
// read from the *time.Location with Zone and ZoneBounds (lastChange). The
// property tests hold the table path to it.
func convertRef(dst []Row, start, end time.Time, src *time.Location, places []Place) []Row {
	if src == nil {
		src = time.UTC
	}
	_, srcOff := start.In(src).Zone()
	srcSOD := int(epochSeconds(start.Unix(), srcOff))
	last := start
	if !end.IsZero() {
		last = end.Add(-time.Nanosecond)
		if last.Before(start) {
			last = start
		}
	}
	from := start.Add(-clockChangeLookback)
	for _, p := range places {
		loc := p.Loc
		if loc == nil {
			loc = time.UTC
		}
		r := Row{Place: Place{City: p.City, Loc: loc}}
		r.Start = start.In(loc)
		r.Abbrev, r.Offset = r.Start.Zone()
		r.DayShift = dayShift(srcSOD + r.Offset - srcOff)
		if !end.IsZero() {
			r.End = end.In(loc)
			r.EndAbbrev, r.EndOffset = r.End.Zone()
		}
		r.ClockChange = lastChange(last.In(loc), from)
		dst = append(dst, r)
	}
	return dst
}

// requireSameRows compares rows field by field, times with == (the same
// instant, the same location, no monotonic reading).
func requireSameRows(t *testing.T, want, got []Row, msg string, args ...any) {
	t.Helper()
	require.Len(t, got, len(want))
	for i := range want {
		w, g := want[i], got[i]
		if w != g {
			t.Fatalf("%s: %s: row %d differs:\nwant %+v\n got %+v", w.Loc, sprintf(msg, args...), i, w, g)
		}
	}
}

func sprintf(format string, args ...any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// TestConvertTableTransitions checks every change of every zone between 1900
// and 2100: instants and windows at, just before and just after each change,
// and a week after, against the reference.
func TestConvertTableTransitions(t *testing.T) {
	locs := propertyZones(t)
	src := mustLoad(t, "America/New_York")
	var want, got []Row
	offsets := []time.Duration{-time.Nanosecond, 0, time.Nanosecond, -time.Second, time.Second, time.Hour,
		-time.Hour, clockChangeLookback, clockChangeLookback + time.Nanosecond, clockChangeLookback - time.Second,
		clockChangeLookback + time.Second, 3 * 24 * time.Hour}
	checked := 0
	for _, loc := range locs {
		z := tabFor(loc)
		require.NotNil(t, z, loc.String())
		places := []Place{{City: "x", Loc: loc}}
		for i, u := range z.tr {
			c := time.Unix(u, 0)
			if testing.Short() && i%8 != 0 {
				continue
			}
			for _, d := range offsets {
				s := c.Add(d)
				want = convertRef(want[:0], s, time.Time{}, src, places)
				got = AppendConvert(got[:0], s, time.Time{}, src, places)
				requireSameRows(t, want, got, "instant %v", s)
				for _, l := range []time.Duration{time.Nanosecond, time.Hour, 2 * time.Hour, 8 * 24 * time.Hour} {
					want = convertRef(want[:0], s.Add(-l), s, src, places)
					got = AppendConvert(got[:0], s.Add(-l), s, src, places)
					requireSameRows(t, want, got, "window %v-%v", s.Add(-l), s)
				}
				checked++
			}
		}
	}
	require.Greater(t, checked, 10000)
}

// TestConvertTableRandom checks random instants and windows of 1890-2110 in
// random zones against the reference, several places per call.
func TestConvertTableRandom(t *testing.T) {
	locs := propertyZones(t)
	rng := rand.New(rand.NewPCG(7, 11))
	lo := time.Date(1890, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(2110, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	n := 30000
	if testing.Short() {
		n = 3000
	}
	places := make([]Place, 5)
	var want, got []Row
	for range n {
		for i := range places {
			switch rng.IntN(3) {
			case 0:
				places[i] = Place{City: "p", Loc: locs[rng.IntN(len(locs))]}
			case 1:
				places[i] = NewPlace("p", locs[rng.IntN(len(locs))])
			case 2: // a Place whose Loc was changed after NewPlace
				places[i] = NewPlace("p", locs[rng.IntN(len(locs))])
				places[i].Loc = locs[rng.IntN(len(locs))]
			}
		}
		places[rng.IntN(len(places))].Loc = nil
		src := locs[rng.IntN(len(locs))]
		start := time.Unix(lo+rng.Int64N(hi-lo), rng.Int64N(3)*int64(time.Second/2))
		var end time.Time
		switch rng.IntN(3) {
		case 1:
			end = start.Add(time.Duration(rng.Int64N(int64(20 * 24 * time.Hour))))
		case 2:
			end = start.Add(-time.Duration(rng.Int64N(int64(time.Hour)))) // backwards: last is start
		}
		want = convertRef(want[:0], start, end, src, places)
		got = AppendConvert(got[:0], start, end, src, places)
		requireSameRows(t, want, got, "%v-%v", start, end)
	}
}

// TestConvertTableBoaVista: two changes of offset 167 hours apart in October
// 2000 (America/Boa_Vista): a week after the second, the first is still in the
// lookback but the offset is back where it was a week before.
func TestConvertTableBoaVista(t *testing.T) {
	bv := mustLoad(t, "America/Boa_Vista")
	places := []Place{{City: "Boa Vista", Loc: bv}, {City: "Recife", Loc: mustLoad(t, "America/Recife")}, {City: "Noronha", Loc: mustLoad(t, "America/Noronha")}}
	z := tabFor(bv)
	var oct []int64
	for _, u := range z.tr {
		if tm := time.Unix(u, 0).UTC(); tm.Year() == 2000 && tm.Month() == time.October {
			oct = append(oct, u)
		}
	}
	require.Len(t, oct, 2, "the table has both changes")
	second := time.Unix(oct[1], 0)
	var want, got []Row
	for d := -200 * time.Hour; d <= 200*time.Hour; d += 30 * time.Minute {
		s := second.Add(d)
		want = convertRef(want[:0], s, time.Time{}, nil, places)
		got = AppendConvert(got[:0], s, time.Time{}, nil, places)
		requireSameRows(t, want, got, "instant %v", s)
		want = convertRef(want[:0], s, s.Add(5*time.Hour), nil, places)
		got = AppendConvert(got[:0], s, s.Add(5*time.Hour), nil, places)
		requireSameRows(t, want, got, "window from %v", s)
	}
	rows := Convert(second.Add(24*time.Hour), time.Time{}, nil, places[:1])
	require.True(t, rows[0].ClockChange.Equal(second), "the second change, not the first: %v", rows[0].ClockChange)
}

// TestConvertTableConcurrentAndFull converts into new zones from several
// goroutines at once (run with -race), then past the table set's limit, where
// zones take the general path; results stay those of the reference.
func TestConvertTableConcurrentAndFull(t *testing.T) {
	saved := zoneTabs.Load()
	zoneTabs.Store(nil)
	defer zoneTabs.Store(saved)
	start := time.Date(2024, 3, 10, 6, 30, 0, 0, time.UTC)
	ny := mustLoad(t, "America/New_York")
	const workers = 4
	var fixed [workers][]*time.Location
	for w := range fixed {
		for i := range (maxZoneTabs + 64) / workers {
			fixed[w] = append(fixed[w], time.FixedZone(fmt.Sprintf("Z%d-%d", w, i), (w*7+i)%86400))
		}
	}
	errs := make(chan string, workers)
	for w := range workers {
		go func() {
			var want, got []Row
			for _, loc := range fixed[w] {
				places := []Place{{City: "f", Loc: loc}, {City: "ny", Loc: ny}}
				want = convertRef(want[:0], start, start.Add(time.Hour), nil, places)
				got = AppendConvert(got[:0], start, start.Add(time.Hour), nil, places)
				for i := range want {
					if want[i] != got[i] {
						errs <- fmt.Sprintf("%s: want %+v, got %+v", loc, want[i], got[i])
						return
					}
				}
			}
			errs <- ""
		}()
	}
	for range workers {
		if e := <-errs; e != "" {
			t.Fatal(e)
		}
	}
	s := zoneTabs.Load()
	require.NotNil(t, s)
	require.Equal(t, maxZoneTabs, s.n, "the set stops growing at its limit")
	require.NotNil(t, s.get(ny))
}

func TestNewPlace(t *testing.T) {
	ny, tokyo := mustLoad(t, "America/New_York"), mustLoad(t, "Asia/Tokyo")
	p := NewPlace("New York", ny)
	assert.Equal(t, "New York", p.City)
	assert.Equal(t, ny, p.Loc)
	require.NotNil(t, p.tab)
	assert.Same(t, tabFor(ny), p.tab, "one table per Location")
	start := time.Date(2024, 3, 10, 7, 0, 0, 0, time.UTC)
	rows := Convert(start, time.Time{}, nil, []Place{p})
	assert.Equal(t, "EDT", rows[0].Abbrev)
	assert.True(t, rows[0].ClockChange.Equal(start))
	assert.Equal(t, Place{City: "New York", Loc: ny}, rows[0].Place, "rows carry no table")

	p.Loc = tokyo // the table read for New York must not be used for Tokyo
	rows = Convert(start, time.Time{}, nil, []Place{p})
	assert.Equal(t, "JST", rows[0].Abbrev)
	assert.Equal(t, 9*3600, rows[0].Offset)
	assert.True(t, rows[0].ClockChange.IsZero())

	u := NewPlace("UTC", nil)
	assert.Nil(t, u.Loc, "Loc stays as given")
	rows = Convert(start, time.Time{}, nil, []Place{u})
	assert.Equal(t, "UTC", rows[0].Abbrev)
	assert.Equal(t, time.UTC, rows[0].Loc)
}

// TestConvertTableComplete reads every zone's table once a day (at a time of
// day that moves by 7 hours each day) from 1900 to 2100 and compares it with
// Time.Zone: a change the table missed would show as a wrong reading for as
// long as its period lasts.
func TestConvertTableComplete(t *testing.T) {
	locs := propertyZones(t)
	step := int64(24*3600 + 7*3600)
	if testing.Short() {
		step *= 11
	}
	for _, loc := range locs {
		z := tabFor(loc)
		require.NotNil(t, z)
		for u := tabLo; u < tabHi; u += step {
			name, off := time.Unix(u, 0).In(loc).Zone()
			p := z.per[z.period(u)]
			if p.abbrev != name || p.off != off {
				t.Fatalf("%s at %v: table %s %d, zone %s %d", loc, time.Unix(u, 0).UTC(), p.abbrev, p.off, name, off)
			}
		}
	}
}
