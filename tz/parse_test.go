package tz_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-postmortem/postmortem/tz"
)

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := tz.Load(name)
	require.NoError(t, err)
	return loc
}

func utc(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

type parseCase struct {
	in       string
	ctx      tz.Context
	start    string // RFC 3339, UTC
	end      string // "" for an instant
	approx   bool
	undated  bool
	hasDate  bool
	date     tz.Date // zero: don't check
	loc      string  // Location.String(); "": don't check
	zone     string  // Expr.Zone; "-": must be empty
	warnings int     // number of ErrDSTMismatch warnings
}

func parseCases(t testing.TB) []parseCase {
	ny := mustLoad(t, "America/New_York")
	la := mustLoad(t, "America/Los_Angeles")
	jul26 := tz.Date{Year: 2016, Month: time.July, Day: 26}
	inNY := tz.Context{Date: jul26, Location: ny}
	harness := tz.Context{Date: tz.Date{Year: 2021, Month: time.April, Day: 5}, Location: la}
	y2013 := tz.Context{Date: tz.Date{Year: 2013}}
	return []parseCase{
		// RFC 3339 and ISO dates.
		{in: "2016-07-26T14:36:00Z", start: "2016-07-26T14:36:00Z", hasDate: true, date: jul26, loc: "UTC", zone: "Z"},
		{in: "2016-07-26T10:36:00-04:00", start: "2016-07-26T14:36:00Z", hasDate: true, loc: "-04", zone: "-04:00"},
		{in: "2016-07-26t10:36:00.250+05:30", start: "2016-07-26T05:06:00.25Z", hasDate: true, zone: "+05:30"},
		{in: "2016-07-26T10:36-04:00", start: "2016-07-26T14:36:00Z", hasDate: true},
		{in: "2016-07-26 10:36", ctx: tz.Context{Location: ny}, start: "2016-07-26T14:36:00Z", hasDate: true, loc: "America/New_York", zone: "-"},
		{in: "2016-07-26 10:36", start: "2016-07-26T10:36:00Z", hasDate: true, loc: "UTC"},
		{in: "2016-07-26 10:36:30 America/New_York", start: "2016-07-26T14:36:30Z", hasDate: true, loc: "America/New_York", zone: "America/New_York"},
		{in: "2016-07-26 14:36 UTC", ctx: inNY, start: "2016-07-26T14:36:00Z", hasDate: true, loc: "UTC", zone: "UTC"},
		{in: "2016-07-26 14:36 GMT", ctx: inNY, start: "2016-07-26T14:36:00Z", hasDate: true, loc: "UTC"},
		{in: "2016-07-26 14:36 Z", ctx: inNY, start: "2016-07-26T14:36:00Z", hasDate: true},
		{in: "2016-07-26 20:06 +05:30", start: "2016-07-26T14:36:00Z", hasDate: true, zone: "+05:30"},
		{in: "2016-07-26 10:36 -0400", start: "2016-07-26T14:36:00Z", hasDate: true, zone: "-0400"},
		{in: "2016-07-26 10:36 UTC-4", start: "2016-07-26T14:36:00Z", hasDate: true, loc: "-04", zone: "UTC-4"},
		{in: "2016-07-26 16:06 GMT+01:30", start: "2016-07-26T14:36:00Z", hasDate: true},
		{in: "2016-07-26 10:36 EDT", start: "2016-07-26T14:36:00Z", hasDate: true, loc: "America/New_York", zone: "EDT"},
		{in: "2016-07-26 16:36 CEST", start: "2016-07-26T14:36:00Z", hasDate: true, zone: "CEST"},
		{in: "2016-07-26 10:36 et", start: "2016-07-26T14:36:00Z", hasDate: true, loc: "America/New_York", zone: "et"},

		// A time alone, on the Context's date and in its zone.
		{in: "10:36", ctx: inNY, start: "2016-07-26T14:36:00Z", date: jul26, loc: "America/New_York", zone: "-"},
		{in: "10:36am", ctx: inNY, start: "2016-07-26T14:36:00Z"},
		{in: "10:36 a.m.", ctx: inNY, start: "2016-07-26T14:36:00Z"},
		{in: "1:30 p.m.", ctx: inNY, start: "2016-07-26T17:30:00Z"},
		{in: "10:36:15", ctx: inNY, start: "2016-07-26T14:36:15Z"},
		{in: "10pm", ctx: inNY, start: "2016-07-27T02:00:00Z", date: jul26},
		{in: "10 PM", ctx: inNY, start: "2016-07-27T02:00:00Z"},
		{in: "noon", ctx: inNY, start: "2016-07-26T16:00:00Z"},
		{in: "12 noon", ctx: inNY, start: "2016-07-26T16:00:00Z"},
		{in: "midnight", ctx: inNY, start: "2016-07-26T04:00:00Z"},
		{in: "12am", ctx: inNY, start: "2016-07-26T04:00:00Z"},
		{in: "12:30am", ctx: inNY, start: "2016-07-26T04:30:00Z"},
		{in: "12pm", ctx: inNY, start: "2016-07-26T16:00:00Z"},
		{in: "12:59 PM", ctx: inNY, start: "2016-07-26T16:59:00Z"},
		{in: "1430 hours", ctx: inNY, start: "2016-07-26T18:30:00Z"},
		{in: "10:53~", ctx: inNY, start: "2016-07-26T14:53:00Z", approx: true},
		{in: "~10:53", ctx: inNY, start: "2016-07-26T14:53:00Z", approx: true},
		{in: "around 10:53", ctx: inNY, start: "2016-07-26T14:53:00Z", approx: true},
		{in: "about 10:53am", ctx: inNY, start: "2016-07-26T14:53:00Z", approx: true},
		{in: "approximately 10:53 EDT", ctx: inNY, start: "2016-07-26T14:53:00Z", approx: true},
		{in: "approx. 10:53", ctx: inNY, start: "2016-07-26T14:53:00Z", approx: true},
		{in: "at 10:53", ctx: inNY, start: "2016-07-26T14:53:00Z"},

		// The seed posts' forms.
		{in: "10:36am EDT", ctx: inNY, start: "2016-07-26T14:36:00Z", loc: "America/New_York", zone: "EDT"},
		{in: "10:36am EDT (14:36 UTC)", ctx: inNY, start: "2016-07-26T14:36:00Z", zone: "EDT"},
		{in: "At 12:38pm EDT (16:38 UTC)", ctx: inNY, start: "2016-07-26T16:38:00Z"},
		{in: "10:50am EDT until 12:38pm EDT", ctx: inNY, start: "2016-07-26T14:50:00Z", end: "2016-07-26T16:38:00Z"},
		{in: "11:16 hours PST", ctx: harness, start: "2021-04-05T18:16:00Z", loc: "America/Los_Angeles", zone: "PST", warnings: 1},
		{in: "3/30 from 12:30 to 12:55 hours PST", ctx: harness, start: "2021-03-30T19:30:00Z", end: "2021-03-30T19:55:00Z",
			hasDate: true, date: tz.Date{Year: 2021, Month: time.March, Day: 30}, zone: "PST", warnings: 2},
		{in: "4/1 for 28 minutes from 11:16 to 11:44 hours PST", ctx: harness, start: "2021-04-01T18:16:00Z", end: "2021-04-01T18:44:00Z", hasDate: true, warnings: 2},
		{in: "10pm EDT on Tuesday September 24th", ctx: tz.Context{Date: tz.Date{Year: 2013, Month: time.September, Day: 23}},
			start: "2013-09-25T02:00:00Z", hasDate: true, date: tz.Date{Year: 2013, Month: time.September, Day: 24}, loc: "America/New_York"},
		{in: "Tuesday September 24th at 10pm EDT", ctx: tz.Context{After: utc("2013-09-24T11:43:00Z")}, start: "2013-09-25T02:00:00Z", hasDate: true},
		{in: "Monday September 23rd at  5:30am EDT", ctx: y2013, start: "2013-09-23T09:30:00Z", hasDate: true},
		{in: "Sunday, April 28th, between 9am – 12pm EDT", ctx: y2013, start: "2013-04-28T13:00:00Z", end: "2013-04-28T16:00:00Z", hasDate: true, zone: "EDT"},
		{in: "Sunday April 28th, 9am - 12pm EDT", ctx: y2013, start: "2013-04-28T13:00:00Z", end: "2013-04-28T16:00:00Z", hasDate: true},
		{in: "Sunday April 28th, 9am to 12pm EDT", ctx: y2013, start: "2013-04-28T13:00:00Z", end: "2013-04-28T16:00:00Z", hasDate: true},
		{in: "between 9am and 12pm EDT on Sunday April 28th 2013", start: "2013-04-28T13:00:00Z", end: "2013-04-28T16:00:00Z", hasDate: true},
		{in: "Sunday March 3rd, 11am – 4pm EST", ctx: y2013, start: "2013-03-03T16:00:00Z", end: "2013-03-03T21:00:00Z", hasDate: true},
		{in: "Sunday March 3rd between 11am — 4pm EST", ctx: tz.Context{After: utc("2013-02-20T00:00:00Z")}, start: "2013-03-03T16:00:00Z", end: "2013-03-03T21:00:00Z", hasDate: true},
		{in: "February 29th at 7pm EST", ctx: tz.Context{Date: tz.Date{Year: 2012, Month: time.February, Day: 1}}, start: "2012-03-01T00:00:00Z", hasDate: true,
			date: tz.Date{Year: 2012, Month: time.February, Day: 29}},
		{in: "around 9pm UTC", ctx: tz.Context{Date: tz.Date{Year: 2014, Month: time.February, Day: 5}}, start: "2014-02-05T21:00:00Z", approx: true, loc: "UTC"},
		{in: "12am UTC", ctx: tz.Context{Date: tz.Date{Year: 2014, Month: time.February, Day: 5}, After: utc("2014-02-05T21:00:00Z")},
			start: "2014-02-06T00:00:00Z", date: tz.Date{Year: 2014, Month: time.February, Day: 6}},
		{in: "at around 12am UTC", ctx: tz.Context{Date: tz.Date{Year: 2014, Month: time.February, Day: 5}, After: utc("2014-02-05T21:00:00Z")},
			start: "2014-02-06T00:00:00Z", approx: true},
		{in: "midnight", ctx: tz.Context{Date: tz.Date{Year: 2014, Month: time.February, Day: 5}, After: utc("2014-02-05T21:00:00Z")}, start: "2014-02-06T00:00:00Z"},
		{in: "12am UTC", ctx: tz.Context{Date: tz.Date{Year: 2014, Month: time.February, Day: 5}}, start: "2014-02-05T00:00:00Z"},
		{in: "8:50am EST", ctx: tz.Context{Date: tz.Date{Year: 2012, Month: time.March, Day: 5}}, start: "2012-03-05T13:50:00Z"},
		{in: "9am – 1pm EDT", ctx: tz.Context{Date: tz.Date{Year: 2013, Month: time.April, Day: 28}}, start: "2013-04-28T13:00:00Z", end: "2013-04-28T17:00:00Z"},
		{in: "Thursday, January 30 2014 10:00 UTC", start: "2014-01-30T10:00:00Z", hasDate: true},
		{in: "Thursday, January 30, 2014 at 10:00 UTC", start: "2014-01-30T10:00:00Z", hasDate: true},
		{in: "30 January 2014 10:00 UTC", start: "2014-01-30T10:00:00Z", hasDate: true},
		{in: "the 30th of Jan 2014, 10:00 UTC", start: "2014-01-30T10:00:00Z", hasDate: true},
		{in: "Sept. 24 2013 10pm EDT", start: "2013-09-25T02:00:00Z", hasDate: true},
		{in: "Sept. 24, 2013 10pm EDT", start: "2013-09-25T02:00:00Z", hasDate: true},
		{in: "circa 2013-09-24 22:00 GMT+1", start: "2013-09-24T21:00:00Z", hasDate: true, approx: true, zone: "GMT+1"},
		{in: "3/30/2021 12:30 PDT", start: "2021-03-30T19:30:00Z", hasDate: true},
		{in: "3/30/21 12:30 PDT", start: "2021-03-30T19:30:00Z", hasDate: true},

		// Undated: the wall clock on 0001-01-01.
		{in: "10:50 US Pacific time", start: "0001-01-01T10:50:00Z", undated: true, loc: "America/Los_Angeles", zone: "US Pacific time"},
		{in: "today at 10:50 US Pacific time", start: "0001-01-01T10:50:00Z", undated: true, loc: "America/Los_Angeles"},
		{in: "11:20", start: "0001-01-01T11:20:00Z", undated: true, loc: "UTC"},
		{in: "11:20", ctx: y2013, start: "0001-01-01T11:20:00Z", undated: true},
		{in: "11pm – 1am", start: "0001-01-01T23:00:00Z", end: "0001-01-02T01:00:00Z", undated: true},
		{in: "10:36am EDT (14:36 UTC)", start: "0001-01-01T10:36:00Z", undated: true},

		// Windows.
		{in: "11pm – 1am", ctx: tz.Context{Date: jul26}, start: "2016-07-26T23:00:00Z", end: "2016-07-27T01:00:00Z"},
		{in: "11pm-1am EDT", ctx: tz.Context{Date: jul26}, start: "2016-07-27T03:00:00Z", end: "2016-07-27T05:00:00Z"},
		{in: "9-11am EDT", ctx: tz.Context{Date: jul26}, start: "2016-07-26T13:00:00Z", end: "2016-07-26T15:00:00Z"},
		{in: "between 9 and 10am", ctx: inNY, start: "2016-07-26T13:00:00Z", end: "2016-07-26T14:00:00Z"},
		{in: "11 – 1pm", ctx: inNY, start: "2016-07-26T15:00:00Z", end: "2016-07-26T17:00:00Z"},
		{in: "1:30 - 2:30pm", ctx: inNY, start: "2016-07-26T17:30:00Z", end: "2016-07-26T18:30:00Z"},
		{in: "10:30-11:45am", ctx: inNY, start: "2016-07-26T14:30:00Z", end: "2016-07-26T15:45:00Z"},
		{in: "08:00 – 10pm", ctx: inNY, start: "2016-07-26T12:00:00Z", end: "2016-07-27T02:00:00Z"},
		{in: "noon – 1am", ctx: inNY, start: "2016-07-26T16:00:00Z", end: "2016-07-27T05:00:00Z"},
		{in: "10:36 (approx.)", ctx: inNY, start: "2016-07-26T14:36:00Z", approx: true},
		{in: "22:00 – 24:00", ctx: tz.Context{Date: jul26, Location: ny}, start: "2016-07-27T02:00:00Z", end: "2016-07-27T04:00:00Z", date: jul26},
		{in: "24:00", ctx: tz.Context{Date: jul26}, start: "2016-07-27T00:00:00Z"},
		{in: "9:00-10:00", ctx: tz.Context{Date: jul26}, start: "2016-07-26T09:00:00Z", end: "2016-07-26T10:00:00Z"},
		{in: "2016-07-26 10:50 – 2016-07-26 12:38", ctx: inNY, start: "2016-07-26T14:50:00Z", end: "2016-07-26T16:38:00Z", hasDate: true},
		{in: "2016-07-26 23:50 to 2016-07-28 00:10 UTC", start: "2016-07-26T23:50:00Z", end: "2016-07-28T00:10:00Z", hasDate: true},
		{in: "11pm to July 27th 1am", ctx: tz.Context{Date: jul26}, start: "2016-07-26T23:00:00Z", end: "2016-07-27T01:00:00Z", hasDate: true},
		{in: "11pm to July 27th 2016 1am", start: "2016-07-26T23:00:00Z", end: "2016-07-27T01:00:00Z", hasDate: true},
		{in: "9am to July 27th 2016 1am", start: "2016-07-26T09:00:00Z", end: "2016-07-27T01:00:00Z", hasDate: true},
		{in: "12:30 PDT - 20:00 UTC", ctx: harness, start: "2021-04-05T19:30:00Z", end: "2021-04-05T20:00:00Z", zone: "PDT"},
		{in: "10:36 PDT / 13:36 EDT", ctx: inNY, start: "2016-07-26T17:36:00Z", zone: "PDT", loc: "America/Los_Angeles"},
		{in: "9am – 12pm EDT / 13:00 – 16:00 UTC", ctx: inNY, start: "2016-07-26T13:00:00Z", end: "2016-07-26T16:00:00Z"},
		{in: "10:50am EDT (14:50 UTC) – 12:38pm EDT (16:38 UTC)", ctx: inNY, start: "2016-07-26T14:50:00Z", end: "2016-07-26T16:38:00Z"},

		// Durations.
		{in: "10:50 for 30 minutes", ctx: inNY, start: "2016-07-26T14:50:00Z", end: "2016-07-26T15:20:00Z"},
		{in: "10:50 US Pacific time, for approximately half hour", start: "0001-01-01T10:50:00Z", end: "0001-01-01T11:20:00Z", undated: true},
		{in: "11pm for 2 hours", ctx: tz.Context{Date: jul26}, start: "2016-07-26T23:00:00Z", end: "2016-07-27T01:00:00Z"},
		{in: "from 11:16 to 11:44 for about 30 minutes", ctx: tz.Context{Date: jul26}, start: "2016-07-26T11:16:00Z", end: "2016-07-26T11:44:00Z"},

		// DST: folds settled by what was written, gaps by policy.
		{in: "2016-11-06 01:30 EDT", ctx: tz.Context{Location: ny}, start: "2016-11-06T05:30:00Z", hasDate: true},
		{in: "2016-11-06 01:30 EST", ctx: tz.Context{Location: ny}, start: "2016-11-06T06:30:00Z", hasDate: true},
		{in: "2016-11-06 01:30-05:00", ctx: tz.Context{Location: ny}, start: "2016-11-06T06:30:00Z", hasDate: true},
		{in: "2016-11-06 01:30", ctx: tz.Context{Location: ny, Policy: tz.Later}, start: "2016-11-06T06:30:00Z", hasDate: true},
		{in: "2016-11-06 01:30", ctx: tz.Context{Location: ny, Policy: tz.Earlier}, start: "2016-11-06T05:30:00Z", hasDate: true},
		{in: "2016-03-13 02:30", ctx: tz.Context{Location: ny, Policy: tz.Compatible}, start: "2016-03-13T07:30:00Z", hasDate: true},
		{in: "2016-11-06 05:30 UTC", ctx: tz.Context{Location: ny}, start: "2016-11-06T05:30:00Z", hasDate: true},
		{in: "10:00 EST", ctx: tz.Context{Date: tz.Date{Year: 2012, Month: time.October, Day: 4}}, start: "2012-10-04T14:00:00Z", warnings: 1},
		{in: "10:00 PDT", ctx: tz.Context{Date: tz.Date{Year: 2021, Month: time.January, Day: 4}}, start: "2021-01-04T18:00:00Z", warnings: 1},

		// Ambiguous abbreviations settled by the Context's zone.
		{in: "10:00 CST", ctx: tz.Context{Date: tz.Date{Year: 2020, Month: time.January, Day: 15}, Location: mustLoad(t, "America/Chicago")}, start: "2020-01-15T16:00:00Z", loc: "America/Chicago"},
		{in: "10:00 CST", ctx: tz.Context{Date: tz.Date{Year: 2020, Month: time.January, Day: 15}, Location: mustLoad(t, "America/Winnipeg")}, start: "2020-01-15T16:00:00Z", loc: "America/Winnipeg"},
		{in: "10:00 CST", ctx: tz.Context{Date: tz.Date{Year: 2020, Month: time.January, Day: 15}, Location: mustLoad(t, "Asia/Shanghai")}, start: "2020-01-15T02:00:00Z", loc: "Asia/Shanghai"},
		{in: "10:00 IST", ctx: tz.Context{Date: tz.Date{Year: 2020, Month: time.January, Day: 15}, Location: mustLoad(t, "Asia/Kolkata")}, start: "2020-01-15T04:30:00Z"},
		{in: "10:00 IST", ctx: tz.Context{Date: tz.Date{Year: 2020, Month: time.July, Day: 15}, Location: mustLoad(t, "Europe/Dublin")}, start: "2020-07-15T09:00:00Z", loc: "Europe/Dublin"},
		{in: "10:00 BST", ctx: tz.Context{Date: tz.Date{Year: 2020, Month: time.July, Day: 15}, Location: mustLoad(t, "Europe/London")}, start: "2020-07-15T09:00:00Z"},
		{in: "10:00 AST", ctx: tz.Context{Date: tz.Date{Year: 2020, Month: time.July, Day: 15}, Location: mustLoad(t, "America/Puerto_Rico")}, start: "2020-07-15T14:00:00Z", loc: "America/Puerto_Rico"},
		{in: "10:00 AST", ctx: tz.Context{Date: tz.Date{Year: 2020, Month: time.January, Day: 15}, Location: mustLoad(t, "America/Puerto_Rico")}, start: "2020-01-15T14:00:00Z"},
		{in: "10:00 PST", ctx: tz.Context{Date: tz.Date{Year: 2020, Month: time.January, Day: 15}}, start: "2020-01-15T18:00:00Z", loc: "America/Los_Angeles"},
		{in: "10:00 PST", ctx: tz.Context{Date: tz.Date{Year: 2020, Month: time.January, Day: 15}, Location: mustLoad(t, "Asia/Manila")}, start: "2020-01-15T02:00:00Z", loc: "Asia/Manila"},

		// An abbreviation that the Context's zone itself shows on that date is
		// that zone's, with no warning; otherwise its region's wall clock.
		{in: "2024-07-15 10:00 CET", ctx: tz.Context{Location: mustLoad(t, "Africa/Algiers")}, start: "2024-07-15T09:00:00Z", hasDate: true, loc: "Africa/Algiers"},
		{in: "2024-07-15 10:00 MST", ctx: tz.Context{Location: mustLoad(t, "America/Phoenix")}, start: "2024-07-15T17:00:00Z", hasDate: true, loc: "America/Phoenix"},
		{in: "2024-07-15 10:00 EST", ctx: tz.Context{Location: mustLoad(t, "America/Cancun")}, start: "2024-07-15T15:00:00Z", hasDate: true, loc: "America/Cancun"},
		{in: "2024-07-15 10:00 AEST", ctx: tz.Context{Location: mustLoad(t, "Australia/Brisbane")}, start: "2024-07-15T00:00:00Z", hasDate: true, loc: "Australia/Brisbane"},
		{in: "2024-07-15 10:00 CET", ctx: tz.Context{Location: mustLoad(t, "Europe/Paris")}, start: "2024-07-15T08:00:00Z", hasDate: true, loc: "Europe/Berlin", warnings: 1},
		{in: "2024-07-15 10:00 EST", ctx: tz.Context{Location: ny}, start: "2024-07-15T14:00:00Z", hasDate: true, loc: "America/New_York", warnings: 1},
		{in: "2024-07-15 10:00 EST", ctx: tz.Context{Location: mustLoad(t, "America/Toronto")}, start: "2024-07-15T14:00:00Z", hasDate: true, loc: "America/New_York", warnings: 1},
		{in: "2024-07-15 10:00 EST", start: "2024-07-15T14:00:00Z", hasDate: true, loc: "America/New_York", warnings: 1},

		// An ambiguous abbreviation settled by its own pair.
		{in: "2024-07-01 11:10 BST (10:10 UTC)", start: "2024-07-01T10:10:00Z", hasDate: true, loc: "Europe/London"},
		{in: "2024-07-01 11:10 BST (05:10 UTC)", start: "2024-07-01T05:10:00Z", hasDate: true, loc: "Asia/Dhaka"},
		{in: "2024-07-01 11:10 BST / 06:10 EDT", start: "2024-07-01T10:10:00Z", hasDate: true, loc: "Europe/London"},
		{in: "2024-07-01 9:00 – 10:00 IST (03:30 – 04:30 UTC)", start: "2024-07-01T03:30:00Z", end: "2024-07-01T04:30:00Z", hasDate: true, loc: "Asia/Kolkata"},
		{in: "2024-01-10 11:10 BST (10:10 UTC)", start: "2024-01-10T10:10:00Z", hasDate: true, loc: "Europe/London", warnings: 1},
		{in: "11:10 BST (10:10 UTC)", undated: true, start: "0001-01-01T11:10:00Z"},
	}
}

func TestParse(t *testing.T) {
	for _, c := range parseCases(t) {
		t.Run(c.in, func(t *testing.T) {
			e, err := tz.Parse(c.in, c.ctx)
			require.NoError(t, err, "Parse(%q)", c.in)
			assert.WithinDuration(t, utc(c.start), e.Start, 0, "Parse(%q).Start", c.in)
			assert.Equal(t, time.UTC, e.Start.Location(), "Start in UTC")
			if c.end == "" {
				assert.True(t, e.End.IsZero(), "Parse(%q).End = %v, want zero", c.in, e.End)
			} else {
				assert.WithinDuration(t, utc(c.end), e.End, 0, "Parse(%q).End", c.in)
				assert.Equal(t, time.UTC, e.End.Location(), "End in UTC")
			}
			assert.Equal(t, c.approx, e.Approx, "Parse(%q).Approx", c.in)
			assert.Equal(t, !c.undated, e.Dated, "Parse(%q).Dated", c.in)
			assert.Equal(t, c.hasDate, e.HasDate, "Parse(%q).HasDate", c.in)
			if c.undated {
				assert.True(t, e.Date.IsZero(), "Parse(%q).Date = %v, want zero", c.in, e.Date)
			} else {
				require.NotNil(t, e.Location)
				assert.Equal(t, tz.DateOf(e.Start.In(e.Location)), e.Date, "Parse(%q).Date is Start's date in Location", c.in)
			}
			if !c.date.IsZero() {
				assert.Equal(t, c.date, e.Date, "Parse(%q).Date", c.in)
			}
			if c.loc != "" {
				require.NotNil(t, e.Location)
				assert.Equal(t, c.loc, e.Location.String(), "Parse(%q).Location", c.in)
			}
			switch c.zone {
			case "":
			case "-":
				assert.Empty(t, e.Zone, "Parse(%q).Zone", c.in)
			default:
				assert.Equal(t, c.zone, e.Zone, "Parse(%q).Zone", c.in)
			}
			require.Len(t, e.Warnings, c.warnings, "Parse(%q).Warnings = %v", c.in, e.Warnings)
			for _, w := range e.Warnings {
				require.NotNil(t, w)
				assert.ErrorIs(t, w, tz.ErrDSTMismatch)
				assert.Equal(t, c.in, w.Input)
			}
		})
	}
}

func TestParseDSTMismatch(t *testing.T) {
	la := mustLoad(t, "America/Los_Angeles")
	ctx := tz.Context{Date: tz.Date{Year: 2021, Month: time.March, Day: 30}, Location: la}
	e, err := tz.Parse("12:30 PST", ctx)
	require.NoError(t, err)
	require.Len(t, e.Warnings, 1)
	w := e.Warnings[0]
	assert.ErrorIs(t, w, tz.ErrDSTMismatch)
	assert.Equal(t, 6, w.Offset, "the warning points at the abbreviation")
	assert.Equal(t, `"12:30 PST" on 2021-03-30: US Pacific time was PDT (-07:00) that day; `+
		`read as the wall clock 12:30 PDT = 19:30Z; the literal -08:00 would be 20:30Z`, w.Msg)

	ctx.Strict = true
	_, err = tz.Parse("12:30 PST", ctx)
	require.Error(t, err)
	assert.ErrorIs(t, err, tz.ErrDSTMismatch)
	var te *tz.Error
	require.ErrorAs(t, err, &te)
	assert.Equal(t, w.Msg, te.Msg)

	// The right half is no warning, strict or not.
	e, err = tz.Parse("12:30 PDT", ctx)
	require.NoError(t, err)
	assert.Empty(t, e.Warnings)

	// EST on a day New York kept EDT.
	e, err = tz.Parse("2012-10-04 9:00 EST", tz.Context{})
	require.NoError(t, err)
	require.Len(t, e.Warnings, 1)
	assert.Contains(t, e.Warnings[0].Msg, "EDT (-04:00)")
	assert.Contains(t, e.Warnings[0].Msg, "= 13:00Z; the literal -05:00 would be 14:00Z")
}

// A form in parentheses that agrees with the literal offset of an
// abbreviation's wrong DST half settles what was meant.
func TestParseDSTMismatchSettledByUTC(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	ctx := tz.Context{Date: tz.Date{Year: 2016, Month: time.July, Day: 26}, Location: ny}
	cases := []struct {
		in, start, end, note string
	}{
		{"10:36am EST (15:36 UTC)", "2016-07-26T15:36:00Z", "", `, but "15:36 UTC" agrees with the literal -05:00: read as 15:36Z, not as the wall clock 10:36 EDT = 14:36Z`},
		{"10:36am EST (14:36 UTC)", "2016-07-26T14:36:00Z", "", "read as the wall clock 10:36 EDT = 14:36Z"},
		{"9am – 10am EST (14:00 – 15:00 UTC)", "2016-07-26T14:00:00Z", "2016-07-26T15:00:00Z", "agrees with the literal -05:00"},
	}
	for _, c := range cases {
		e, err := tz.Parse(c.in, ctx)
		require.NoError(t, err, "Parse(%q)", c.in)
		assert.WithinDuration(t, utc(c.start), e.Start, 0, "Parse(%q).Start", c.in)
		assert.WithinDuration(t, utc(c.end), e.End, 0, "Parse(%q).End", c.in)
		require.NotEmpty(t, e.Warnings, "Parse(%q)", c.in)
		assert.Contains(t, e.Warnings[0].Msg, c.note)
	}
	_, err := tz.Parse("10:36am EST (16:36 UTC)", ctx)
	assert.ErrorIs(t, err, tz.ErrMismatch)
	ctx.Strict = true
	_, err = tz.Parse("10:36am EST (15:36 UTC)", ctx)
	assert.ErrorIs(t, err, tz.ErrDSTMismatch)
}

func TestParseErrors(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	jul26 := tz.Date{Year: 2016, Month: time.July, Day: 26}
	inNY := tz.Context{Date: jul26, Location: ny}
	cases := []struct {
		in     string
		ctx    tz.Context
		err    error
		offset int
		msg    string // a part of the message
	}{
		{in: "", err: tz.ErrSyntax, msg: "no time"},
		{in: "banana", err: tz.ErrSyntax, offset: 0, msg: `unexpected "banana"`},
		{in: "22:00 PM", err: tz.ErrSyntax, offset: 6, msg: "22:00 is already a 24-hour time"},
		{in: "13pm", err: tz.ErrSyntax, offset: 2},
		{in: "0:30am", err: tz.ErrSyntax, offset: 0, msg: "no hour 0"},
		{in: "24:01", err: tz.ErrSyntax, offset: 0, msg: "hour 24"},
		{in: "25:00", err: tz.ErrSyntax, offset: 0, msg: "hour 25"},
		{in: "10:61", err: tz.ErrSyntax, offset: 0, msg: "minute 61"},
		{in: "10:5", err: tz.ErrSyntax, offset: 3, msg: "two digits"},
		{in: "10", err: tz.ErrSyntax, offset: 0},
		{in: "9 – 10", err: tz.ErrSyntax, offset: 6},
		{in: "9 – 10:00", err: tz.ErrSyntax, offset: 0, msg: `"9" is not a time; write 9:00, 9am or 9pm`},
		{in: "10:36 10:37", err: tz.ErrSyntax, offset: 6},
		{in: "9am –", err: tz.ErrSyntax, offset: 4, msg: "no end time"},
		{in: "– 9am", err: tz.ErrSyntax, offset: 0},
		{in: "9am – 10am – 11am", err: tz.ErrSyntax, offset: 13},
		{in: "10:36 (14:36 UTC", err: tz.ErrSyntax, msg: `missing ")"`},
		{in: "10:36 € ", err: tz.ErrSyntax, offset: 6},
		{in: "10:36 Mars/Olympus", err: tz.ErrUnknownZone, offset: 6, msg: "unknown zone"},
		{in: "10:36 XYZT", err: tz.ErrUnknownZone, offset: 6},
		{in: "10:36 Pacfic time", err: tz.ErrUnknownZone, offset: 6, msg: `"Pacfic": unknown zone`},
		{in: "10:36am EDT (14:37 UTC)", ctx: inNY, err: tz.ErrMismatch, offset: 13,
			msg: `"10:36am EDT" is 2016-07-26T14:36:00Z but "14:37 UTC" is 2016-07-26T14:37:00Z`},
		{in: "10:36am EDT (15:36 UTC)", err: tz.ErrMismatch, offset: 13},
		{in: "10:36 PDT / 13:37 EDT", ctx: inNY, err: tz.ErrMismatch, offset: 11, msg: `"10:36 PDT" is 2016-07-26T17:36:00Z but "13:37 EDT" is 2016-07-26T17:37:00Z`},
		{in: "10:36 / 11:36 / 12:36", err: tz.ErrSyntax},
		{in: "10:36am EDT (14:36 UTC – 15:00 UTC)", ctx: inNY, err: tz.ErrMismatch},
		{in: "Monday, April 28th 2013, 9am EDT", err: tz.ErrWeekday, offset: 0, msg: "April 28th 2013 is a Sunday, not a Monday"},
		{in: "Monday 9am", ctx: tz.Context{Date: tz.Date{Year: 2013, Month: time.April, Day: 28}}, err: tz.ErrWeekday, msg: "April 28th 2013 is a Sunday, not a Monday"},
		{in: "Monday 9am", err: tz.ErrNoDate},
		{in: "April 28th 9am", err: tz.ErrNoDate, msg: "write the year"},
		{in: "Sunday April 28th 9am", err: tz.ErrNoDate},
		{in: "February 29th at 7pm EST", ctx: tz.Context{Date: tz.Date{Year: 2013, Month: time.March, Day: 1}}, err: tz.ErrInvalidDate, msg: "February 2013 has 28 days"},
		{in: "2013-02-30 10:00", err: tz.ErrInvalidDate},
		{in: "13/30 10:00", ctx: inNY, err: tz.ErrInvalidDate, msg: "month 13"},
		{in: "8pm UTC", ctx: tz.Context{Date: tz.Date{Year: 2014, Month: time.February, Day: 5}, After: utc("2014-02-05T21:00:00Z")}, err: tz.ErrBackwards, offset: 0, msg: "write the date"},
		{in: "10:00", ctx: tz.Context{After: utc("0001-01-01T11:00:00Z")}, err: tz.ErrBackwards},
		{in: "2016-07-27 10:00 – 2016-07-26 11:00", err: tz.ErrBackwards},
		{in: "2016-03-13 02:30", ctx: tz.Context{Location: ny}, err: tz.ErrNonexistentTime, offset: 11, msg: "does not exist"},
		{in: "2016-11-06 01:30", ctx: tz.Context{Location: ny}, err: tz.ErrAmbiguousTime, offset: 11},
		{in: "2016-11-06 01:30 US/Eastern", err: tz.ErrAmbiguousTime},
		{in: "10:00 CST", ctx: tz.Context{Date: jul26}, err: tz.ErrAmbiguous, offset: 6, msg: "America/Chicago"},
		{in: "10:00 IST", ctx: inNY, err: tz.ErrAmbiguous, offset: 6, msg: "Asia/Kolkata"},
		{in: "10:00 CST", ctx: inNY, err: tz.ErrAmbiguous},
		{in: "10:00 CST", err: tz.ErrAmbiguous},
		{in: "2024-07-01 11:10 BST (07:10 UTC)", err: tz.ErrAmbiguous, offset: 17, msg: "Asia/Dhaka"}, // no reading agrees
		{in: "10:00 AST", ctx: tz.Context{Date: jul26, Location: mustLoad(t, "Etc/GMT+4")}, err: tz.ErrAmbiguous, msg: "Asia/Riyadh"},
		{in: "10:00 +15:00", err: tz.ErrSyntax},
		{in: "from 11:16 to 11:44 for 20 minutes", ctx: inNY, err: tz.ErrMismatch, offset: 20, msg: "the window lasts 28m but the text says 20m"},
		{in: "10:00 for 5 fortnights", err: tz.ErrSyntax, offset: 12, msg: "not a unit of time"},
		{in: "10:00 for a while", err: tz.ErrSyntax},
		{in: "10:00 for 5", err: tz.ErrSyntax, offset: 11, msg: `"for 5" needs a unit`},
		{in: "July 10:36", err: tz.ErrSyntax, offset: 0, msg: `"July" needs a day before the time, as in "July 26th 10:36"`},
		{in: "Tuesday Monday 10:00", err: tz.ErrSyntax},
		{in: "April 28th May 3rd 10:00", err: tz.ErrSyntax},
		// Instants past 9999 in UTC, which RFC 3339 cannot write, by every path.
		{in: "9999-12-31T23:00:00-05:00", err: tz.ErrInvalidDate, msg: "is 10000-01-01T04:00:00Z in UTC, past 9999-12-31T23:59:59Z"},
		{in: "9999-12-31T23:00-05:00", err: tz.ErrInvalidDate, msg: "past 9999-12-31T23:59:59Z"},
		{in: "9999-12-31 23:00 EST", err: tz.ErrInvalidDate, msg: "past 9999-12-31T23:59:59Z"},
		{in: "23:00", ctx: tz.Context{Date: tz.Date{Year: 9999, Month: time.December, Day: 31}, Location: ny}, err: tz.ErrInvalidDate, msg: "past 9999"},
		{in: "9999-12-31 18:00 – 19:30 EST", err: tz.ErrInvalidDate, msg: "is 10000-01-01T00:30:00Z in UTC"},
		{in: "9999-12-31 18:00 EST for 2 hours", err: tz.ErrInvalidDate, msg: "past 9999"},
		{in: "0001-01-01T00:30:00+01:00", err: tz.ErrInvalidDate, msg: "is 0000-12-31T23:30:00Z in UTC, before 0001-01-01T00:00:00Z"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			_, err := tz.Parse(c.in, c.ctx)
			require.Error(t, err, "Parse(%q)", c.in)
			assert.ErrorIs(t, err, c.err, "Parse(%q) = %v", c.in, err)
			var te *tz.Error
			require.ErrorAs(t, err, &te)
			assert.Equal(t, c.in, te.Input)
			if c.offset != 0 {
				assert.Equal(t, c.offset, te.Offset, "Parse(%q) offset; %v", c.in, err)
			}
			assert.Contains(t, te.Msg, c.msg)
			assert.NotContains(t, te.Msg, "TODO")
			assert.Regexp(t, `^tz: `, err.Error())
		})
	}
}

