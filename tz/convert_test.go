package tz

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultPlaces(t *testing.T) {
	ps, err := DefaultPlaces()
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(ps), 19)
	jan := time.Date(2024, 1, 15, 12, 0, 0, 0, time.UTC)
	prev := -24 * 3600
	var names []string
	for _, p := range ps {
		require.NotNil(t, p.Loc, p.City)
		_, off := jan.In(p.Loc).Zone()
		if p.Loc.String() == "Pacific/Auckland" || p.Loc.String() == "Australia/Sydney" {
			off -= 3600 // January is their summer: compare standard time
		}
		assert.GreaterOrEqual(t, off, prev, "%s is west of the place before it", p.City)
		prev = off
		names = append(names, p.Loc.String())
	}
	for _, want := range []string{"America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York",
		"America/Sao_Paulo", "Europe/London", "Europe/Paris", "Europe/Berlin", "Africa/Lagos", "Africa/Johannesburg",
		"Europe/Moscow", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Shanghai", "Asia/Tokyo",
		"Australia/Sydney", "Pacific/Auckland", "UTC"} {
		assert.Contains(t, names, want)
	}
	ps[0].City = "changed"
	again, err := DefaultPlaces()
	require.NoError(t, err)
	assert.NotEqual(t, "changed", again[0].City, "DefaultPlaces returns a new slice")
}

func TestConvertDayShift(t *testing.T) {
	at := time.Date(2024, 4, 28, 10, 30, 0, 0, time.UTC) // a Sunday in UTC
	places := []Place{
		{City: "Kiritimati", Loc: mustLoad(t, "Pacific/Kiritimati")},
		{City: "Pago Pago", Loc: mustLoad(t, "Pacific/Pago_Pago")},
		{City: "UTC", Loc: nil},
		{City: "Honolulu", Loc: mustLoad(t, "Pacific/Honolulu")},
	}
	rows := Convert(at, time.Time{}, nil, places)
	require.Len(t, rows, 4)
	assert.Equal(t, time.Monday, rows[0].Start.Weekday())
	assert.Equal(t, 1, rows[0].DayShift, "Kiritimati relative to UTC")
	assert.Equal(t, time.Saturday, rows[1].Start.Weekday())
	assert.Equal(t, -1, rows[1].DayShift, "Pago Pago relative to UTC")
	assert.Equal(t, 0, rows[2].DayShift)
	assert.Equal(t, time.UTC, rows[2].Loc, "a nil Loc is UTC")
	assert.Equal(t, 0, rows[3].DayShift) // 00:30 HST the same day

	rows = Convert(at, time.Time{}, mustLoad(t, "Pacific/Pago_Pago"), places)
	assert.Equal(t, 2, rows[0].DayShift, "Kiritimati relative to Pago Pago")
	rows = Convert(at, time.Time{}, mustLoad(t, "Pacific/Kiritimati"), places)
	assert.Equal(t, -2, rows[1].DayShift, "Pago Pago relative to Kiritimati")
}

func TestConvertEndDayShift(t *testing.T) {
	london := mustLoad(t, "Europe/London")
	tokyo := mustLoad(t, "Asia/Tokyo")
	la := mustLoad(t, "America/Los_Angeles")
	sat := time.Date(2026, 10, 24, 22, 30, 0, 0, time.UTC) // Sat 22:30 UTC, 23:30 BST
	cases := []struct {
		name       string
		start, end time.Time
		src, loc   *time.Location
		day, end2  int // want DayShift, EndDayShift
	}{
		{"London ends the next day", sat, sat.Add(time.Hour), nil, london, 0, 1},
		{"Tokyo both the next day", sat, sat.Add(time.Hour), nil, tokyo, 1, 1},
		{"UTC itself", sat, sat.Add(time.Hour), nil, nil, 0, 0},
		{"Los Angeles from London", sat, sat.Add(time.Hour), london, la, 0, -1},
		{"an instant has no end shift", sat, time.Time{}, nil, london, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows := Convert(c.start, c.end, c.src, []Place{{City: "x", Loc: c.loc}})
			require.Len(t, rows, 1)
			got := [2]int{rows[0].DayShift, rows[0].EndDayShift}
			want := [2]int{c.day, c.end2}
			assert.Equal(t, want, got, "Convert(%s, %s, %v, %v) day shifts = %v, want %v", c.start, c.end, c.src, c.loc, got, want)
		})
	}
}

