package timeline

import (
	"testing"
	"time"
	_ "time/tzdata" // the tests' answers must not depend on the host's zone database

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func load(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

func TestPeriodsLength(t *testing.T) {
	tests := []struct {
		unit  Unit
		zone  string
		day   string // a local date inside the period
		start string // its expected start, RFC 3339
		want  time.Duration
	}{
		{Month, "America/New_York", "2024-03-15", "2024-03-01T00:00:00-05:00", 743 * time.Hour},
		{Month, "America/New_York", "2024-11-15", "2024-11-01T00:00:00-04:00", 721 * time.Hour},
		{Month, "UTC", "2024-02-10", "2024-02-01T00:00:00Z", 29 * 24 * time.Hour},
		{Day, "America/New_York", "2024-03-10", "2024-03-10T00:00:00-05:00", 23 * time.Hour},
		{Day, "America/New_York", "2024-11-03", "2024-11-03T00:00:00-04:00", 25 * time.Hour},
		{Day, "America/New_York", "2024-07-04", "2024-07-04T00:00:00-04:00", 24 * time.Hour},
		// Santiago springs forward at midnight: 2024-09-08 starts at 01:00 (-03), lasting 23 h.
		{Day, "America/Santiago", "2024-09-08", "2024-09-08T01:00:00-03:00", 23 * time.Hour},
		{Day, "America/Santiago", "2024-09-07", "2024-09-07T00:00:00-04:00", 24 * time.Hour},
		// and falls back at midnight: 2024-04-06 24:00 -03 becomes 23:00 -04, a 25 h day.
		{Day, "America/Santiago", "2024-04-06", "2024-04-06T00:00:00-03:00", 25 * time.Hour},
		{Day, "America/Santiago", "2024-04-07", "2024-04-07T00:00:00-04:00", 24 * time.Hour},
		{Week, "Europe/Berlin", "2024-03-28", "2024-03-25T00:00:00+01:00", 167 * time.Hour}, // Thursday; DST on Sunday 31st
		{Week, "UTC", "2024-01-01", "2024-01-01T00:00:00Z", 168 * time.Hour},                // a Monday
		{Week, "UTC", "2023-12-31", "2023-12-25T00:00:00Z", 168 * time.Hour},                // a Sunday
		{Quarter, "UTC", "2024-05-20", "2024-04-01T00:00:00Z", 91 * 24 * time.Hour},
		{Quarter, "America/New_York", "2024-02-01", "2024-01-01T00:00:00-05:00", (91*24 - 1) * time.Hour},
		{Year, "UTC", "2024-06-01", "2024-01-01T00:00:00Z", 366 * 24 * time.Hour},
		{Year, "Australia/Lord_Howe", "2023-06-01", "2023-01-01T00:00:00+11:00", 365 * 24 * time.Hour},
		// Samoa skipped 2011-12-30: the 29th is followed directly by the 31st.
		{Day, "Pacific/Apia", "2011-12-29", "2011-12-29T00:00:00-10:00", 24 * time.Hour},
		{Day, "Pacific/Apia", "2011-12-31", "2011-12-31T00:00:00+14:00", 24 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.unit.String()+"/"+tt.zone+"/"+tt.day, func(t *testing.T) {
			loc := load(t, tt.zone)
			d, err := time.ParseInLocation("2006-01-02 15:04", tt.day+" 12:00", loc)
			require.NoError(t, err)
			ps := Periods(tt.unit, loc, d, d.Add(time.Nanosecond))
			require.Len(t, ps, 1)
			want, err := time.Parse(time.RFC3339, tt.start)
			require.NoError(t, err)
			assert.WithinDuration(t, want, ps[0].Start, 0, "Start")
			assert.Equal(t, tt.want, ps[0].Length(), "Length")
			assert.Equal(t, loc, ps[0].Start.Location())
		})
	}
}

func TestPeriodsCover(t *testing.T) {
	loc := load(t, "America/New_York")
	from := time.Date(2024, 3, 9, 22, 0, 0, 0, loc)
	to := time.Date(2024, 3, 12, 0, 0, 0, 0, loc)
	ps := Periods(Day, loc, from, to)
	require.Len(t, ps, 3) // the 9th, 10th and 11th; the 12th starts at to
	assert.Equal(t, []time.Duration{24 * time.Hour, 23 * time.Hour, 24 * time.Hour},
		[]time.Duration{ps[0].Length(), ps[1].Length(), ps[2].Length()})
	for i := 1; i < len(ps); i++ {
		assert.WithinDuration(t, ps[i-1].End, ps[i].Start, 0, "periods are consecutive")
	}

	months := Periods(Month, nil, time.Date(2023, 11, 15, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 1, 0, 0, 1, 0, time.UTC))
	require.Len(t, months, 4)
	assert.Equal(t, time.UTC, months[0].Start.Location(), "nil loc is UTC")
	assert.Equal(t, time.November, months[0].Start.Month())
	assert.Equal(t, time.February, months[3].Start.Month())

	qs := Periods(Quarter, nil, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	require.Len(t, qs, 4)
	assert.Equal(t, time.October, qs[3].Start.Month())
}

func TestPeriodsSkippedDay(t *testing.T) {
	loc := load(t, "Pacific/Apia")
	from := time.Date(2011, 12, 29, 12, 0, 0, 0, loc)
	ps := Periods(Day, loc, from, from.Add(24*time.Hour)) // the 31st at 10:00
	require.Len(t, ps, 2, "no empty period for the skipped 30th")
	assert.Equal(t, 29, ps[0].Start.Day())
	assert.Equal(t, 31, ps[1].Start.Day())
	assert.WithinDuration(t, ps[0].End, ps[1].Start, 0)
}

func TestPeriodsEmpty(t *testing.T) {
	a := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	assert.Nil(t, Periods(Day, nil, a, a))
	assert.Nil(t, Periods(Day, nil, a.Add(time.Hour), a))
	assert.Nil(t, Periods(UnitUnknown, nil, a, a.Add(time.Hour)))
	assert.Nil(t, Periods(Unit(17), nil, a, a.Add(time.Hour)))
}

// TestDayStartEveryZone checks, for every day of 2020–2025 in zones with unusual rules, that
// a day starts at an instant whose local date is that day and just before which it is not.
func TestDayStartEveryZone(t *testing.T) {
	for _, name := range []string{"America/Santiago", "America/Havana", "Asia/Tehran", "Africa/Casablanca",
		"America/Asuncion", "Asia/Beirut", "Europe/Dublin", "Australia/Lord_Howe", "America/Sao_Paulo"} {
		loc := load(t, name)
		y, m, d := 2020, time.January, 1
		for range 6 * 366 {
			s := dayStart(y, m, d, loc)
			gy, gm, gd := s.Date()
			py, pm, pd := s.Add(-time.Nanosecond).Date()
			if gy != y || gm != m || gd != d || !dateBefore(py, pm, pd, y, m, d) {
				t.Errorf("%s: dayStart(%d-%02d-%02d) = %v", name, y, m, d, s)
			}
			y, m, d = civil(y, m, d+1)
		}
	}
}

// TestPeriodsProperties checks every unit over two years in zones with unusual rules: the
// periods are consecutive, cover [from, to), and each starts on its unit's first day.
func TestPeriodsProperties(t *testing.T) {
	for _, name := range []string{"UTC", "America/New_York", "America/Santiago", "Asia/Tehran", "Australia/Lord_Howe", "Pacific/Apia"} {
		loc := load(t, name)
		from := time.Date(2011, 3, 17, 15, 4, 5, 6, loc)
		to := from.AddDate(2, 0, 0)
		for u := Day; u <= Year; u++ {
			ps := Periods(u, loc, from, to)
			require.NotEmpty(t, ps, "%s %v", name, u)
			assert.False(t, ps[0].Start.After(from), "%s %v: first period starts after from", name, u)
			assert.True(t, ps[len(ps)-1].End.After(to) || ps[len(ps)-1].End.Equal(to), "%s %v: last period ends before to", name, u)
			assert.True(t, ps[len(ps)-1].Start.Before(to), "%s %v: an extra period", name, u)
			for i, p := range ps {
				require.True(t, p.Start.Before(p.End), "%s %v: empty period %v", name, u, p)
				if i > 0 {
					require.True(t, ps[i-1].End.Equal(p.Start), "%s %v: gap before %v", name, u, p)
				}
				y, m, d := p.Start.Date()
				fy, fm, fd := first(u, y, m, d)
				// The first day of a period can be a day the zone skipped (Apia, 2011-12-30).
				if fy != y || fm != m || fd != d {
					ny, nm, nd := civil(fy, fm, fd+1)
					assert.True(t, name == "Pacific/Apia" && ny == y && nm == m && nd == d,
						"%s %v: period %v starts on %d-%02d-%02d, not its first day", name, u, p, y, m, d)
				}
				assert.LessOrEqual(t, p.Length(), 367*24*time.Hour)
			}
		}
	}
}
