package tz_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/go-postmortem/postmortem/tz"
)

// A time as a status post writes it, with its UTC form in parentheses:
// both forms must name the same instant.
func ExampleParse() {
	ny, _ := tz.Load("America/New_York")
	ctx := tz.Context{Date: tz.Date{Year: 2016, Month: time.July, Day: 26}, Location: ny}

	e, err := tz.Parse("10:36am EDT (14:36 UTC)", ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Start, e.Location, e.Zone)

	_, err = tz.Parse("10:36am EDT (14:37 UTC)", ctx)
	fmt.Println(errors.Is(err, tz.ErrMismatch))
	// Output:
	// 2016-07-26 14:36:00 +0000 UTC America/New_York EDT
	// true
}

// A maintenance window: the zone at the end applies to both ends, and the
// year comes from the weekday (April 28th was a Sunday in 2013).
func ExampleParse_window() {
	ctx := tz.Context{Date: tz.Date{Year: 2013}}
	e, err := tz.Parse("Sunday, April 28th, between 9am – 12pm EDT", ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Start.Format(time.RFC3339), e.End.Format(time.RFC3339), e.End.Sub(e.Start))

	_, err = tz.Parse("Monday, April 28th 2013, 9am EDT", ctx)
	fmt.Println(err)
	// Output:
	// 2013-04-28T13:00:00Z 2013-04-28T16:00:00Z 3h0m0s
	// tz: "Monday, April 28th 2013, 9am EDT": April 28th 2013 is a Sunday, not a Monday; fix the weekday or the date
}

// "PST" written on a day Pacific time was PDT reads as the wall clock, with a
// warning that names both readings; Strict makes it an error.
func ExampleParse_dstMismatch() {
	ctx := tz.Context{Date: tz.Date{Year: 2021, Month: time.March, Day: 30}}
	e, err := tz.Parse("12:30 PST", ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Start.Format(time.RFC3339))
	fmt.Println(e.Warnings[0].Msg)

	ctx.Strict = true
	_, err = tz.Parse("12:30 PST", ctx)
	fmt.Println(errors.Is(err, tz.ErrDSTMismatch))
	// Output:
	// 2021-03-30T19:30:00Z
	// "12:30 PST" on 2021-03-30: US Pacific time was PDT (-07:00) that day; read as the wall clock 12:30 PDT = 19:30Z; the literal -08:00 would be 20:30Z
	// true
}

// A list of times read in order: each carries its date to the next, and
// "12am" after "9pm" is the following midnight.
func ExampleParse_list() {
	ctx := tz.Context{Date: tz.Date{Year: 2014, Month: time.February, Day: 5}}
	for _, s := range []string{"around 9pm UTC", "at around 12am UTC", "around 2am UTC", "1am UTC"} {
		e, err := tz.Parse(s, ctx)
		if err != nil {
			fmt.Println(errors.Is(err, tz.ErrBackwards), err)
			continue
		}
		fmt.Println(e.Start.Format(time.RFC3339), e.Approx)
		ctx.Date, ctx.After = e.Date, e.Start
	}
	// Output:
	// 2014-02-05T21:00:00Z true
	// 2014-02-06T00:00:00Z true
	// 2014-02-06T02:00:00Z true
	// true tz: "1am UTC": 1am is before the previous time (2014-02-06T02:00:00Z); if it is on a later day, write the date with it, as in "2014-02-07 1am"
}

// Without any date the reading is not Dated: only durations between such
// times mean something.
func ExampleParse_undated() {
	e, err := tz.Parse("10:50 US Pacific time", tz.Context{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Dated, e.Start.Format("15:04"), e.Location, e.Zone)
	// Output:
	// false 10:50 America/Los_Angeles US Pacific time
}

// An ambiguous abbreviation is an error listing its readings, unless the
// Context's zone settles it.
func ExampleParse_ambiguous() {
	ctx := tz.Context{Date: tz.Date{Year: 2020, Month: time.January, Day: 15}}
	_, err := tz.Parse("10:00 CST", ctx)
	var amb *tz.AmbiguousError
	if errors.As(err, &amb) {
		for _, c := range amb.Candidates {
			fmt.Println(c.Zone)
		}
	}

	ctx.Location, _ = tz.Load("America/Chicago")
	e, err := tz.Parse("10:00 CST", ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Start.Format(time.RFC3339))
	// Output:
	// America/Chicago
	// Asia/Shanghai
	// America/Havana
	// 2020-01-15T16:00:00Z
}

func ExampleParseWindow() {
	// As a command line takes a window: the end is on the start's date and in
	// its zone, and an end before the start's clock time is the next day.
	x, err := tz.ParseWindow("2013-09-24 22:00 EDT", "01:30", tz.Context{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(x.Start.Format(time.RFC3339), "–", x.End.Format(time.RFC3339), x.End.Sub(x.Start))
	// Output:
	// 2013-09-25T02:00:00Z – 2013-09-25T05:30:00Z 3h30m0s
}
