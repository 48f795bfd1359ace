package timeline

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUnionMatchesMeasureAndAvailability(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(12, 13))
	half, err := NewWeight(0.5)
	require.NoError(t, err)
	for i := range 200 {
		ws := randomWindows(r, 1+r.IntN(20), 10+r.IntN(3000))
		var u Union
		u.Add(ws...)
		for _, pol := range []MaintenancePolicy{MaintenanceIgnore, MaintenanceUp, MaintenanceExclude} {
			c := &Policy{PartialWeight: half, Maintenance: pol}
			assert.Equal(t, c.Measure(ws), c.MeasureUnion(&u), "case %d", i)
			ps := Periods(Day, ny, at(0), at(3100))
			got := c.AvailabilityUnion(&u, ps)
			require.Len(t, got, len(ps))
			for j, p := range ps {
				assert.Equal(t, c.Availability(ws, p), got[j], "case %d period %d policy %v", i, j, pol)
			}
		}
	}
}

func TestCountPeriods(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(14, 15))
	base := time.Date(1965, 1, 1, 0, 0, 0, 0, time.UTC)
	for range 300 {
		from := base.Add(time.Duration(r.Int64N(int64(80 * 365 * 24 * time.Hour))))
		to := from.Add(time.Duration(1 + r.Int64N(int64(400*24*time.Hour))))
		for u := Day; u <= Year; u++ {
			assert.Equal(t, int64(len(Periods(u, ny, from, to))), CountPeriods(u, ny, from, to), "%v %v %v", u, from, to)
		}
	}
	// Centuries: no time.Duration in the way.
	a := time.Date(2, 1, 1, 0, 0, 0, 0, time.UTC)
	b := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	assert.Equal(t, int64(9998), CountPeriods(Year, nil, a, b))
	assert.Equal(t, int64(9998*12), CountPeriods(Month, nil, a, b))
	assert.Greater(t, CountPeriods(Week, nil, a, b), int64(521_000))
	assert.Zero(t, CountPeriods(Day, nil, b, a))
}

// TestUnionCompacts adds enough windows, one at a time, for the Union to join its windows
// several times (compactFrom), some overlapping, some touching, some apart, some a few
// nanoseconds off a minute, and checks that its totals and availabilities are those of the
// windows themselves.
func TestUnionCompacts(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(16, 17))
	levels := []Level{Degraded, Partial, Major, Maintenance, Operational}
	const span = 2_000_000 // minutes, about four years
	ws := make([]Window, 0, 6*compactFrom)
	for len(ws) < cap(ws) {
		a := r.IntN(span)
		w := win(a, a+1+r.IntN(90), levels[r.IntN(len(levels))])
		switch r.IntN(4) {
		case 0: // touching the previous window
			if len(ws) > 0 {
				w.Start = ws[len(ws)-1].End
				w.End = w.Start.Add(time.Duration(1+r.IntN(30)) * time.Minute)
			}
		case 1:
			w.Start = w.Start.Add(time.Duration(r.IntN(3)) * time.Nanosecond)
		}
		ws = append(ws, w)
	}
	var u Union
	kept := 0 // the windows at a level that counts time
	for i := range ws {
		u.Add(ws[i])
		if ws[i].Level != Operational {
			kept++
		}
	}
	require.Equal(t, kept, u.Len())
	require.Less(t, len(u.recs), len(ws), "the windows were never joined")
	half, err := NewWeight(0.5)
	require.NoError(t, err)
	ps := Periods(Month, ny, at(0), at(span+100))
	for _, pol := range []MaintenancePolicy{MaintenanceIgnore, MaintenanceUp, MaintenanceExclude} {
		c := &Policy{PartialWeight: half, Maintenance: pol}
		assert.Equal(t, c.Measure(ws), c.MeasureUnion(&u), "policy %v", pol)
		got := c.AvailabilityUnion(&u, ps)
		require.Len(t, got, len(ps))
		for j, p := range ps {
			assert.Equal(t, c.Availability(ws, p), got[j], "policy %v period %d", pol, j)
		}
	}
}
