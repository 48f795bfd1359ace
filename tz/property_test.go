package tz

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// propertyZones returns every zone of the table that the host can load.
func propertyZones(t *testing.T) []*time.Location {
	t.Helper()
	var locs []*time.Location
	for _, line := range strings.Split(zoneTable, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if loc, err := Load(f[0]); err == nil {
			locs = append(locs, loc)
		}
	}
	require.Greater(t, len(locs), 300, "the host's zoneinfo")
	return locs
}

// TestWallProperty reads random instants of 1970-2037 as wall clocks in random
// zones and checks that Wall takes each back to its instant.
func TestWallProperty(t *testing.T) {
	locs := propertyZones(t)
	rng := rand.New(rand.NewPCG(1, 2))
	lo := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(2037, 12, 31, 0, 0, 0, 0, time.UTC).Unix()
	n := 20000
	if testing.Short() {
		n = 2000
	}
	var folds int
	for range n {
		loc := locs[rng.IntN(len(locs))]
		at := time.Unix(lo+rng.Int64N(hi-lo), 0).UTC()
		// Near a change of clocks half the time: that is where the cases are.
		if rng.IntN(2) == 0 {
			if s, _ := at.In(loc).ZoneBounds(); !s.IsZero() && s.Unix() > lo {
				at = s.Add(time.Duration(rng.IntN(4*3600)-2*3600) * time.Second).UTC()
			}
		}
		u := at.In(loc)
		d := DateOf(u)
		got, c, err := Wall(d, u.Hour(), u.Minute(), u.Second(), loc, Reject)
		switch c {
		case Unique:
			require.NoError(t, err)
			require.True(t, got.Equal(at), "Wall(%s %s, %s) = %s, want %s", d, u.Format("15:04:05"), loc, got, at)
			// time.Date agrees where there is no choice to make.
			require.True(t, time.Date(d.Year, d.Month, d.Day, u.Hour(), u.Minute(), u.Second(), 0, loc).Equal(at))
		case Fold:
			folds++
			require.ErrorIs(t, err, ErrAmbiguousTime)
			early, c1, err1 := Wall(d, u.Hour(), u.Minute(), u.Second(), loc, Earlier)
			late, c2, err2 := Wall(d, u.Hour(), u.Minute(), u.Second(), loc, Later)
			require.NoError(t, err1)
			require.NoError(t, err2)
			require.Equal(t, Fold, c1)
			require.Equal(t, Fold, c2)
			require.True(t, early.Before(late))
			require.True(t, at.Equal(early) || at.Equal(late), "%s in %s: %s is neither %s nor %s", u, loc, at, early, late)
			for _, x := range []time.Time{early, late} {
				require.Equal(t, u.Format("2006-01-02 15:04:05"), x.In(loc).Format("2006-01-02 15:04:05"))
			}
			comp, _, _ := Wall(d, u.Hour(), u.Minute(), u.Second(), loc, Compatible)
			require.True(t, comp.Equal(early), "compatible takes the earlier instant of a fold")
		default:
			t.Fatalf("Wall(%s %s, %s) = case %s, err %v: a clock reading that happened", d, u.Format("15:04:05"), loc, c, err)
		}
	}
	assert.Positive(t, folds, "the sample reached some folds")
}

