package tz_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/go-postmortem/postmortem/tz"
)

// seedPhrases returns, when the seed posts are at hand (../../shared/seeds;
// they are not part of the module), their sentences that mention a time and
// the text from that time on: the raw material people paste into Parse.
func seedPhrases(tb testing.TB) []string {
	files, _ := filepath.Glob("../../shared/seeds/*.txt")
	timeRE := regexp.MustCompile(`(?i)\b\d{1,2}(:\d\d)?\s*(am|pm|hours|utc)\b|\d{1,2}/\d{1,2}|\b\d\d:\d\d\b`)
	var out []string
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		for _, s := range regexp.MustCompile(`[.!?]\s|\n`).Split(string(data), -1) {
			loc := timeRE.FindStringIndex(s)
			if loc == nil {
				continue
			}
			tail := s[loc[0]:min(len(s), loc[1]+80)]
			if len(s) > 200 {
				s = s[max(0, loc[0]-60):min(len(s), loc[1]+80)]
			}
			out = append(out, strings.TrimSpace(s), strings.TrimSpace(tail))
		}
	}
	return out
}

var sentinels = []error{
	tz.ErrSyntax, tz.ErrMismatch, tz.ErrWeekday, tz.ErrBackwards, tz.ErrDSTMismatch, tz.ErrNoDate,
	tz.ErrInvalidDate, tz.ErrNonexistentTime, tz.ErrAmbiguousTime, tz.ErrUnknownZone, tz.ErrAmbiguous,
}

// FuzzParse checks that Parse never panics, that its errors are *Error
// matching a sentinel with an offset inside the input, and that what it
// reads is consistent: End is zero or not before Start, Start and End are
// UTC, Date is Start's date in Location, and warnings are non-nil.
func FuzzParse(f *testing.F) {
	for _, c := range parseCases(f) {
		f.Add(c.in, uint8(0))
	}
	for _, s := range readParseLines(f) {
		f.Add(s, uint8(1))
	}
	for _, s := range seedPhrases(f) {
		f.Add(s, uint8(2))
	}
	ny := mustLoad(f, "America/New_York")
	chicago := mustLoad(f, "America/Chicago")
	contexts := []tz.Context{
		{},
		{Date: tz.Date{Year: 2016, Month: time.July, Day: 26}, Location: ny},
		{Date: tz.Date{Year: 2014, Month: time.February, Day: 5}, After: time.Date(2014, 2, 5, 21, 0, 0, 0, time.UTC)},
		{Date: tz.Date{Year: 2016, Month: time.November, Day: 6}, Location: ny, Strict: true, Policy: tz.Later},
		{After: time.Date(2013, 9, 1, 0, 0, 0, 0, time.UTC), Location: chicago, Policy: tz.Compatible},
		{Date: tz.Date{Year: 2013}, After: time.Date(1, 1, 1, 10, 0, 0, 0, time.UTC)},
	}
	f.Fuzz(func(t *testing.T, s string, which uint8) {
		ctx := contexts[int(which)%len(contexts)]
		e, err := tz.Parse(s, ctx)
		if err != nil {
			var te *tz.Error
			if !errors.As(err, &te) {
				t.Fatalf("Parse(%q) = %T %v, want *tz.Error", s, err, err)
			}
			if te.Input != s || te.Offset < 0 || te.Offset > len(s) {
				t.Fatalf("Parse(%q): error %q has input %q offset %d", s, err, te.Input, te.Offset)
			}
			if te.Msg == "" {
				t.Fatalf("Parse(%q): error without a message", s)
			}
			matched := false
			for _, sen := range sentinels {
				matched = matched || errors.Is(err, sen)
			}
			if !matched {
				t.Fatalf("Parse(%q) = %v, which matches no sentinel", s, err)
			}
			return
		}
		if !e.End.IsZero() && e.End.Before(e.Start) {
			t.Fatalf("Parse(%q): End %v before Start %v", s, e.End, e.Start)
		}
		if e.Start.Location() != time.UTC || !e.End.IsZero() && e.End.Location() != time.UTC {
			t.Fatalf("Parse(%q): Start %v, End %v not in UTC", s, e.Start, e.End)
		}
		if e.Location == nil {
			t.Fatalf("Parse(%q): nil Location", s)
		}
		if e.Dated != !e.Date.IsZero() {
			t.Fatalf("Parse(%q): Dated %v but Date %v", s, e.Dated, e.Date)
		}
		if e.Dated && e.Date != tz.DateOf(e.Start.In(e.Location)) {
			t.Fatalf("Parse(%q): Date %v, but Start %v is %v in %v", s, e.Date, e.Start, tz.DateOf(e.Start.In(e.Location)), e.Location)
		}
		for _, at := range []time.Time{e.Start, e.End} {
			if e.Dated && !at.IsZero() && (at.Year() < 1 || at.Year() > 9999) {
				t.Fatalf("Parse(%q) = %v, outside the years RFC 3339 writes", s, at)
			}
		}
		if !e.Dated && e.Start.Year() != 1 {
			t.Fatalf("Parse(%q): undated Start %v not on 0001-01-01", s, e.Start)
		}
		if e.HasDate && !e.Dated {
			t.Fatalf("Parse(%q): HasDate but not Dated", s)
		}
		if e.Zone != "" && !strings.Contains(s, e.Zone) {
			t.Fatalf("Parse(%q): Zone %q not as written", s, e.Zone)
		}
		for i, w := range e.Warnings {
			if w == nil {
				t.Fatalf("Parse(%q): warning %d is nil", s, i)
			}
			if w.Input != s || w.Offset < 0 || w.Offset > len(s) || !errors.Is(w, tz.ErrDSTMismatch) && !errors.Is(w, tz.ErrYearFromWeekday) {
				t.Fatalf("Parse(%q): bad warning %#v", s, w)
			}
		}
		for _, w := range e.Warnings {
			if ctx.Strict && errors.Is(w, tz.ErrDSTMismatch) {
				t.Fatalf("Parse(%q): Strict yet warning %v", s, w)
			}
		}
		// A leading space changes nothing, and takes RFC 3339 off its fast path.
		if len(s) < 500 {
			e2, err := tz.Parse(" "+s, ctx)
			if err != nil {
				t.Fatalf("Parse(%q) = %v, but without the space it parses", " "+s, err)
			}
			if !e2.Start.Equal(e.Start) || !e2.End.Equal(e.End) || e2.Dated != e.Dated || e2.HasDate != e.HasDate ||
				e2.Date != e.Date || e2.Zone != e.Zone || e2.Location.String() != e.Location.String() ||
				e2.Approx != e.Approx || len(e2.Warnings) != len(e.Warnings) {
				t.Fatalf("Parse(%q) = %+v, but Parse(%q) = %+v", s, e, " "+s, e2)
			}
		}
	})
}

