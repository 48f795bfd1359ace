package timeline

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseLevel checks that the one level parser accepts every spelling that either of the
// two parsers it replaced accepted (package incident's, which folded case, spaces and hyphens
// and knew "up", and this package's, which folded case only), and no other.
func TestParseLevel(t *testing.T) {
	tests := []struct {
		in   string
		want Level
	}{
		// Statuspage names and short forms, as both parsers took them.
		{"operational", Operational}, {"ok", Operational}, {"OK", Operational},
		{"degraded_performance", Degraded}, {"Degraded", Degraded}, {"degraded", Degraded},
		{"partial_outage", Partial}, {"PARTIAL", Partial}, {"partial", Partial},
		{"major_outage", Major}, {"major", Major}, {"MAJOR_OUTAGE", Major},
		{"under_maintenance", Maintenance}, {"maintenance", Maintenance}, {"Maintenance", Maintenance},
		// What only package incident's parser took.
		{"up", Operational}, {"Up", Operational}, {" ok", Operational}, {"ok\t", Operational},
		{"Major Outage", Major}, {"major-outage", Major}, {" major ", Major}, {"major outage", Major},
		{"Degraded Performance", Degraded}, {"degraded-performance", Degraded},
		{"Partial Outage", Partial}, {"partial-outage", Partial},
		{"Under Maintenance", Maintenance}, {"under-maintenance", Maintenance},
		// Runs of separators fold to one.
		{"major  outage", Major}, {"major - outage", Major}, {"major__outage", Major},
	}
	for _, tt := range tests {
		got, err := ParseLevel(tt.in)
		require.NoError(t, err, "ParseLevel(%q)", tt.in)
		assert.Equal(t, tt.want, got, "ParseLevel(%q)", tt.in)
		var u Level
		require.NoError(t, u.UnmarshalText([]byte(tt.in)), "UnmarshalText(%q)", tt.in)
		assert.Equal(t, tt.want, u, "UnmarshalText(%q)", tt.in)
	}
	for _, bad := range []string{"", " ", "unknown", "down", "majoroutage", "major!", "major outage!", strings.Repeat("x", 100), strings.Repeat("é", 30)} {
		_, err := ParseLevel(bad)
		require.Error(t, err, "ParseLevel(%q)", bad)
		assert.True(t, errors.Is(err, ErrInvalid), "ParseLevel(%q) error %v is ErrInvalid", bad, err)
		var pe *ParseError
		require.True(t, errors.As(err, &pe))
		assert.Equal(t, "state", pe.What)
		assert.Contains(t, err.Error(), "major_outage", "the error lists the names")
		assert.Less(t, len(err.Error()), 300, "a long input is shortened")
		assert.True(t, utf8.ValidString(err.Error()), "%q", err.Error())
	}
	assert.Equal(t, "unknown", LevelUnknown.String(), "the unknown level prints as everywhere else")
	_, err := LevelUnknown.MarshalText()
	assert.ErrorIs(t, err, ErrInvalid)
}

func TestParseEventKind(t *testing.T) {
	for k := Started; k <= Note; k++ {
		got, err := ParseEventKind(strings.ToUpper(k.String()))
		require.NoError(t, err)
		assert.Equal(t, k, got)
	}
	for _, s := range []string{"Detected", " detected ", "DETECTED", "detected\n"} {
		got, err := ParseEventKind(s)
		require.NoError(t, err, "ParseEventKind(%q)", s)
		assert.Equal(t, Detected, got)
	}
	_, err := ParseEventKind("fixed")
	assert.ErrorIs(t, err, ErrInvalid)
	assert.EqualError(t, err, `timeline: unknown event kind "fixed": want one of started, detected, acknowledged, escalated, identified, mitigated, resolved, deploy, action, update, note`)
}

func TestParseUnit(t *testing.T) {
	tests := []struct {
		in   string
		want Unit
	}{{"day", Day}, {"Week", Week}, {"MONTH", Month}, {"quarter", Quarter}, {"year", Year}}
	for _, tt := range tests {
		got, err := ParseUnit(tt.in)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "ParseUnit(%q)", tt.in)
	}
	for _, bad := range []string{"", "days", "fortnight", "unknown"} {
		_, err := ParseUnit(bad)
		assert.ErrorIs(t, err, ErrInvalid, "ParseUnit(%q)", bad)
	}
}

func TestTextRoundTrip(t *testing.T) {
	for l := Operational; l <= Maintenance; l++ {
		b, err := l.MarshalText()
		require.NoError(t, err)
		var got Level
		require.NoError(t, got.UnmarshalText(b))
		assert.Equal(t, l, got)
	}
	for u := Day; u <= Year; u++ {
		b, err := u.MarshalText()
		require.NoError(t, err)
		var got Unit
		require.NoError(t, got.UnmarshalText(b))
		assert.Equal(t, u, got)
	}
	for p := MaintenanceIgnore; p <= MaintenanceExclude; p++ {
		b, err := p.MarshalText()
		require.NoError(t, err)
		got := MaintenancePolicy(7)
		require.NoError(t, got.UnmarshalText(b))
		assert.Equal(t, p, got)
	}
}

