package tz

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := Load(name)
	require.NoError(t, err, name)
	return loc
}

func utc(s string) time.Time {
	t, err := time.Parse("2006-01-02T15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestWall(t *testing.T) {
	type want struct {
		t   string // UTC "2006-01-02T15:04", "" for an error
		err error
	}
	tests := []struct {
		name  string
		zone  string
		d     Date
		hh    int
		mm    int
		c     Case
		byPol map[Policy]want
	}{
		{"new york unique", "America/New_York", Date{2024, 7, 1}, 9, 0, Unique, map[Policy]want{
			Reject: {"2024-07-01T13:00", nil}, Earlier: {"2024-07-01T13:00", nil}, Later: {"2024-07-01T13:00", nil}, Compatible: {"2024-07-01T13:00", nil}}},
		{"new york gap", "America/New_York", Date{2024, 3, 10}, 2, 30, Gap, map[Policy]want{
			Reject: {"", ErrNonexistentTime}, Earlier: {"2024-03-10T06:30", nil}, Later: {"2024-03-10T07:30", nil}, Compatible: {"2024-03-10T07:30", nil}}},
		{"new york fold", "America/New_York", Date{2024, 11, 3}, 1, 30, Fold, map[Policy]want{
			Reject: {"", ErrAmbiguousTime}, Earlier: {"2024-11-03T05:30", nil}, Later: {"2024-11-03T06:30", nil}, Compatible: {"2024-11-03T05:30", nil}}},
		{"london fold", "Europe/London", Date{2024, 10, 27}, 1, 30, Fold, map[Policy]want{
			Reject: {"", ErrAmbiguousTime}, Earlier: {"2024-10-27T00:30", nil}, Later: {"2024-10-27T01:30", nil}, Compatible: {"2024-10-27T00:30", nil}}},
		{"lord howe 30-minute gap", "Australia/Lord_Howe", Date{2024, 10, 6}, 2, 15, Gap, map[Policy]want{
			Reject: {"", ErrNonexistentTime}, Earlier: {"2024-10-05T15:15", nil}, Later: {"2024-10-05T15:45", nil}, Compatible: {"2024-10-05T15:45", nil}}},
		{"santiago midnight gap", "America/Santiago", Date{2024, 9, 8}, 0, 0, Gap, map[Policy]want{
			Reject: {"", ErrNonexistentTime}, Earlier: {"2024-09-08T03:00", nil}, Later: {"2024-09-08T04:00", nil}, Compatible: {"2024-09-08T04:00", nil}}},
		{"apia skipped day", "Pacific/Apia", Date{2011, 12, 30}, 12, 0, Gap, map[Policy]want{
			Reject: {"", ErrNonexistentTime}, Compatible: {"2011-12-30T22:00", nil}}},
		{"apia skipped day midnight", "Pacific/Apia", Date{2011, 12, 30}, 0, 0, Gap, map[Policy]want{
			Reject: {"", ErrNonexistentTime}}},
		{"apia skipped day end", "Pacific/Apia", Date{2011, 12, 30}, 23, 59, Gap, map[Policy]want{
			Reject: {"", ErrNonexistentTime}}},
		{"apia day after", "Pacific/Apia", Date{2011, 12, 31}, 0, 0, Unique, map[Policy]want{
			Reject: {"2011-12-30T10:00", nil}}},
		{"santiago past the listed transitions, at a year end", "America/Santiago", Date{2040, 12, 30}, 22, 0, Unique, map[Policy]want{
			Reject: {"2040-12-31T01:00", nil}}},
		{"santiago 2041 gap", "America/Santiago", Date{2041, 9, 8}, 0, 30, Gap, map[Policy]want{
			Reject: {"", ErrNonexistentTime}, Compatible: {"2041-09-08T04:30", nil}}},
		{"dublin winter", "Europe/Dublin", Date{2024, 1, 15}, 12, 0, Unique, map[Policy]want{
			Reject: {"2024-01-15T12:00", nil}}},
		{"dublin summer", "Europe/Dublin", Date{2024, 7, 15}, 12, 0, Unique, map[Policy]want{
			Reject: {"2024-07-15T11:00", nil}}},
		{"dublin fold", "Europe/Dublin", Date{2024, 10, 27}, 1, 30, Fold, map[Policy]want{
			Reject: {"", ErrAmbiguousTime}, Earlier: {"2024-10-27T00:30", nil}, Later: {"2024-10-27T01:30", nil}}},
		{"sao paulo no dst", "America/Sao_Paulo", Date{2024, 1, 15}, 12, 0, Unique, map[Policy]want{
			Reject: {"2024-01-15T15:00", nil}}},
		{"kolkata", "Asia/Kolkata", Date{2024, 1, 15}, 0, 0, Unique, map[Policy]want{
			Reject: {"2024-01-14T18:30", nil}}},
		{"fixed", "", Date{2024, 1, 15}, 0, 0, Unique, map[Policy]want{
			Reject: {"2024-01-15T00:00", nil}}},
		{"feb 30", "America/New_York", Date{2024, 2, 30}, 12, 0, CaseUnknown, map[Policy]want{
			Reject: {"", ErrInvalidDate}, Compatible: {"", ErrInvalidDate}}},
		{"feb 29 non-leap", "America/New_York", Date{2023, 2, 29}, 12, 0, CaseUnknown, map[Policy]want{
			Reject: {"", ErrInvalidDate}}},
		{"zero date", "UTC", Date{}, 12, 0, CaseUnknown, map[Policy]want{
			Reject: {"", ErrInvalidDate}}},
		{"hour 24", "UTC", Date{2024, 1, 1}, 24, 0, CaseUnknown, map[Policy]want{
			Reject: {"", ErrInvalidDate}}},
		{"minute 60", "UTC", Date{2024, 1, 1}, 12, 60, CaseUnknown, map[Policy]want{
			Reject: {"", ErrInvalidDate}}},
	}
	for _, tt := range tests {
		for pol, w := range tt.byPol {
			t.Run(tt.name+"/"+pol.String(), func(t *testing.T) {
				var loc *time.Location
				if tt.zone != "" {
					loc = mustLoad(t, tt.zone)
				}
				got, c, err := Wall(tt.d, tt.hh, tt.mm, 0, loc, pol)
				assert.Equal(t, tt.c, c, "case of Wall(%s %02d:%02d, %s, %s)", tt.d, tt.hh, tt.mm, tt.zone, pol)
				if w.err != nil {
					require.ErrorIs(t, err, w.err)
					var te *Error
					require.True(t, errors.As(err, &te))
					assert.True(t, got.IsZero())
					return
				}
				require.NoError(t, err)
				assert.Equal(t, time.UTC, got.Location())
				assert.WithinDuration(t, utc(w.t), got, 0, "Wall(%s %02d:%02d, %s, %s)", tt.d, tt.hh, tt.mm, tt.zone, pol)
			})
		}
	}
}

func TestWallFixedZones(t *testing.T) {
	got, c, err := Wall(Date{2024, 3, 10}, 2, 30, 0, Fixed(-5*3600), Reject)
	require.NoError(t, err)
	assert.Equal(t, Unique, c)
	assert.WithinDuration(t, utc("2024-03-10T07:30"), got, 0)
}

func TestWallMessages(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	_, _, err := Wall(Date{2024, 11, 3}, 1, 30, 0, ny, Reject)
	assert.EqualError(t, err, `tz: "2024-11-03 01:30": 01:30 is ambiguous in America/New_York on 2024-11-03: 01:30 EDT (05:30Z) or 01:30 EST (06:30Z); write the offset or abbreviation`)
	_, _, err = Wall(Date{2024, 3, 10}, 2, 30, 0, ny, Reject)
	assert.EqualError(t, err, `tz: "2024-03-10 02:30": 02:30 does not exist in America/New_York on 2024-03-10: clocks went from 02:00 EST to 03:00 EDT (07:00Z); write the offset or a time outside the gap`)
	_, _, err = Wall(Date{2011, 12, 30}, 12, 0, 0, mustLoad(t, "Pacific/Apia"), Reject)
	assert.ErrorContains(t, err, "clocks went from 00:00 -10 to 2011-12-31 00:00 +14 (10:00Z)")
	_, _, err = Wall(Date{2024, 2, 30}, 12, 0, 0, ny, Reject)
	assert.EqualError(t, err, `tz: "2024-02-30 12:00": 2024-02-30 is not a calendar date; write a real date between 0001-01-01 and 9999-12-31`)
}

// TestWallNotTimeDate shows what time.Date would have done silently.
func TestWallNotTimeDate(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	silent := time.Date(2024, 3, 10, 2, 30, 0, 0, ny)
	_, c, err := Wall(Date{2024, 3, 10}, 2, 30, 0, ny, Reject)
	assert.Equal(t, Gap, c)
	assert.ErrorIs(t, err, ErrNonexistentTime)
	assert.False(t, silent.IsZero())
}