func TestParseAmbiguousCandidates(t *testing.T) {
	_, err := tz.Parse("10:00 IST", tz.Context{Date: tz.Date{Year: 2020, Month: time.July, Day: 15}})
	var amb *tz.AmbiguousError
	require.ErrorAs(t, err, &amb)
	var zones []string
	for _, c := range amb.Candidates {
		zones = append(zones, c.Zone)
	}
	assert.Contains(t, zones, "Asia/Kolkata")
	assert.Contains(t, zones, "Europe/Dublin")
}

// TestParseList reads the times of one post in order, carrying the date
// forward as a caller does: Expr.Date and Start become the next Context.
func TestParseList(t *testing.T) {
	ctx := tz.Context{Date: tz.Date{Year: 2014, Month: time.February, Day: 5}}
	var got []time.Time
	for _, s := range []string{"around 9pm UTC", "10pm UTC", "at around 12am UTC", "around 2am UTC"} {
		e, err := tz.Parse(s, ctx)
		require.NoError(t, err, "Parse(%q)", s)
		got = append(got, e.Start)
		ctx.Date, ctx.After = e.Date, e.Start
	}
	want := []time.Time{utc("2014-02-05T21:00:00Z"), utc("2014-02-05T22:00:00Z"), utc("2014-02-06T00:00:00Z"), utc("2014-02-06T02:00:00Z")}
	for i := range want {
		assert.WithinDuration(t, want[i], got[i], 0, "time %d", i)
	}
}

