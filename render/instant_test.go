package render

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFillDated checks that the one-allocation formatting of a dated Instant gives what the
// separate formatters give.
func TestFillDated(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("", 5*3600+1800), time.FixedZone("X", -9*3600)}
	for _, name := range []string{"America/New_York", "Asia/Kolkata", "Pacific/Kiritimati", "Australia/Lord_Howe"} {
		if loc, err := time.LoadLocation(name); err == nil {
			zones = append(zones, loc)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		u := time.Unix(rng.Int64N(253402000000), 0).UTC()
		if rng.IntN(2) == 0 {
			u = u.Truncate(time.Minute)
		}
		loc := zones[rng.IntN(len(zones))]
		local := u.In(loc)
		for _, approx := range []bool{false, true} {
			for _, withUTC := range []bool{false, true} {
				in := Instant{Approx: approx}
				if !assert.True(t, fillDated(&in, local, u, withUTC)) {
					return
				}
				want := Instant{Approx: approx, Clock: clock(local), Date: shortDate(local, true),
					Day: dayKey(local), ISO: isoUTC(u)}
				if approx {
					want.Clock = "about " + want.Clock
				}
				if withUTC {
					want.UTC = clock(u) + " UTC"
					if dayKey(u) != want.Day {
						want.UTCDay = shortDate(u, false)
					}
				}
				if !assert.Equal(t, want, in, "%v in %v", u, loc) {
					return
				}
			}
		}
	}
	in := Instant{}
	assert.False(t, fillDated(&in, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), true))
	assert.Equal(t, Instant{}, in)
}

// TestIsOneLine checks oneLine's fast path against the general one.
func TestIsOneLine(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte("ab  \t\n\r\x00\x7f~!é")
	for range 20000 {
		n := rng.IntN(8)
		b := make([]byte, 0, n)
		for range n {
			b = append(b, alphabet[rng.IntN(len(alphabet))])
		}
		s := string(b)
		want := strings.Join(strings.Fields(clean(s)), " ")
		if isOneLine(s) && !assert.Equal(t, want, s, "%q", s) {
			return
		}
		assert.Equal(t, want, oneLine(s), "%q", s)
	}
	assert.True(t, isOneLine("db primary"))
	assert.False(t, isOneLine("db  primary"))
}

// TestDurationForms checks Duration against the forms it has always had.
func TestDurationForms(t *testing.T) {
	want := func(d time.Duration) string {
		d = d.Truncate(time.Second)
		days, h, m, s := int64(d/(24*time.Hour)), int64(d/time.Hour)%24, int64(d/time.Minute)%60, int64(d/time.Second)%60
		switch {
		case days > 0 && h == 0:
			return fmt.Sprintf("%d d", days)
		case days > 0:
			return fmt.Sprintf("%d d %d h", days, h)
		case h > 0 && m == 0:
			return fmt.Sprintf("%d h", h)
		case h > 0:
			return fmt.Sprintf("%d h %d min", h, m)
		case m > 0 && s == 0:
			return fmt.Sprintf("%d min", m)
		case m > 0:
			return fmt.Sprintf("%d min %d s", m, s)
		}
		return fmt.Sprintf("%d s", s)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for _, d := range []time.Duration{0, time.Second, time.Minute, time.Hour, 24 * time.Hour, 25 * time.Hour, 90 * time.Minute, 61 * time.Second, 999 * time.Millisecond} {
		assert.Equal(t, want(d), Duration(d), "%v", d)
	}
	for range 10000 {
		d := time.Duration(rng.Int64N(int64(400 * 24 * time.Hour)))
		if rng.IntN(3) == 0 {
			d = d.Truncate(time.Minute)
		}
		if rng.IntN(3) == 0 {
			d = d.Truncate(time.Hour)
		}
		require.Equal(t, want(d), Duration(d), "%v", d)
		if d != 0 {
			require.Equal(t, "-"+want(d), Duration(-d), "%v", -d)
		}
	}
}
