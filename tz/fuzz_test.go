package tz

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func FuzzResolve(f *testing.F) {
	for _, s := range []string{"America/New_York", "asia/calcutta", "UTC", "Z", "+05:30", "-0400", "UTC-4", "GMT+1",
		"Etc/GMT+5", "ET", "US Pacific time", "Eastern Time (US)", "São Paulo", "new york", "EDT", "IST", "CST",
		"Mars/Olympus", "Chicgo", "+25", "UTC+5:75", "../etc", "\xff", "", "   ", "GMT−3", "ChST"} {
		f.Add(s)
	}
	for _, a := range abbrevTable {
		f.Add(a.abbr)
		f.Add(a.zone)
	}
	f.Fuzz(func(t *testing.T, s string) {
		loc, err := Resolve(s)
		if err != nil {
			if loc != nil {
				t.Fatalf("Resolve(%q) = %v and error %v", s, loc, err)
			}
			if !errors.Is(err, ErrUnknownZone) && !errors.Is(err, ErrAmbiguous) {
				t.Fatalf("Resolve(%q): error %v matches no sentinel", s, err)
			}
			if !strings.HasPrefix(err.Error(), "tz: ") {
				t.Fatalf("Resolve(%q): error %q does not say where it comes from", s, err)
			}
			var ae *AmbiguousError
			if errors.As(err, &ae) && len(ae.Candidates) < 2 {
				t.Fatalf("Resolve(%q): ambiguous with %d readings", s, len(ae.Candidates))
			}
			return
		}
		if loc == nil {
			t.Fatalf("Resolve(%q) = nil, nil", s)
		}
		again, err := Resolve(s)
		if err != nil || again != loc {
			t.Fatalf("Resolve(%q) twice = %v, %v; want %v", s, again, err, loc)
		}
		_ = time.Date(2024, 1, 1, 0, 0, 0, 0, loc).String()
	})
}

func FuzzCandidates(f *testing.F) {
	for _, a := range abbrevTable {
		f.Add(a.abbr)
		f.Add(strings.ToLower(a.abbr))
	}
	f.Add("")
	f.Add("XYZT")
	f.Add("\x00\x00")
	f.Fuzz(func(t *testing.T, s string) {
		cs := Candidates(s)
		for _, c := range cs {
			if !strings.EqualFold(c.Abbrev, strings.TrimSpace(s)) {
				t.Fatalf("Candidates(%q) has %q", s, c.Abbrev)
			}
			if c.Zone == "" || c.Region == "" || c.Why == "" {
				t.Fatalf("Candidates(%q): incomplete %+v", s, c)
			}
			if c.Offset < -12*3600 || c.Offset > 14*3600 {
				t.Fatalf("Candidates(%q): offset %d", s, c.Offset)
			}
		}
		// Resolve agrees: an abbreviation with readings resolves or is ambiguous.
		if len(cs) > 0 && !strings.EqualFold(strings.TrimSpace(s), "UTC") && !strings.EqualFold(strings.TrimSpace(s), "GMT") {
			loc, err := Resolve(s)
			var ae *AmbiguousError
			switch {
			case err == nil:
				found := false
				for _, c := range cs {
					found = found || c.Zone == loc.String()
				}
				if !found {
					t.Fatalf("Resolve(%q) = %s, not among its readings", s, loc)
				}
			case errors.As(err, &ae):
				if len(ae.Candidates) != len(cs) {
					t.Fatalf("Resolve(%q) lists %d readings, Candidates %d", s, len(ae.Candidates), len(cs))
				}
			default:
				t.Fatalf("Resolve(%q): %v", s, err)
			}
		}
	})
}

var fuzzZones = []string{"", "America/New_York", "Europe/London", "Europe/Dublin", "Australia/Lord_Howe",
	"America/Santiago", "Pacific/Apia", "Asia/Kolkata", "Pacific/Kiritimati", "America/Sao_Paulo", "Africa/Casablanca",
	"Antarctica/Troll", "Asia/Tehran", "America/St_Johns"}

func FuzzWall(f *testing.F) {
	f.Add(2024, 3, 10, 2, 30, 0, uint8(1), uint8(0))
	f.Add(2024, 11, 3, 1, 30, 0, uint8(1), uint8(3))
	f.Add(2024, 10, 6, 2, 15, 0, uint8(4), uint8(2))
	f.Add(2011, 12, 30, 12, 0, 0, uint8(6), uint8(1))
	f.Add(2024, 2, 30, 12, 0, 0, uint8(1), uint8(0))
	f.Add(-5, 13, 0, 25, -1, 61, uint8(200), uint8(9))
	f.Add(9999, 12, 31, 23, 59, 59, uint8(3), uint8(3))
	// The zones are loaded here, once, so that the target spends its time in Wall.
	locs := make([]*time.Location, 0, len(fuzzZones))
	for _, name := range fuzzZones {
		loc, err := Load(name)
		if err != nil {
			f.Skip(err)
		}
		locs = append(locs, loc)
	}
	f.Fuzz(func(t *testing.T, y, m, d, hh, mm, ss int, zone, policy uint8) {
		loc := locs[int(zone)%len(locs)]
		date := Date{y, time.Month(m), d}
		var arg *time.Location // nil is UTC
		if loc != time.UTC {
			arg = loc
		}
		got, c, err := Wall(date, hh, mm, ss, arg, Policy(policy%5))
		if err != nil {
			if !got.IsZero() {
				t.Fatalf("Wall: %v with instant %s", err, got)
			}
			if !errors.Is(err, ErrInvalidDate) && !errors.Is(err, ErrNonexistentTime) && !errors.Is(err, ErrAmbiguousTime) {
				t.Fatalf("Wall: error %v matches no sentinel", err)
			}
			if errors.Is(err, ErrInvalidDate) == date.Valid() && hh >= 0 && hh < 24 && mm >= 0 && mm < 60 && ss >= 0 && ss < 60 {
				t.Fatalf("Wall(%s): %v", date, err)
			}
			return
		}
		if got.Location() != time.UTC {
			t.Fatalf("Wall = %s, not in UTC", got)
		}
		want := time.Date(y, time.Month(m), d, hh, mm, ss, 0, time.UTC).Format("2006-01-02 15:04:05")
		shown := got.In(loc).Format("2006-01-02 15:04:05")
		switch c {
		case Unique, Fold:
			if shown != want {
				t.Fatalf("Wall(%s, %s) = %s, which shows %s", want, loc, got, shown)
			}
		case Gap:
			if shown == want {
				t.Fatalf("Wall(%s, %s) = %s is in a gap but shows the wall clock", want, loc, got)
			}
		default:
			t.Fatalf("Wall: case %v without error", c)
		}
	})
}