func TestFormatDayShift(t *testing.T) {
	for n, want := range map[int]string{0: "", 1: "+1 day", -1: "-1 day", 2: "+2 days", -2: "-2 days"} {
		assert.Equal(t, want, FormatDayShift(n), "FormatDayShift(%d) = %q, want %q", n, FormatDayShift(n), want)
	}
}

func TestConvertRows(t *testing.T) {
	start := time.Date(2024, 1, 15, 14, 36, 0, 0, time.UTC)
	end := start.Add(90 * time.Minute)
	places := []Place{
		{City: "São Paulo", Loc: mustLoad(t, "America/Sao_Paulo")},
		{City: "Kolkata", Loc: mustLoad(t, "Asia/Kolkata")},
		{City: "Dublin", Loc: mustLoad(t, "Europe/Dublin")},
	}
	rows := Convert(start, end, mustLoad(t, "America/New_York"), places)
	require.Len(t, rows, 3)
	assert.Equal(t, "-03", rows[0].Abbrev, "the tz database's abbreviation, never an invented one")
	assert.Equal(t, -3*3600, rows[0].Offset)
	assert.Equal(t, "11:36", rows[0].Start.Format("15:04"))
	assert.Equal(t, "13:06", rows[0].End.Format("15:04"))
	assert.Equal(t, "-03", rows[0].EndAbbrev)
	assert.Equal(t, "IST", rows[1].Abbrev)
	assert.Equal(t, "20:06", rows[1].Start.Format("15:04"))
	assert.Equal(t, 19800, rows[1].EndOffset)
	assert.Equal(t, "GMT", rows[2].Abbrev)
	assert.Equal(t, 0, rows[2].Offset)
	for _, r := range rows {
		assert.WithinDuration(t, start, r.Start, 0)
		assert.WithinDuration(t, end, r.End, 0)
		assert.Equal(t, r.Loc, r.Start.Location())
		assert.True(t, r.ClockChange.IsZero(), "%s: no change of clocks near mid January", r.City)
		assert.Equal(t, 0, r.DayShift)
	}

	instant := Convert(start, time.Time{}, nil, places)
	assert.True(t, instant[0].End.IsZero())
	assert.Equal(t, "", instant[0].EndAbbrev)
	assert.Equal(t, 0, instant[0].EndOffset)
}

func TestConvertClockChange(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	london := mustLoad(t, "Europe/London")
	places := []Place{{City: "New York", Loc: ny}, {City: "London", Loc: london}, {City: "Tokyo", Loc: mustLoad(t, "Asia/Tokyo")}, {City: "Santiago", Loc: mustLoad(t, "America/Santiago")}}
	nyChange := time.Date(2024, 3, 10, 7, 0, 0, 0, time.UTC)
	londonChange := time.Date(2024, 3, 31, 1, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name       string
		start, end time.Time
		ny, london time.Time
	}{
		{"window across the change", nyChange.Add(-time.Hour), nyChange.Add(time.Hour), nyChange, time.Time{}},
		{"change 6 days before", nyChange.Add(6 * 24 * time.Hour), time.Time{}, nyChange, time.Time{}},
		{"change 8 days before", nyChange.Add(8 * 24 * time.Hour), time.Time{}, time.Time{}, time.Time{}},
		{"change exactly 7 days before", nyChange.Add(7 * 24 * time.Hour), time.Time{}, nyChange, time.Time{}},
		{"window ends at the change", nyChange.Add(-time.Hour), nyChange, time.Time{}, time.Time{}},
		{"instant at the change", nyChange, time.Time{}, nyChange, time.Time{}},
		{"window over both", nyChange, londonChange.Add(time.Minute), nyChange, londonChange},
		{"after both", londonChange.Add(24 * time.Hour), time.Time{}, time.Time{}, londonChange},
		// Past the zones' listed transitions, around a year's end, Go reports
		// period bounds at the year boundary where clocks do not change.
		{"year end 2040", time.Date(2040, 12, 31, 12, 0, 0, 0, time.UTC), time.Date(2041, 1, 1, 12, 0, 0, 0, time.UTC), time.Time{}, time.Time{}},
		{"new year 2041", time.Date(2041, 1, 1, 3, 0, 1, 0, time.UTC), time.Time{}, time.Time{}, time.Time{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rows := Convert(tt.start, tt.end, ny, places)
			assert.WithinDuration(t, tt.ny, rows[0].ClockChange, 0, "New York")
			assert.WithinDuration(t, tt.london, rows[1].ClockChange, 0, "London")
			assert.True(t, rows[2].ClockChange.IsZero(), "Tokyo")
			if tt.start.Year() > 2038 {
				assert.True(t, rows[3].ClockChange.IsZero(), "Santiago")
			}
			if !rows[0].ClockChange.IsZero() {
				assert.Equal(t, ny, rows[0].ClockChange.Location())
			}
		})
	}
}

