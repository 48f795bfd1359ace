package tz_test

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-postmortem/postmortem/tz"
)

// fastPathCases are inputs at the edges of what the fast paths of Parse
// read (rfc3339.go, isozone.go); fast says whether one of them takes the
// input in the zero Context.
var fastPathCases = []struct {
	in   string
	fast bool
}{
	// The corpus's forms.
	{"2020-08-21T06:32:25Z", true},
	{"2020-08-21 06:32:25 UTC", true},
	{"2020-08-21T06:32:25+08:00", true},
	{"2020-08-21T06:32:25-05:00", true},
	{"2020-08-21 06:32:25 America/Los_Angeles", true},
	{"2020-08-21 06:32 UTC", true},
	{"2020-08-21 06:32 Europe/Berlin", true},
	// Words the general parser reads as +00:00, in any case.
	{"2020-08-21 06:32 GMT", true},
	{"2020-08-21 06:32 Z", true},
	{"2020-08-21 06:32 z", true},
	{"2020-08-21 06:32 UT", true},
	{"2020-08-21 06:32 Zulu", true},
	{"2020-08-21 06:32 utc", true},
	{"2020-08-21 06:32 uTc", true},
	{"2020-08-21 06:32 UTC+5", false},
	{"2020-08-21 06:32 UTC-04:00", false},
	{"2020-08-21 06:32 UTCX", false},
	{"2020-08-21 06:32 UTC_", false},
	// Names with a "/", aliases, any case, and names Resolve refuses.
	{"2020-08-21 06:32 Etc/UTC", true},
	{"2020-08-21 06:32 etc/gmt", true},
	{"2020-08-21 06:32 Etc/GMT+5", true},
	{"2020-08-21 06:32 Etc/GMT-14", true},
	{"2020-08-21 06:32 america/new_york", true},
	{"2020-08-21 06:32 US/Pacific", true},
	{"2020-08-21 06:32 Asia/Calcutta", true},
	{"2020-08-21 06:32 America/Argentina/Buenos_Aires", true},
	{"2020-08-21 06:32 America/Port-au-Prince", true},
	{"2020-08-21 06:32 Mars/Olympus", false},
	{"2020-08-21 06:32 America/", false},
	{"2020-08-21 06:32 America/New_York/", false},
	{"2020-08-21 06:32 America//New_York", false},
	{"2020-08-21 06:32 America/New York", false},
	{"2020-08-21 06:32 America/New_York ", false},
	{"2020-08-21 06:32 America/Sāo_Paulo", false},
	{"2020-08-21 06:32 /America/New_York", false},
	{"2020-08-21 06:32 _Etc/UTC", false},
	{"2020-08-21 06:32 Etc5/UTC", false},
	{"2020-08-21 06:32 America/../etc/passwd", false},
	// Abbreviations, regions, cities and offsets are the general parser's.
	{"2020-08-21 06:32 EDT", false},
	{"2020-01-21 06:32 EDT", false},
	{"2020-08-21 06:32 PST", false},
	{"2020-08-21 06:32 IST", false},
	{"2020-08-21 06:32 CET", false},
	{"2020-08-21 06:32 Japan", false},
	{"2020-08-21 06:32 US Pacific time", false},
	{"2020-08-21 06:32 +05:30", false},
	{"2020-08-21 06:32:00-04:00", false},
	{"2020-08-21 06:32 am UTC", false},
	{"2020-08-21 06:32 a", false},
	// No zone: the Context's.
	{"2020-08-21 06:32", true},
	{"2020-08-21 06:32:25", true},
	{"2020-08-21 06:32:25.5", true},
	// Seconds and fractions.
	{"2020-08-21 06:32:25.123456789 UTC", true},
	{"2020-08-21 06:32:25.1234567891 UTC", false},
	{"2020-08-21 06:32:25. UTC", false},
	{"2020-08-21 06:32:25,5 UTC", false},
	{"2020-08-21 06:32.25 UTC", false},
	{"2020-08-21 06:32:2 UTC", false},
	{"2020-08-21 06:32:255 UTC", false},
	{"2020-08-21 06:32:60 UTC", false},
	{"2020-08-21 06:60 UTC", false},
	{"2020-08-21 06:321 UTC", false},
	{"2020-08-21 06:32:25.5UTC", false},
	{"2020-08-21 06:32UTC", false},
	// Clocks and dates the general parser reads its own way, or refuses.
	{"2020-08-21 24:00 UTC", false},
	{"2020-08-21 23:59:59 UTC", true},
	{"2020-08-21 00:00 UTC", true},
	{"2020-08-21 6:32 UTC", false},
	{"2020-08-21 006:32 UTC", false},
	{"2020-8-21 06:32 UTC", false},
	{"2020-08-21  06:32 UTC", false},
	{"2020-08-21 06:32  UTC", false},
	{"2020-08-21 06:32\tUTC", false},
	{"2020-08-21\t06:32 UTC", false},
	{"2020-08-21T06:32 UTC", false},
	{"2020-08-21 06:32 UTC (14:32 UTC)", false},
	{"2020-08-21 06:32 UTC for 5 minutes", false},
	{"2020-08-21 06:32 - 07:00 UTC", false},
	{"~2020-08-21 06:32 UTC", false},
	{"2020-02-29 06:32 UTC", true},
	{"2019-02-29 06:32 UTC", false},
	{"2020-13-01 06:32 UTC", false},
	{"2020-00-01 06:32 UTC", false},
	{"2020-01-00 06:32 UTC", false},
	{"0000-01-01 06:32 UTC", false},
	{"0001-01-01 00:00 UTC", true},
	{"0001-01-01 00:00 Asia/Tokyo", false},
	{"9999-12-31 23:59:59 UTC", true},
	{"9999-12-31 23:00 America/New_York", false},
	{"-020-08-21 06:32 UTC", false},
	{"+2020-08-21 06:32 UTC", false},
	{"2020-08-21 06:3x UTC", false},
	{"2020-08-21 0x:32 UTC", false},
	{"２020-08-21 06:32 UTC", false},
	// DST: New York's spring gap and autumn fold, and the hours around them.
	{"2016-03-13 02:30 America/New_York", false},
	{"2016-03-13 01:59:59 America/New_York", true},
	{"2016-03-13 03:00 America/New_York", true},
	{"2016-11-06 01:30 America/New_York", false},
	{"2016-11-06 00:59:59 America/New_York", true},
	{"2016-11-06 02:00 America/New_York", true},
	{"2016-03-27 02:30 Europe/Berlin", false},
	{"2016-10-30 02:30 Europe/Berlin", false},
	{"2016-04-03 02:30 Australia/Lord_Howe", true},
	{"2016-04-03 01:45 Australia/Lord_Howe", false},
	{"2011-12-30 10:00 Pacific/Apia", false},
	{"2011-12-31 10:00 Pacific/Apia", true},
	// RFC 3339's edges.
	{"2016-07-26t10:36:00z", false},
	{"2016-07-26T10:36:00.250+05:30", true},
	{"2016-07-26T10:36:00+14:00", true},
	{"2016-07-26T10:36:00+15:00", false},
	{"2016-07-26T10:36Z", false},
	{"9999-12-31T23:00:00-05:00", false},
	{"0001-01-01T00:00:00+01:00", false},
}

