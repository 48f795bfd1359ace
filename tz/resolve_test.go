package tz

import (
	"errors"
	"testing"
	"time"
	_ "time/tzdata" // the same zones on every host

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestResolve(t *testing.T) {
	tests := []struct {
		in   string
		want string // location name
	}{
		{"America/New_York", "America/New_York"},
		{"america/new_york", "America/New_York"},
		{"AMERICA/NEW_YORK", "America/New_York"},
		{"America/New York", "America/New_York"},
		{"Asia/Calcutta", "Asia/Kolkata"},
		{"US/Pacific", "America/Los_Angeles"},
		{"Etc/GMT+5", "Etc/GMT+5"},
		{"UTC", "UTC"},
		{"utc", "UTC"},
		{"GMT", "UTC"},
		{"Z", "UTC"},
		{"Etc/UTC", "UTC"},
		{"+05:30", "+0530"},
		{"-0400", "-04"},
		{"-04", "-04"},
		{"+5", "+05"},
		{"UTC-4", "-04"},
		{"UTC+05:45", "+0545"},
		{"UTC +5:30", "+0530"},
		{"GMT+1", "+01"},
		{"utc−3", "-03"},
		{"UTC+0", "UTC"},
		{"ET", "America/New_York"},
		{"CT", "America/Chicago"},
		{"MT", "America/Denver"},
		{"PT", "America/Los_Angeles"},
		{"Eastern", "America/New_York"},
		{"Central", "America/Chicago"},
		{"Mountain", "America/Denver"},
		{"Pacific", "America/Los_Angeles"},
		{"US Pacific time", "America/Los_Angeles"},
		{"Pacific Time", "America/Los_Angeles"},
		{"pacific time zone", "America/Los_Angeles"},
		{"Eastern Time (US)", "America/New_York"},
		{"Eastern Time (US & Canada)", "America/New_York"},
		{"Eastern Standard Time", "America/New_York"},
		{"Central European Time", "Europe/Berlin"},
		{"India Standard Time", "Asia/Kolkata"},
		{"Chicago", "America/Chicago"},
		{"chicago", "America/Chicago"},
		{"  Chicago  ", "America/Chicago"},
		{"Tokyo", "Asia/Tokyo"},
		{"Sao Paulo", "America/Sao_Paulo"},
		{"São Paulo", "America/Sao_Paulo"},
		{"SÃO PAULO", "America/Sao_Paulo"},
		{"Sao_Paulo", "America/Sao_Paulo"},
		{"New York", "America/New_York"},
		{"new_york", "America/New_York"},
		{"Los Angeles", "America/Los_Angeles"},
		{"Buenos Aires", "America/Argentina/Buenos_Aires"},
		{"Port-au-Prince", "America/Port-au-Prince"},
		{"port au prince", "America/Port-au-Prince"},
		{"St. Johns", "America/St_Johns"},
		{"Kiev", "Europe/Kyiv"},
		{"Bengaluru", "Asia/Kolkata"},
		{"San Francisco", "America/Los_Angeles"},
		{"Japan", "Asia/Tokyo"},
		{"Singapore", "Asia/Singapore"},
		{"EDT", "America/New_York"},
		{"edt", "America/New_York"},
		{"EST", "America/New_York"},
		{"PST", "America/Los_Angeles"}, // Philippine PST is a minor reading
		{"PDT", "America/Los_Angeles"},
		{"MST", "America/Denver"},
		{"AKDT", "America/Anchorage"},
		{"CEST", "Europe/Berlin"},
		{"JST", "Asia/Tokyo"},
		{"AEDT", "Australia/Sydney"},
		{"ChST", "Pacific/Guam"},
		{"NZDT", "Pacific/Auckland"},
		{"(UTC-05:00) Eastern Time (US & Canada)", "America/New_York"},
		{"(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi", "+0530"},
		{"Saskatchewan", "America/Regina"},
		{"Vancouver", "America/Vancouver"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			loc, err := Resolve(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, loc.String(), "Resolve(%q)", tt.in)
		})
	}
}