// TestWallPropertyClocks asks random wall clocks and checks every policy
// against what the zone's clocks show at the instants returned.
func TestWallPropertyClocks(t *testing.T) {
	locs := propertyZones(t)
	rng := rand.New(rand.NewPCG(3, 4))
	n := 10000
	if testing.Short() {
		n = 1000
	}
	var gaps int
	for range n {
		loc := locs[rng.IntN(len(locs))]
		at := time.Unix(rng.Int64N(2145916800), 0).In(loc)
		if rng.IntN(2) == 0 {
			if s, _ := at.ZoneBounds(); !s.IsZero() {
				at = s.Add(time.Duration(rng.IntN(4*3600)-2*3600) * time.Second).In(loc)
			}
		}
		// The wall clock shown at some instant, moved by up to an hour: often in a gap.
		w := at.Add(time.Duration(rng.IntN(7200)-3600) * time.Second)
		ww := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, time.UTC)
		ww = ww.Add(time.Duration(rng.IntN(3)-1) * time.Hour)
		d := DateOf(ww)
		hh, mm, ss := ww.Clock()
		want := ww.Format("2006-01-02 15:04:05")
		_, c, err := Wall(d, hh, mm, ss, loc, Reject)
		early, c1, err1 := Wall(d, hh, mm, ss, loc, Earlier)
		late, c2, err2 := Wall(d, hh, mm, ss, loc, Later)
		comp, c3, err3 := Wall(d, hh, mm, ss, loc, Compatible)
		require.NoError(t, err1)
		require.NoError(t, err2)
		require.NoError(t, err3)
		require.Equal(t, []Case{c, c, c}, []Case{c1, c2, c3})
		require.False(t, late.Before(early), "Earlier never after Later")
		switch c {
		case Unique:
			require.NoError(t, err)
			require.True(t, early.Equal(late) && early.Equal(comp))
			require.Equal(t, want, early.In(loc).Format("2006-01-02 15:04:05"))
		case Fold:
			require.ErrorIs(t, err, ErrAmbiguousTime)
			require.True(t, comp.Equal(early))
			require.Equal(t, want, early.In(loc).Format("2006-01-02 15:04:05"))
			require.Equal(t, want, late.In(loc).Format("2006-01-02 15:04:05"))
		case Gap:
			gaps++
			require.ErrorIs(t, err, ErrNonexistentTime)
			require.True(t, comp.Equal(late))
			// No instant shows the wall clock: the ones either side of the gap do not.
			require.NotEqual(t, want, early.In(loc).Format("2006-01-02 15:04:05"))
			require.NotEqual(t, want, late.In(loc).Format("2006-01-02 15:04:05"))
			// The gap's length separates the two readings.
			_, offEarly := early.In(loc).Zone()
			_, offLate := late.In(loc).Zone()
			require.Equal(t, late.Sub(early), time.Duration(offLate-offEarly)*time.Second, "%s in %s", want, loc)
		default:
			t.Fatalf("case %v", c)
		}
	}
	assert.Positive(t, gaps, "the sample reached some gaps")
}

// TestConvertDayShiftProperty checks DayShift against the calendar dates of
// random instants in random pairs of zones.
func TestConvertDayShiftProperty(t *testing.T) {
	locs := propertyZones(t)
	rng := rand.New(rand.NewPCG(5, 6))
	places := make([]Place, 8)
	for range 2000 {
		for i := range places {
			places[i] = Place{City: "x", Loc: locs[rng.IntN(len(locs))]}
		}
		src := locs[rng.IntN(len(locs))]
		at := time.Unix(rng.Int64N(2145916800)-rng.Int64N(2000000000), 0)
		end := at.Add(time.Duration(rng.Int64N(3*24*3600)) * time.Second)
		dst := Convert(at, end, src, places)
		day := func(t time.Time) int64 {
			y, m, d := t.Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
		}
		for _, r := range dst {
			want := int(day(at.In(r.Loc)) - day(at.In(src)))
			require.Equal(t, want, r.DayShift, "%s in %s from %s", at.UTC(), r.Loc, src)
			wantEnd := int(day(end.In(r.Loc)) - day(end.In(src)))
			require.Equal(t, wantEnd, r.EndDayShift, "end %s in %s from %s", end.UTC(), r.Loc, src)
			require.LessOrEqual(t, r.DayShift, 2)
			require.GreaterOrEqual(t, r.DayShift, -2)
			name, off := at.In(r.Loc).Zone()
			require.Equal(t, name, r.Abbrev)
			require.Equal(t, off, r.Offset)
			if !r.ClockChange.IsZero() {
				require.False(t, r.ClockChange.After(at) && !r.ClockChange.Before(end), "a change of clocks within the window, half-open")
				require.False(t, r.ClockChange.Before(at.Add(-clockChangeLookback)))
				_, before := r.ClockChange.Add(-time.Second).In(r.Loc).Zone()
				_, after := r.ClockChange.In(r.Loc).Zone()
				require.NotEqual(t, before, after, "a change of clocks at %s in %s", r.ClockChange, r.Loc)
			}
		}
	}
}