// fastContexts are the Contexts the fast paths are checked in: each field
// that the general parser reads set in turn, and DST zones among them.
func fastContexts(t testing.TB) []tz.Context {
	ny := mustLoad(t, "America/New_York")
	berlin := mustLoad(t, "Europe/Berlin")
	return []tz.Context{
		{},
		{Location: ny},
		{Date: tz.Date{Year: 2016, Month: time.November, Day: 6}, Location: ny, After: time.Date(2016, 11, 6, 23, 0, 0, 0, time.UTC)},
		{Date: tz.Date{Year: 2020, Month: time.August, Day: 22}, After: time.Date(2020, 8, 22, 12, 0, 0, 0, time.UTC), Strict: true},
		{Location: ny, Policy: tz.Earlier},
		{Location: ny, Policy: tz.Later, Strict: true},
		{Location: berlin, Policy: tz.Compatible},
		{Date: tz.Date{Year: 2013}, After: time.Date(1, 1, 1, 10, 0, 0, 0, time.UTC)},
		{Location: time.FixedZone("UTC", 0)},
		{Location: time.FixedZone("EDT", -4*3600), Date: tz.Date{Year: 2016, Month: time.July, Day: 26}},
	}
}

// checkFastPaths checks that a fast path that takes s reads it as the
// general parser does, every field of the Expr and the very Location, and
// that Parse as a whole answers as the general parser does. It reports
// whether a fast path took s.
func checkFastPaths(t *testing.T, s string, ctx tz.Context) bool {
	t.Helper()
	want, wantErr := tz.ParseGeneral(s, ctx)
	got, gotErr := tz.Parse(s, ctx)
	if !reflect.DeepEqual(got, want) || got.Location != want.Location || !reflect.DeepEqual(gotErr, wantErr) {
		t.Fatalf("Parse(%q, %+v) = %#v, %v; the general parser reads %#v, %v", s, ctx, got, gotErr, want, wantErr)
	}
	took := false
	for name, fast := range map[string]func() (tz.Expr, bool){
		"fastRFC3339": func() (tz.Expr, bool) { return tz.FastRFC3339(s) },
		"fastISOZone": func() (tz.Expr, bool) { return tz.FastISOZone(s, ctx) },
	} {
		e, ok := fast()
		if !ok {
			continue
		}
		took = true
		if wantErr != nil {
			t.Fatalf("%s(%q, %+v) = %#v, but the general parser says %v", name, s, ctx, e, wantErr)
		}
		if !reflect.DeepEqual(e, want) || e.Location != want.Location {
			t.Fatalf("%s(%q, %+v) = %#v, want %#v as the general parser reads it", name, s, ctx, e, want)
		}
	}
	return took
}

