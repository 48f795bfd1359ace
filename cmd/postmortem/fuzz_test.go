package main

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParseBound checks that --since/--until values never panic, that errors are one
// line, and that results are UTC instants that read back the same in RFC 3339.
func FuzzParseBound(f *testing.F) {
	for _, s := range []string{"2016", "2016-Q3", "2016-07", "2016-07-26", "2016-07-26T14:50:00Z",
		"2016-07-26 10:50", "2016-07-26 10:50 EDT", "2016-03-13 02:30", "9999-12-31", "0001-01-01",
		"2016-13", "2016-Q0", "-", "2016--", "2016-07-26 10:50 Mars/Olympus", "10:50", ""} {
		f.Add(s, "America/New_York")
		f.Add(s, "UTC")
	}
	f.Add("2024-03-31", "Europe/London")
	f.Add("0001", "Asia/Tokyo")
	f.Add("0000-12-31T14:41:01Z", "Asia/Tokyo")
	f.Fuzz(func(t *testing.T, s, zone string) {
		loc, err := time.LoadLocation(zone)
		if err != nil || zone == "" || zone == "Local" {
			loc = time.UTC
		}
		got, err := parseBound(s, loc)
		if err != nil {
			if strings.ContainsAny(err.Error(), "\n\r") && utf8.ValidString(s) && !strings.ContainsAny(s, "\n\r") {
				t.Errorf("parseBound(%q) error is not one line: %q", s, err)
			}
			return
		}
		if got.Location() != time.UTC {
			t.Errorf("parseBound(%q) = %v, not UTC", s, got)
		}
		if got.Year() < 1 {
			return // before 0001-01-01 UTC (0001 in a zone east of UTC): RFC 3339 cannot say it
		}
		back, err := parseBound(got.Format(time.RFC3339Nano), loc)
		if err != nil || !back.Equal(got) {
			t.Errorf("parseBound(%q) = %v; reading it back gives %v, %v", s, got, back, err)
		}
	})
}

// FuzzConvert runs the convert command line on arbitrary TIME text: it must never
// panic, and must fail with exit status 1 or 2 and one line of error, or succeed.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{"2013-09-24 22:00 EDT", "Sunday, April 28th, between 9am – 12pm EDT",
		"2016-07-26 10:50", "10pm PST", "noon", "2013-03-10 02:30 America/New_York", "~", "–", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, errOut, code := runArgs("", "convert", "--year", "2013", "--to", "Tokyo,UTC", "--format", "json", "--", s)
		switch code {
		case 0:
			if !strings.HasPrefix(out, "{") {
				t.Errorf("convert %q: exit 0 without JSON: %q", s, out)
			}
		case 1, 2:
			if out != "" {
				t.Errorf("convert %q failed but wrote %q", s, out)
			}
			if n := strings.Count(strings.TrimSuffix(errOut, "\n"), "\n"); n > 0 && !strings.Contains(errOut, "warning") {
				t.Errorf("convert %q: error is %d lines: %q", s, n+1, errOut)
			}
		default:
			t.Errorf("convert %q: exit status %d", s, code)
		}
	})
}

// FuzzFlagMessage checks that rewriting the flag package's messages never panics and
// keeps them on one line.
func FuzzFlagMessage(f *testing.F) {
	for _, s := range []string{"flag provided but not defined: -colour", "flag needs an argument: -since",
		`invalid value "abc" for flag -year: parse error`, `invalid boolean value "maybe" for -fragment: parse error`,
		`invalid value "pdf" for flag -format: "pdf" is not one of markdown, html`, "invalid  for : ", "invalid for"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := flagMessage(s)
		if !strings.ContainsAny(s, "\n\r") && strings.ContainsAny(got, "\n\r") {
			t.Errorf("flagMessage(%q) = %q, not one line", s, got)
		}
	})
}