// TestParseUndatedList reads an undated list that passes midnight.
func TestParseUndatedList(t *testing.T) {
	var ctx tz.Context
	var got []time.Time
	for _, s := range []string{"10:50 US Pacific time", "11pm", "midnight", "1am", "2:30am"} {
		e, err := tz.Parse(s, ctx)
		require.NoError(t, err, "Parse(%q)", s)
		assert.False(t, e.Dated)
		got = append(got, e.Start)
		ctx.Date, ctx.After = e.Date, e.Start
	}
	want := []string{"0001-01-01T10:50:00Z", "0001-01-01T23:00:00Z", "0001-01-02T00:00:00Z", "0001-01-02T01:00:00Z", "0001-01-02T02:30:00Z"}
	for i := range want {
		assert.WithinDuration(t, utc(want[i]), got[i], 0, "time %d", i)
	}
	_, err := tz.Parse("12:30am", ctx)
	assert.ErrorIs(t, err, tz.ErrBackwards)
}

// TestParseListAcrossZones reads a list whose times change zone: the date
// carried from "9pm EDT" is July 26th, yet 02:00 UTC after it is on the 27th.
func TestParseListAcrossZones(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	ctx := tz.Context{Date: tz.Date{Year: 2016, Month: time.July, Day: 26}, Location: ny}
	var got []time.Time
	for _, s := range []string{"9pm EDT", "02:00 UTC", "10:30pm", "03:00 UTC"} {
		e, err := tz.Parse(s, ctx)
		require.NoError(t, err, "Parse(%q)", s)
		got = append(got, e.Start)
		ctx.Date, ctx.After = e.Date, e.Start
	}
	want := []string{"2016-07-27T01:00:00Z", "2016-07-27T02:00:00Z", "2016-07-27T02:30:00Z", "2016-07-27T03:00:00Z"}
	for i := range want {
		assert.WithinDuration(t, utc(want[i]), got[i], 0, "time %d", i)
	}
	// Backwards is still an error.
	_, err := tz.Parse("01:30 UTC", ctx)
	assert.ErrorIs(t, err, tz.ErrBackwards)
}

