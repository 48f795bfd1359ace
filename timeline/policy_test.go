package timeline

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAvailabilityPolicies(t *testing.T) {
	// A 100-minute period; maintenance from 10 to 40; a major outage from 30 to 50 (10 minutes
	// of it inside maintenance); a partial outage from 60 to 80 overlapped by a second
	// incident's major outage from 70 to 75.
	p := Period{Start: at(0), End: at(100)}
	ws := []Window{
		win(10, 40, Maintenance, "db"),
		win(30, 50, Major, "api"),
		win(60, 80, Partial, "api"),
		win(70, 75, Major, "web"),
		win(-50, 5, Major, "api"), // clipped to [0, 5)
	}
	min := func(n float64) time.Duration { return time.Duration(n * float64(time.Minute)) }
	tests := []struct {
		policy MaintenancePolicy
		length time.Duration
		totals Totals
	}{
		{MaintenanceIgnore, min(100), Totals{Major: min(5 + 20 + 5), Partial: min(15), Maintenance: min(20),
			Downtime: min(30 + 4.5)}},
		{MaintenanceUp, min(100), Totals{Major: min(5 + 10 + 5), Partial: min(15), Maintenance: min(30),
			Downtime: min(20 + 4.5)}},
		{MaintenanceExclude, min(70), Totals{Major: min(5 + 10 + 5), Partial: min(15), Maintenance: min(30),
			Downtime: min(20 + 4.5)}},
	}
	for _, tt := range tests {
		t.Run(tt.policy.String(), func(t *testing.T) {
			c := Policy{Maintenance: tt.policy}
			a := c.Availability(ws, p)
			assert.Equal(t, p, a.Period)
			assert.Equal(t, tt.length, a.Length)
			assert.Equal(t, tt.totals, a.Totals)
			assert.InDelta(t, 1-float64(tt.totals.Downtime)/float64(tt.length), a.Ratio, 1e-12)
		})
	}
}

func TestAvailabilityEdges(t *testing.T) {
	var c Policy
	a := c.Availability(nil, Period{Start: at(0), End: at(60)})
	assert.Equal(t, 1.0, a.Ratio, "no windows")
	a = c.Availability([]Window{win(0, 60, Major)}, Period{Start: at(0), End: at(60)})
	assert.Equal(t, 0.0, a.Ratio, "down all period")
	a = c.Availability([]Window{win(0, 60, Major)}, Period{Start: at(60), End: at(0)})
	assert.Equal(t, Availability{Period: Period{Start: at(60), End: at(0)}, Ratio: 1}, a, "inverted period")
	ex := Policy{Maintenance: MaintenanceExclude}
	a = ex.Availability([]Window{win(0, 60, Maintenance), win(10, 20, Major)}, Period{Start: at(0), End: at(60)})
	assert.Equal(t, time.Duration(0), a.Length)
	assert.Equal(t, 1.0, a.Ratio, "period wholly under maintenance")
	a = (*Policy)(nil).Availability([]Window{win(0, 30, Major)}, Period{Start: at(0), End: at(60)})
	assert.Equal(t, 0.5, a.Ratio)
	odd := Policy{Maintenance: MaintenancePolicy(9)}
	assert.Equal(t, c.Availability([]Window{win(0, 30, Major), win(0, 60, Maintenance)}, Period{Start: at(0), End: at(60)}),
		odd.Availability([]Window{win(0, 30, Major), win(0, 60, Maintenance)}, Period{Start: at(0), End: at(60)}))
}