func TestResolveOffsetSign(t *testing.T) {
	at := time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"GMT+1", 3600},           // people mean east of UTC
		{"UTC-4", -4 * 3600},      //
		{"Etc/GMT+5", -5 * 3600},  // the tz database's POSIX-style name keeps its meaning
		{"Etc/GMT-14", 14 * 3600}, //
		{"+05:30", 5*3600 + 1800},
		{"-0930", -(9*3600 + 1800)},
	} {
		loc, err := Resolve(tt.in)
		require.NoError(t, err, tt.in)
		_, off := at.In(loc).Zone()
		assert.Equal(t, tt.want, off, "offset of Resolve(%q)", tt.in)
	}
}

func TestResolveErrors(t *testing.T) {
	for _, tt := range []struct {
		in      string
		is      error
		contain string
	}{
		{"", ErrUnknownZone, "empty zone"},
		{"Mars/Olympus", ErrUnknownZone, `tz: "Mars/Olympus": unknown zone`},
		{"Chicgo", ErrUnknownZone, `did you mean "America/Chicago"?`},
		{"Narnia", ErrUnknownZone, `an offset such as "+05:30"`},
		{"Pacfic Time", ErrUnknownZone, `did you mean "America/Los_Angeles"?`},
		{"(UTC", ErrUnknownZone, "unknown zone"},
		{"(UTC+99:00) Nowhere", ErrUnknownZone, "out of range"},
		{"+25", ErrUnknownZone, "out of range"},
		{"+05:3", ErrUnknownZone, "invalid offset"},
		{"UTC+5:75", ErrUnknownZone, "invalid offset"},
		{"../../etc/passwd", ErrUnknownZone, "unknown zone"},
		{"Local", ErrUnknownZone, "unknown zone"},
		{"IST", ErrAmbiguous, `tz: ambiguous abbreviation "IST": India (+05:30, Asia/Kolkata), Ireland summer (+01:00, Europe/Dublin), Israel (+02:00, Asia/Jerusalem); write the offset or an IANA zone`},
		{"ist", ErrAmbiguous, `"IST"`},
		{"CST", ErrAmbiguous, "US Central (-06:00, America/Chicago), China (+08:00, Asia/Shanghai), Cuba (-05:00, America/Havana)"},
		{"BST", ErrAmbiguous, "UK summer (+01:00, Europe/London), Bangladesh (+06:00, Asia/Dhaka)"},
		{"AST", ErrAmbiguous, "Atlantic (-04:00, America/Halifax), Arabia (+03:00, Asia/Riyadh)"},
	} {
		t.Run(tt.in, func(t *testing.T) {
			loc, err := Resolve(tt.in)
			require.Error(t, err)
			assert.Nil(t, loc)
			assert.ErrorIs(t, err, tt.is)
			assert.Contains(t, err.Error(), tt.contain)
			if tt.is == ErrAmbiguous {
				var ae *AmbiguousError
				require.True(t, errors.As(err, &ae))
				assert.NotEmpty(t, ae.Candidates)
			} else {
				var te *Error
				require.True(t, errors.As(err, &te))
				assert.Equal(t, tt.in, te.Input)
			}
		})
	}
}

func TestResolveCachedNoAlloc(t *testing.T) {
	_, err := Resolve("US Pacific time")
	require.NoError(t, err)
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := Resolve("US Pacific time"); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs, "allocations of a cached Resolve")
}

func TestCanonical(t *testing.T) {
	assert.Equal(t, "Asia/Kolkata", Canonical("Asia/Calcutta"))
	assert.Equal(t, "America/Los_Angeles", Canonical("US/Pacific"))
	assert.Equal(t, "Europe/Paris", Canonical("Europe/Paris"))
	assert.Equal(t, "Nowhere", Canonical("Nowhere"))
}

func BenchmarkResolve(b *testing.B) {
	for _, name := range []string{"America/New_York", "US Pacific time", "São Paulo", "+05:30"} {
		b.Run("name="+name, func(b *testing.B) {
			if _, err := Resolve(name); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Resolve(name); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestResolveConcurrent(t *testing.T) {
	names := []string{"Chicago", "EDT", "+05:30", "US Pacific time", "Asia/Calcutta", "IST", "Narnia"}
	done := make(chan bool)
	for i := range 8 {
		go func() {
			defer func() { done <- true }()
			for j := range 200 {
				name := names[(i+j)%len(names)]
				loc, err := Resolve(name)
				if (err == nil) == (loc == nil) {
					t.Errorf("Resolve(%q) = %v, %v", name, loc, err)
				}
			}
		}()
	}
	for range 8 {
		<-done
	}
}