func TestParseYearFromWeekday(t *testing.T) {
	cases := []struct {
		in   string
		ref  tz.Context
		year int
	}{
		{"Sunday, April 28th 9am", tz.Context{Date: tz.Date{Year: 2013}}, 2013},
		{"Sunday, April 28th 9am", tz.Context{Date: tz.Date{Year: 2016}}, 2013},
		{"Sunday, April 28th 9am", tz.Context{After: utc("2018-01-01T00:00:00Z")}, 2019},
		{"Wednesday, February 29th 9am", tz.Context{Date: tz.Date{Year: 2012}}, 2012},
		{"Thursday, January 30 9am", tz.Context{After: utc("2014-01-01T00:00:00Z")}, 2014},
	}
	for _, c := range cases {
		e, err := tz.Parse(c.in, c.ref)
		require.NoError(t, err, "Parse(%q)", c.in)
		assert.Equal(t, c.year, e.Date.Year, "Parse(%q).Date.Year", c.in)
	}
}

func TestParseEndNotBeforeStart(t *testing.T) {
	for _, c := range parseCases(t) {
		e, err := tz.Parse(c.in, c.ctx)
		if err != nil || e.End.IsZero() {
			continue
		}
		assert.False(t, e.End.Before(e.Start), "Parse(%q): End %v before Start %v", c.in, e.End, e.Start)
	}
}