func TestBudget(t *testing.T) {
	days30 := Period{Start: t0, End: t0.AddDate(0, 0, 30)}
	tests := []struct {
		name     string
		target   float64
		downtime time.Duration
		want     Budget
	}{
		{"three nines of 30 days", 0.999, 0, Budget{Target: 0.999, Allowed: 43*time.Minute + 12*time.Second, Remaining: 43*time.Minute + 12*time.Second}},
		{"partly used", 0.999, 12 * time.Minute, Budget{Target: 0.999, Allowed: 43*time.Minute + 12*time.Second, Consumed: 12 * time.Minute, Remaining: 31*time.Minute + 12*time.Second}},
		{"overspent", 0.999, time.Hour, Budget{Target: 0.999, Allowed: 43*time.Minute + 12*time.Second, Consumed: time.Hour, Remaining: -16*time.Minute - 48*time.Second}},
		{"four nines", 0.9999, 0, Budget{Target: 0.9999, Allowed: 4*time.Minute + 19*time.Second + 200*time.Millisecond, Remaining: 4*time.Minute + 19*time.Second + 200*time.Millisecond}},
		{"target above 1", 1.5, time.Minute, Budget{Target: 1.5, Consumed: time.Minute, Remaining: -time.Minute}},
		{"negative target", -1, 0, Budget{Target: -1, Allowed: 30 * 24 * time.Hour, Remaining: 30 * 24 * time.Hour}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Availability{Period: days30, Length: days30.Length(), Totals: Totals{Downtime: tt.downtime}}
			assert.Equal(t, tt.want, a.Budget(tt.target))
		})
	}
	nan := Availability{Length: time.Hour}.Budget(math.NaN())
	assert.Equal(t, time.Duration(0), nan.Allowed)
	assert.Equal(t, time.Duration(0), Availability{}.Budget(0.9).Allowed)
}

func TestAvailabilityBudgetFromWindows(t *testing.T) {
	days30 := Period{Start: t0, End: t0.AddDate(0, 0, 30)}
	var c Policy
	a := c.Availability([]Window{win(0, 20, Major), win(10, 30, Major), win(100, 200, Partial)}, days30)
	b := a.Budget(0.999)
	assert.Equal(t, 30*time.Minute+30*time.Minute, b.Consumed) // 30 major + 0.3 × 100 partial
	assert.Equal(t, 43*time.Minute+12*time.Second-time.Hour, b.Remaining)
}

func TestWeight(t *testing.T) {
	for in, want := range map[string]float64{"0": 0, "0.3": 0.3, "1": 1, "30%": 0.3, " 0.5 ": 0.5, "100 %": 1, "-0": 0, "0%": 0} {
		w, err := ParseWeight(in)
		require.NoError(t, err, in)
		assert.InDelta(t, want, w.Share(), 1e-12, "ParseWeight(%q)", in)
		var u Weight
		require.NoError(t, u.UnmarshalText([]byte(in)))
		assert.Equal(t, w, u)
	}
	for _, bad := range []string{"", "x", "-0.1", "1.5", "NaN", "nan", "Inf", "-Inf", "+Inf", "150%", "%", "0x1p-2%x"} {
		_, err := ParseWeight(bad)
		require.Error(t, err, "ParseWeight(%q)", bad)
		assert.ErrorIs(t, err, ErrInvalid)
		var we *WeightError
		assert.ErrorAs(t, err, &we)
		assert.NotContains(t, err.Error(), "\n")
		u, _ := NewWeight(0.7)
		require.Error(t, u.UnmarshalText([]byte(bad)))
		assert.Equal(t, 0.7, u.Share(), "UnmarshalText leaves the weight unchanged on error")
	}
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), -0.001, 1.0001, -1} {
		_, err := NewWeight(bad)
		assert.ErrorIs(t, err, ErrInvalid, "NewWeight(%v)", bad)
	}
	var zero Weight
	assert.Equal(t, DefaultPartialWeight, zero.Share(), "the zero Weight is Statuspage's")
	assert.Equal(t, "0.3", zero.String())
	none, err := NewWeight(0)
	require.NoError(t, err)
	assert.Equal(t, 0.0, none.Share(), "NewWeight(0) counts no partial outage")
	assert.NotEqual(t, zero, none)
	b, err := none.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "0", string(b))
}

// FuzzParseWeight checks that ParseWeight never panics and accepts only shares from 0 to 1,
// whose text reads back to the same weight.
func FuzzParseWeight(f *testing.F) {
	for _, s := range []string{"0", "0.3", "1", "30%", "1e-3", "-0", "NaN", "+Inf", "0x1p-2", "100%", "%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseWeight(s)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("ParseWeight(%q) error %v does not match ErrInvalid", s, err)
			}
			return
		}
		if sh := w.Share(); !(sh >= 0 && sh <= 1) {
			t.Fatalf("ParseWeight(%q) = %v, outside 0 to 1", s, sh)
		}
		back, err := ParseWeight(w.String())
		if err != nil || back != w {
			t.Fatalf("ParseWeight(%q) = %v; its text %q reads back as %v, %v", s, w, w.String(), back, err)
		}
	})
}
