package timeline

import (
	"errors"
	"testing"
	"time"
	_ "time/tzdata" // tests must not depend on the host's zone database

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParsePeriod(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	santiago, err := time.LoadLocation("America/Santiago")
	require.NoError(t, err)
	tests := []struct {
		in         string
		loc        *time.Location
		unit       Unit
		start, end time.Time
	}{
		{"2016", nil, Year, time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"2016", ny, Year, time.Date(2016, 1, 1, 5, 0, 0, 0, time.UTC), time.Date(2017, 1, 1, 5, 0, 0, 0, time.UTC)},
		{"2016-Q3", ny, Quarter, time.Date(2016, 7, 1, 4, 0, 0, 0, time.UTC), time.Date(2016, 10, 1, 4, 0, 0, 0, time.UTC)},
		{"2016-q4", nil, Quarter, time.Date(2016, 10, 1, 0, 0, 0, 0, time.UTC), time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"2016-07", ny, Month, time.Date(2016, 7, 1, 4, 0, 0, 0, time.UTC), time.Date(2016, 8, 1, 4, 0, 0, 0, time.UTC)},
		{"2016-07-26", ny, Day, time.Date(2016, 7, 26, 4, 0, 0, 0, time.UTC), time.Date(2016, 7, 27, 4, 0, 0, 0, time.UTC)},
		{" 2016-02-29 ", nil, Day, time.Date(2016, 2, 29, 0, 0, 0, 0, time.UTC), time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC)},
		// A spring-forward day of 23 hours.
		{"2016-03-13", ny, Day, time.Date(2016, 3, 13, 5, 0, 0, 0, time.UTC), time.Date(2016, 3, 14, 4, 0, 0, 0, time.UTC)},
		// A day whose midnight is skipped starts when the clock jumps over it (00:00 → 01:00).
		{"2024-09-08", santiago, Day, time.Date(2024, 9, 8, 4, 0, 0, 0, time.UTC), time.Date(2024, 9, 9, 3, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		p, unit, err := ParsePeriod(tt.in, tt.loc)
		require.NoError(t, err, "ParsePeriod(%q)", tt.in)
		assert.Equal(t, tt.unit, unit, "ParsePeriod(%q)", tt.in)
		assert.True(t, tt.start.Equal(p.Start), "ParsePeriod(%q).Start = %v, want %v", tt.in, p.Start, tt.start)
		assert.True(t, tt.end.Equal(p.End), "ParsePeriod(%q).End = %v, want %v", tt.in, p.End, tt.end)
	}
	for _, tt := range []struct {
		in    string
		shape bool // a *ParseError: not a calendar period at all
		msg   string
	}{
		{"", true, "calendar period"}, {"yesterday", true, "2016-Q3"}, {"10:50", true, ""},
		{"2016-07-26T14:50:00Z", true, ""}, {"2016-07-26 10:50", true, ""}, {"16-07", true, ""},
		{"2016-7", true, ""}, {"2016-Q3-01", true, ""}, {"2016-07-26-01", true, ""},
		{"2016-13", false, "month must be 01 to 12"}, {"2016-00", false, "month must be 01 to 12"},
		{"2016-Q5", false, "quarter must be Q1 to Q4"}, {"2016-Q0", false, "quarter must be Q1 to Q4"},
		{"2016-02-30", false, "no such day"}, {"2015-02-29", false, "no such day"}, {"2016-07-00", false, "no such day"},
		{"0000", false, "year must be 0001 or later"},
	} {
		_, _, err := ParsePeriod(tt.in, nil)
		require.Error(t, err, "ParsePeriod(%q)", tt.in)
		assert.ErrorIs(t, err, ErrInvalid, "ParsePeriod(%q)", tt.in)
		var pe *ParseError
		assert.Equal(t, tt.shape, errors.As(err, &pe), "ParsePeriod(%q) = %v: is a *ParseError", tt.in, err)
		assert.Contains(t, err.Error(), tt.msg)
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2016", "2016-Q3", "2016-07", "2016-07-26", "0000", "9999-12-31", "2016-q9", "x"} {
		f.Add(s)
	}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, unit, err := ParsePeriod(s, ny)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("ParsePeriod(%q) error %v does not match ErrInvalid", s, err)
			}
			return
		}
		if !unit.valid() || !p.Start.Before(p.End) {
			t.Fatalf("ParsePeriod(%q) = %v, %v", s, p, unit)
		}
		ps := Periods(unit, ny, p.Start, p.End)
		if len(ps) != 1 || !ps[0].Start.Equal(p.Start) || !ps[0].End.Equal(p.End) {
			t.Fatalf("ParsePeriod(%q) = %v, not the period Periods gives: %v", s, p, ps)
		}
	})
}