func TestParseIsError(t *testing.T) {
	_, err := tz.Parse("10:00 XYZT", tz.Context{})
	var te *tz.Error
	require.True(t, errors.As(err, &te))
	assert.Equal(t, `tz: "10:00 XYZT": `+te.Msg, err.Error())
}

// TestParseConcurrent reads the table from several goroutines at once; run
// with -race it shows Parse shares no mutable state.
func TestParseConcurrent(t *testing.T) {
	cases := parseCases(t)
	want := make([]tz.Expr, len(cases))
	for i, c := range cases {
		want[i], _ = tz.Parse(c.in, c.ctx)
	}
	done := make(chan []string)
	for range 4 {
		go func() {
			var bad []string
			for i, c := range cases {
				e, err := tz.Parse(c.in, c.ctx)
				if err != nil || !e.Start.Equal(want[i].Start) || !e.End.Equal(want[i].End) {
					bad = append(bad, c.in)
				}
			}
			done <- bad
		}()
	}
	for range 4 {
		assert.Empty(t, <-done)
	}
}

// TestParseRoundTrip formats instants the ways people and programs write
// them, with the zone's abbreviation or offset, and reads them back: the
// abbreviation or offset must settle every fold, around each clock change.
func TestParseRoundTrip(t *testing.T) {
	zones := []string{"America/New_York", "America/Los_Angeles", "Europe/London", "Asia/Kolkata",
		"Pacific/Chatham", "Australia/Sydney", "Australia/Lord_Howe", "America/St_Johns", "UTC"}
	layouts := []string{
		"2006-01-02 15:04:05 MST",
		"Monday, January 2 2006 3:04:05pm MST",
		"2006-01-02T15:04:05-07:00",
		"Jan 2@ 2006 15:04:05 -0700", // @: the day's ordinal suffix
	}
	for _, name := range zones {
		loc := mustLoad(t, name)
		var instants []time.Time
		for u := time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC); u.Year() < 2030; u = u.Add(89 * 24 * time.Hour) {
			instants = append(instants, u)
			// Around the clock change after u, if any.
			if _, end := u.In(loc).ZoneBounds(); !end.IsZero() {
				for _, d := range []time.Duration{-61, -31, -1, 0, 1, 29, 59, 61} {
					instants = append(instants, end.Add(d*time.Minute).UTC())
				}
			}
		}
		ctx := tz.Context{Location: loc}
		for _, want := range instants {
			for _, layout := range layouts {
				s := want.In(loc).Format(layout)
				s = strings.Replace(s, "@", ordinalSuffix(want.In(loc).Day()), 1)
				e, err := tz.Parse(s, ctx)
				if !assert.NoError(t, err, "Parse(%q)", s) {
					continue
				}
				assert.WithinDuration(t, want, e.Start, 0, "Parse(%q).Start", s)
				assert.Empty(t, e.Warnings, "Parse(%q).Warnings", s)
			}
		}
	}
}