// FuzzParseWindow checks that ParseWindow never panics, that its errors are
// *Error about one of its two inputs, and that a window it reads is one: End
// not before Start, both in UTC.
func FuzzParseWindow(f *testing.F) {
	for _, c := range [][2]string{{"2016-07-26 10:50", "12:38"}, {"22:00 EDT", "01:00"}, {"9pm EDT", "02:00 UTC"},
		{"2016-07-27 10:00", "2016-07-26 11:00"}, {"10:00 – 11:00", "12:00"}, {"around 10:00", "11:00 (approx.)"},
		{"2013-03-10 01:30", "02:30"}, {"9999-12-31 18:00 EST", "23:30"}, {"", ""}} {
		f.Add(c[0], c[1], uint8(0))
		f.Add(c[0], c[1], uint8(1))
	}
	ny := mustLoad(f, "America/New_York")
	contexts := []tz.Context{
		{},
		{Date: tz.Date{Year: 2016, Month: time.July, Day: 26}, Location: ny},
		{Date: tz.Date{Year: 2013}, Location: ny, Policy: tz.Compatible},
	}
	f.Fuzz(func(t *testing.T, start, end string, which uint8) {
		ctx := contexts[int(which)%len(contexts)]
		x, err := tz.ParseWindow(start, end, ctx)
		if err != nil {
			var te *tz.Error
			if !errors.As(err, &te) {
				t.Fatalf("ParseWindow(%q, %q) = %T %v, want *tz.Error", start, end, err, err)
			}
			if te.Input != start && te.Input != end {
				t.Fatalf("ParseWindow(%q, %q): error %q about neither input", start, end, err)
			}
			return
		}
		if x.End.IsZero() && !x.Start.IsZero() || x.End.Before(x.Start) {
			t.Fatalf("ParseWindow(%q, %q) = [%v, %v), not a window", start, end, x.Start, x.End)
		}
		if x.Start.Location() != time.UTC || x.End.Location() != time.UTC {
			t.Fatalf("ParseWindow(%q, %q): Start %v, End %v not in UTC", start, end, x.Start, x.End)
		}
	})
}