func TestTextInvalid(t *testing.T) {
	_, err := LevelUnknown.MarshalText()
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = Level(99).MarshalText()
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = EventUnknown.MarshalText()
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = UnitUnknown.MarshalText()
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = MaintenancePolicy(-1).MarshalText()
	assert.ErrorIs(t, err, ErrInvalid)

	l := Major
	assert.ErrorIs(t, l.UnmarshalText([]byte("sideways")), ErrInvalid)
	assert.Equal(t, Major, l, "a failed UnmarshalText leaves the value")
	p := MaintenanceUp
	err = p.UnmarshalText([]byte("skip"))
	assert.EqualError(t, err, `timeline: unknown maintenance policy "skip": want one of ignore, up, exclude`)
	assert.Equal(t, MaintenanceUp, p)

	assert.Equal(t, "unknown", LevelUnknown.String())
	assert.Equal(t, "Level(99)", Level(99).String())
	assert.Equal(t, "EventKind(-3)", EventKind(-3).String())
	assert.Equal(t, "Unit(6)", Unit(6).String())
	assert.Equal(t, "unknown", UnitUnknown.String())
	assert.Equal(t, "MaintenancePolicy(3)", MaintenancePolicy(3).String())
	assert.Equal(t, "ignore", MaintenancePolicy(0).String())
}

// fuzzSeeds are the seeds of the parser fuzz targets: every name, and some near misses.
func fuzzSeeds(f *testing.F) {
	for _, list := range [][]string{levelNames, levelShort, kindNames, unitNames, policyNames} {
		for _, s := range list {
			f.Add(s)
		}
	}
	for _, s := range []string{"MAJOR_OUTAGE", "ok ", "\xff", "ǅ", "major\x00", strings.Repeat("é", 50)} {
		f.Add(s)
	}
}

// checkParse checks what every parser promises: a value and no error, or the zero value and
// an error matching ErrInvalid; a value found prints back to a name that parses to it.
func checkParse[T interface {
	comparable
	MarshalText() ([]byte, error)
}](t *testing.T, s string, v T, err error, parse func(string) (T, error)) {
	var zero T
	if err != nil {
		if !errors.Is(err, ErrInvalid) || v != zero {
			t.Fatalf("parse(%q) = %v, %v; want zero value and ErrInvalid", s, v, err)
		}
		_ = err.Error()
		return
	}
	b, err := v.MarshalText()
	if err != nil {
		t.Fatalf("parse(%q) = %v, whose MarshalText fails: %v", s, v, err)
	}
	if !strings.EqualFold(string(b), s) && len(s) > 0 {
		v2, err := parse(string(b))
		if err != nil || v2 != v {
			t.Fatalf("parse(%q) = %v, but its text %q parses to %v, %v", s, v, b, v2, err)
		}
	}
}

func FuzzParseLevel(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseLevel(s)
		checkParse(t, s, v, err, ParseLevel)
		var u Level
		if err2 := u.UnmarshalText([]byte(s)); (err2 == nil) != (err == nil) || u != v {
			t.Fatalf("UnmarshalText(%q) = %v, %v; ParseLevel = %v, %v", s, u, err2, v, err)
		}
	})
}

func FuzzParseEventKind(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseEventKind(s)
		checkParse(t, s, v, err, ParseEventKind)
		var u EventKind
		if err2 := u.UnmarshalText([]byte(s)); (err2 == nil) != (err == nil) || u != v {
			t.Fatalf("UnmarshalText(%q) = %v, %v; ParseEventKind = %v, %v", s, u, err2, v, err)
		}
	})
}

func FuzzParseUnit(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseUnit(s)
		checkParse(t, s, v, err, ParseUnit)
		var u Unit
		if err2 := u.UnmarshalText([]byte(s)); (err2 == nil) != (err == nil) || u != v {
			t.Fatalf("UnmarshalText(%q) = %v, %v; ParseUnit = %v, %v", s, u, err2, v, err)
		}
	})
}

func FuzzMaintenancePolicyUnmarshalText(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		p := MaintenancePolicy(-5)
		err := p.UnmarshalText([]byte(s))
		if err != nil {
			if !errors.Is(err, ErrInvalid) || p != -5 {
				t.Fatalf("UnmarshalText(%q) = %v, %v; want unchanged and ErrInvalid", s, p, err)
			}
			_ = err.Error()
			return
		}
		b, err := p.MarshalText()
		if err != nil || !strings.EqualFold(string(b), s) {
			t.Fatalf("UnmarshalText(%q) = %v, whose text is %q, %v", s, p, b, err)
		}
	})
}

// FuzzFold checks that fold's shortcut for a name written folded gives what folding it a rune
// at a time gives.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"major_outage", "_a", "a_", "a__b", "Major Outage", "won't_do", "p1", "a-b", "é", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.TrimSpace(s)
		if len(s) > 64 {
			return
		}
		if got, want := fold(s), foldRunes(s); got != want {
			t.Fatalf("fold(%q) = %q, a rune at a time %q", s, got, want)
		}
	})
}