func TestFastPaths(t *testing.T) {
	contexts := fastContexts(t)
	for _, c := range fastPathCases {
		t.Run(c.in, func(t *testing.T) {
			assert.Equal(t, c.fast, checkFastPaths(t, c.in, tz.Context{}), "whether a fast path takes it")
			for _, ctx := range contexts[1:] {
				checkFastPaths(t, c.in, ctx)
			}
		})
	}
}

// TestFastPathsAroundTransitions reads every quarter hour of the days around
// each change of clocks in a year, in zones with the unusual changes (half an
// hour, a skipped day, a change at midnight), as the general parser does.
func TestFastPathsAroundTransitions(t *testing.T) {
	contexts := fastContexts(t)
	for _, name := range []string{"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Pacific/Apia",
		"America/Santiago", "Africa/Casablanca", "America/Havana", "Asia/Kolkata"} {
		loc := mustLoad(t, name)
		for _, year := range []int{2011, 2016, 2031} {
			for day := time.Date(year, 1, 1, 12, 0, 0, 0, time.UTC); day.Year() == year; day = day.AddDate(0, 0, 1) {
				_, before := day.Add(-36 * time.Hour).In(loc).Zone()
				_, after := day.Add(36 * time.Hour).In(loc).Zone()
				if before == after {
					continue
				}
				for m := 0; m < 24*60; m += 15 {
					s := fmt.Sprintf("%s %02d:%02d:%02d", day.Format(time.DateOnly), m/60, m%60, m%7)
					checkFastPaths(t, s+" "+name, contexts[m%len(contexts)])
					checkFastPaths(t, s, tz.Context{Location: loc, Policy: tz.Policy(m % 4)})
				}
			}
		}
	}
}

// TestFastPathsNoAllocation checks that the corpus's forms are read
// without allocating once their zone is loaded.
func TestFastPathsNoAllocation(t *testing.T) {
	ctx := tz.Context{Location: mustLoad(t, "Asia/Singapore"), Date: tz.Date{Year: 2020, Month: time.August, Day: 21}}
	for _, s := range []string{"2020-08-21 06:32:25 UTC", "2020-08-21 06:32 Europe/Berlin", "2020-08-21 06:32:25 America/Los_Angeles", "2020-08-21 06:32:25"} {
		_, err := tz.Parse(s, ctx)
		require.NoError(t, err)
		assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = tz.Parse(s, ctx) }), s)
	}
}

// FuzzFastPaths checks that what the fast paths of Parse take they read
// exactly as the general parser does, in Contexts that set each of its
// fields, and that Parse answers as the general parser for every input.
func FuzzFastPaths(f *testing.F) {
	for _, c := range fastPathCases {
		f.Add(c.in, uint8(0))
		f.Add(c.in, uint8(2))
	}
	for _, c := range parseCases(f) {
		f.Add(c.in, uint8(1))
	}
	for _, s := range readParseLines(f) {
		f.Add(s, uint8(3))
	}
	contexts := fastContexts(f)
	f.Fuzz(func(t *testing.T, s string, which uint8) {
		checkFastPaths(t, s, contexts[int(which)%len(contexts)])
	})
}