func ordinalSuffix(d int) string {
	suffix := "th"
	switch {
	case d%100 >= 11 && d%100 <= 13:
	case d%10 == 1:
		suffix = "st"
	case d%10 == 2:
		suffix = "nd"
	case d%10 == 3:
		suffix = "rd"
	}
	return suffix
}

func TestParseYearFromWeekdayWarning(t *testing.T) {
	cases := []struct {
		in   string
		ref  int
		want string // the start, RFC 3339
		warn string // a part of the warning; "" for none
	}{
		{"Thursday, April 11th 10:00 UTC", 2026, "2024-04-11T10:00:00Z", "read as 2024, the year nearest 2026 in which it falls on a Thursday; 2030 and 2019 fit too"},
		{"Sunday, April 28th 9am UTC", 2013, "2013-04-28T09:00:00Z", ""}, // the reference year itself fits
		{"Sunday, April 28th 9am UTC", 2015, "2013-04-28T09:00:00Z", "2019 fits too"},
		{"Tuesday, February 29th 10:00 UTC", 2026, "2028-02-29T10:00:00Z", ""}, // the only year within 7 that fits
	}
	for _, c := range cases {
		t.Run(fmt.Sprint(c.in, " ", c.ref), func(t *testing.T) {
			e, err := tz.Parse(c.in, tz.Context{Date: tz.Date{Year: c.ref}})
			require.NoError(t, err, "Parse(%q)", c.in)
			assert.Equal(t, c.want, e.Start.Format(time.RFC3339), "Parse(%q) with year %d", c.in, c.ref)
			if c.warn == "" {
				assert.Empty(t, e.Warnings, "Parse(%q) with year %d", c.in, c.ref)
				return
			}
			require.Len(t, e.Warnings, 1, "Parse(%q) with year %d", c.in, c.ref)
			assert.ErrorIs(t, e.Warnings[0], tz.ErrYearFromWeekday)
			assert.Contains(t, e.Warnings[0].Msg, c.warn, "Parse(%q) with year %d", c.in, c.ref)
		})
	}
}