func TestConvertWindowAcrossChange(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	start := time.Date(2024, 3, 10, 6, 30, 0, 0, time.UTC) // 01:30 EST
	end := start.Add(time.Hour)                            // 03:30 EDT
	rows := Convert(start, end, ny, []Place{{City: "New York", Loc: ny}})
	require.Len(t, rows, 1)
	r := rows[0]
	assert.Equal(t, "EST", r.Abbrev)
	assert.Equal(t, -5*3600, r.Offset)
	assert.Equal(t, "EDT", r.EndAbbrev)
	assert.Equal(t, -4*3600, r.EndOffset)
	assert.Equal(t, "01:30", r.Start.Format("15:04"))
	assert.Equal(t, "03:30", r.End.Format("15:04"))
	assert.WithinDuration(t, time.Date(2024, 3, 10, 7, 0, 0, 0, time.UTC), r.ClockChange, 0)
}

func TestFixedTimeURL(t *testing.T) {
	at := time.Date(2016, 7, 26, 14, 36, 59, 0, time.UTC)
	assert.Equal(t, "https://www.timeanddate.com/worldclock/fixedtime.html?iso=20160726T1436&p1=1440", FixedTimeURL(at))
	assert.Equal(t, "https://www.timeanddate.com/worldclock/fixedtime.html?iso=20160726T1436&p1=1440",
		FixedTimeURL(at.In(mustLoad(t, "Asia/Kolkata"))), "the URL is in UTC whatever t's zone")
}

// BenchmarkConvert compares Convert (impl=ours) with two floors:
// impl=baseline is the bare loop of t.In(loc) over the places, which converts
// nothing until a field is read; impl=zone also reads the zone of each
// (t.In(loc).Zone()), the least a table of local times and abbreviations needs.
func BenchmarkConvert(b *testing.B) {
	benchConvert(b, time.Date(2024, 4, 28, 10, 30, 0, 0, time.UTC))
}

// BenchmarkConvertNow is BenchmarkConvert at the present instant, which each
// *time.Location answers from a cache of the period it was loaded in, so that
// impl=zone does no search at all there.
func BenchmarkConvertNow(b *testing.B) {
	benchConvert(b, time.Now().Truncate(time.Minute))
}

func benchConvert(b *testing.B, start time.Time) {
	places, err := DefaultPlaces()
	require.NoError(b, err)
	places = places[:20]
	src := mustLoad(b, "America/New_York")
	b.Run("impl=baseline", func(b *testing.B) {
		out := make([]time.Time, len(places))
		b.ReportAllocs()
		for b.Loop() {
			for i, p := range places {
				out[i] = start.In(p.Loc)
			}
		}
	})
	b.Run("impl=zone", func(b *testing.B) {
		out := make([]time.Time, len(places))
		names := make([]string, len(places))
		offs := make([]int, len(places))
		b.ReportAllocs()
		for b.Loop() {
			for i, p := range places {
				out[i] = start.In(p.Loc)
				names[i], offs[i] = out[i].Zone()
			}
		}
	})
	b.Run("impl=ours", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = Convert(start, time.Time{}, src, places)
		}
	})
}

func TestRowDayShifts(t *testing.T) {
	end := time.Date(2024, 3, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		start, end int
		window     bool
		want       string
	}{
		{0, 0, false, ""},
		{1, 0, false, "+1 day"},
		{0, 0, true, ""},
		{1, 1, true, "+1 day"},
		{0, 1, true, "end +1 day"},
		{-1, 0, true, "-1 day, end same day"},
		{1, 2, true, "+1 day, end +2 days"},
		{-2, -1, true, "-2 days, end -1 day"},
	}
	for _, tt := range tests {
		r := Row{DayShift: tt.start, EndDayShift: tt.end}
		if tt.window {
			r.End = end
		}
		assert.Equal(t, tt.want, r.DayShifts(), "Row{DayShift: %d, EndDayShift: %d, window %v}.DayShifts()", tt.start, tt.end, tt.window)
	}
}
