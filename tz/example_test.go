package tz_test

import (
	"errors"
	"fmt"
	"time"
	_ "time/tzdata"

	"github.com/go-postmortem/postmortem/tz"
)

func ExampleResolve() {
	for _, name := range []string{"Asia/Calcutta", "US Pacific time", "São Paulo", "EDT", "GMT+1", "Etc/GMT+1", "UTC-4"} {
		loc, err := tz.Resolve(name)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-16s %s\n", name, loc)
	}
	// Output:
	// Asia/Calcutta    Asia/Kolkata
	// US Pacific time  America/Los_Angeles
	// São Paulo        America/Sao_Paulo
	// EDT              America/New_York
	// GMT+1            +01
	// Etc/GMT+1        Etc/GMT+1
	// UTC-4            -04
}

func ExampleResolve_errors() {
	_, err := tz.Resolve("IST")
	fmt.Println(errors.Is(err, tz.ErrAmbiguous))
	fmt.Println(err)
	_, err = tz.Resolve("Chicgo")
	fmt.Println(errors.Is(err, tz.ErrUnknownZone))
	fmt.Println(err)
	// Output:
	// true
	// tz: ambiguous abbreviation "IST": India (+05:30, Asia/Kolkata), Ireland summer (+01:00, Europe/Dublin), Israel (+02:00, Asia/Jerusalem); write the offset or an IANA zone
	// true
	// tz: "Chicgo": unknown zone (did you mean "America/Chicago"?); write an IANA zone such as "America/New_York", a city such as "Chicago", or an offset such as "+05:30"
}

func ExampleCandidates() {
	for _, c := range tz.Candidates("cst") {
		fmt.Println(c.Abbrev, c.Zone, tz.FormatOffset(c.Offset, true), c.DST)
	}
	// The summer half of Ireland's pair, although the tz database gives
	// Europe/Dublin a negative DST in winter.
	ist := tz.Candidates("IST")[1]
	jul := time.Date(2024, 7, 1, 12, 0, 0, 0, time.UTC)
	jan := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	fmt.Println(ist.Zone, ist.DST, ist.InEffect(jul), ist.InEffect(jan))
	// Output:
	// CST America/Chicago -06:00 false
	// CST Asia/Shanghai +08:00 false
	// CST America/Havana -05:00 false
	// Europe/Dublin true true false
}

func ExampleWall() {
	ny, _ := tz.Load("America/New_York")
	// 02:30 on 2024-03-10 never happened in New York; 01:30 on 2024-11-03 happened twice.
	_, c, err := tz.Wall(tz.Date{Year: 2024, Month: 3, Day: 10}, 2, 30, 0, ny, tz.Reject)
	fmt.Println(c, err)
	t, c, _ := tz.Wall(tz.Date{Year: 2024, Month: 3, Day: 10}, 2, 30, 0, ny, tz.Compatible)
	fmt.Println(c, t.Format(time.RFC3339))
	_, c, err = tz.Wall(tz.Date{Year: 2024, Month: 11, Day: 3}, 1, 30, 0, ny, tz.Reject)
	fmt.Println(c, errors.Is(err, tz.ErrAmbiguousTime))
	for _, p := range []tz.Policy{tz.Earlier, tz.Later} {
		t, _, _ := tz.Wall(tz.Date{Year: 2024, Month: 11, Day: 3}, 1, 30, 0, ny, p)
		fmt.Println(p, t.Format(time.RFC3339), t.In(ny).Format("15:04 MST"))
	}
	// Output:
	// gap tz: "2024-03-10 02:30": 02:30 does not exist in America/New_York on 2024-03-10: clocks went from 02:00 EST to 03:00 EDT (07:00Z); write the offset or a time outside the gap
	// gap 2024-03-10T07:30:00Z
	// fold true
	// earlier 2024-11-03T05:30:00Z 01:30 EDT
	// later 2024-11-03T06:30:00Z 01:30 EST
}

func ExampleConvert() {
	saoPaulo, _ := tz.Load("America/Sao_Paulo")
	tokyo, _ := tz.Load("Asia/Tokyo")
	places := []tz.Place{{City: "São Paulo", Loc: saoPaulo}, {City: "UTC"}, {City: "Tokyo", Loc: tokyo}}
	start := time.Date(2024, 4, 28, 22, 30, 0, 0, time.UTC)
	for _, r := range tz.Convert(start, start.Add(time.Hour), saoPaulo, places) {
		fmt.Printf("%-9s %s–%s %-4s %+d\n", r.City, r.Start.Format("Mon 15:04"), r.End.Format("15:04"), r.Abbrev, r.DayShift)
	}
	// Output:
	// São Paulo Sun 19:30–20:30 -03  +0
	// UTC       Sun 22:30–23:30 UTC  +0
	// Tokyo     Mon 07:30–08:30 JST  +1
}

func ExampleFixedTimeURL() {
	fmt.Println(tz.FixedTimeURL(time.Date(2016, 7, 26, 14, 36, 0, 0, time.UTC)))
	// Output:
	// https://www.timeanddate.com/worldclock/fixedtime.html?iso=20160726T1436&p1=1440
}

func ExampleConvert_clockChange() {
	london, err := tz.Load("Europe/London")
	if err != nil {
		fmt.Println(err)
		return
	}
	places := []tz.Place{{City: "London", Loc: london}, {City: "UTC"}}
	at := time.Date(2024, 3, 31, 9, 0, 0, 0, time.UTC)
	for _, r := range tz.Convert(at, time.Time{}, nil, places) {
		fmt.Printf("%-6s %s %s, clocks changed %v\n", r.City, r.Start.Format("15:04"), r.Abbrev, !r.ClockChange.IsZero())
	}
	// Output:
	// London 10:00 BST, clocks changed true
	// UTC    09:00 UTC, clocks changed false
}

func ExampleCanonical() {
	fmt.Println(tz.Canonical("Asia/Calcutta"))
	fmt.Println(tz.Canonical("US/Pacific"))
	fmt.Println(tz.Canonical("Europe/Paris"))
	// Output:
	// Asia/Kolkata
	// America/Los_Angeles
	// Europe/Paris
}

func ExampleFormatOffset() {
	fmt.Println(tz.FormatOffset(19800, true), tz.FormatOffset(19800, false))
	fmt.Println(tz.FormatOffset(-4*3600, true), tz.FormatOffset(-4*3600, false))
	fmt.Println(tz.Fixed(-4 * 3600))
	// Output:
	// +05:30 +0530
	// -04:00 -04
	// -04
}

func ExampleFormatDayShift() {
	for _, n := range []int{-1, 0, 1, 2} {
		fmt.Printf("%q\n", tz.FormatDayShift(n))
	}
	// Output:
	// "-1 day"
	// ""
	// "+1 day"
	// "+2 days"
}

func ExampleCandidate_InEffect() {
	// "PST" names US Pacific time, but in July its clocks show PDT.
	pst := tz.Candidates("PST")[0]
	fmt.Println(pst.Zone, pst.InEffect(time.Date(2024, 1, 15, 12, 0, 0, 0, time.UTC)), pst.InEffect(time.Date(2024, 7, 15, 12, 0, 0, 0, time.UTC)))
	// Output:
	// America/Los_Angeles true false
}

func ExampleDate_AddDays() {
	d := tz.Date{Year: 2024, Month: time.February, Day: 28}
	fmt.Println(d.AddDays(1), d.AddDays(2), d.AddDays(2).Weekday())
	// Output:
	// 2024-02-29 2024-03-01 Friday
}