func TestParseMismatchError(t *testing.T) {
	jul26 := tz.Date{Year: 2016, Month: time.July, Day: 26}
	london := mustLoad(t, "Europe/London")
	cases := []struct {
		in    string
		ctx   tz.Context
		shift time.Duration
		zone  string
		dated bool
	}{
		// timezone: UTC on a London post: each pair off by the same hour.
		{"11:36 (10:36 UTC)", tz.Context{Date: jul26}, -time.Hour, "", true},
		{"10:36am EDT (14:37 UTC)", tz.Context{Date: jul26}, time.Minute, "EDT", true},
		{"23:30 (00:30 UTC)", tz.Context{Date: jul26, Location: london}, 2 * time.Hour, "", true},
		{"11:36 UTC (10:36 UTC)", tz.Context{}, -time.Hour, "UTC", false},
		{"00:30 UTC (23:30 UTC)", tz.Context{}, -time.Hour, "UTC", false},
		{"10:00 – 11:00 UTC (10:00 – 11:30 UTC)", tz.Context{Date: jul26}, 30 * time.Minute, "UTC", true},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			_, err := tz.Parse(c.in, c.ctx)
			require.ErrorIs(t, err, tz.ErrMismatch, "Parse(%q)", c.in)
			var me *tz.MismatchError
			require.ErrorAs(t, err, &me, "Parse(%q) = %v", c.in, err)
			assert.Equal(t, c.shift, me.Shift(), "Parse(%q): Shift() = %v, want %v", c.in, me.Shift(), c.shift)
			assert.Equal(t, c.zone, me.Zone, "Parse(%q): Zone", c.in)
			assert.Equal(t, c.dated, me.Dated, "Parse(%q): Dated", c.in)
		})
	}
}
