package tz

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// zoneUses returns the (abbreviation, offset) pairs zone has used since 1970,
// walking its transitions in the zoneinfo Go loads.
func zoneUses(t *testing.T, zone string) map[string]bool {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	require.NoError(t, err, zone)
	seen := map[string]bool{}
	at := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).In(loc)
	end := time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC)
	for at.Before(end) {
		name, off := at.Zone()
		seen[fmt.Sprintf("%s %d", name, off)] = true
		seen[fmt.Sprintf("* %d", off)] = true
		_, next := at.ZoneBounds()
		if next.IsZero() {
			break
		}
		at = next.In(loc)
	}
	return seen
}

func TestAbbrevTableAgainstZoneinfo(t *testing.T) {
	for _, a := range abbrevTable {
		t.Run(a.abbr+"/"+a.zone, func(t *testing.T) {
			uses := zoneUses(t, a.zone)
			if a.tzdb {
				assert.True(t, uses[fmt.Sprintf("%s %d", a.abbr, a.offset)],
					"%s does not use %s at %s since 1970; it uses %v", a.zone, a.abbr, FormatOffset(a.offset, true), uses)
			} else {
				assert.True(t, uses[fmt.Sprintf("* %d", a.offset)],
					"%s is never %s since 1970", a.zone, FormatOffset(a.offset, true))
				assert.False(t, uses[fmt.Sprintf("%s %d", a.abbr, a.offset)],
					"%s uses %s: mark the row as from the tz database", a.zone, a.abbr)
			}
			// The DST flag is the summer half: the larger offset of the zone's pair,
			// whatever sign of save the tz database writes (Europe/Dublin).
			if a.dst {
				assert.True(t, uses[fmt.Sprintf("* %d", a.offset-3600)] || uses[fmt.Sprintf("* %d", a.offset-1800)],
					"%s: DST reading %s has no standard time an hour or half an hour behind", a.zone, a.abbr)
			}
		})
	}
}

func TestCandidates(t *testing.T) {
	type reading struct {
		zone   string
		offset string
		dst    bool
	}
	tests := []struct {
		abbr string
		want []reading
	}{
		{"IST", []reading{{"Asia/Kolkata", "+05:30", false}, {"Europe/Dublin", "+01:00", true}, {"Asia/Jerusalem", "+02:00", false}}},
		{"ist", []reading{{"Asia/Kolkata", "+05:30", false}, {"Europe/Dublin", "+01:00", true}, {"Asia/Jerusalem", "+02:00", false}}},
		{"CST", []reading{{"America/Chicago", "-06:00", false}, {"Asia/Shanghai", "+08:00", false}, {"America/Havana", "-05:00", false}}},
		{"BST", []reading{{"Europe/London", "+01:00", true}, {"Asia/Dhaka", "+06:00", false}}},
		{"AST", []reading{{"America/Halifax", "-04:00", false}, {"Asia/Riyadh", "+03:00", false}}},
		{"PST", []reading{{"America/Los_Angeles", "-08:00", false}, {"Asia/Manila", "+08:00", false}}},
		{"PDT", []reading{{"America/Los_Angeles", "-07:00", true}}},
		{"EDT", []reading{{"America/New_York", "-04:00", true}}},
		{"EST", []reading{{"America/New_York", "-05:00", false}}},
		{"AKST", []reading{{"America/Anchorage", "-09:00", false}}},
		{"AKDT", []reading{{"America/Anchorage", "-08:00", true}}},
		{"GMT", []reading{{"Etc/GMT", "+00:00", false}, {"Europe/London", "+00:00", false}}},
		{"WEST", []reading{{"Europe/Lisbon", "+01:00", true}}},
		{"CET", []reading{{"Europe/Berlin", "+01:00", false}}},
		{"EEST", []reading{{"Europe/Athens", "+03:00", true}}},
		{"MSK", []reading{{"Europe/Moscow", "+03:00", false}}},
		{"AEST", []reading{{"Australia/Sydney", "+10:00", false}}},
		{"ACDT", []reading{{"Australia/Adelaide", "+10:30", true}}},
		{"AWST", []reading{{"Australia/Perth", "+08:00", false}}},
		{"NZDT", []reading{{"Pacific/Auckland", "+13:00", true}}},
		{"JST", []reading{{"Asia/Tokyo", "+09:00", false}}},
		{"KST", []reading{{"Asia/Seoul", "+09:00", false}}},
		{"HKT", []reading{{"Asia/Hong_Kong", "+08:00", false}}},
		{"SGT", []reading{{"Asia/Singapore", "+08:00", false}}},
		{"SAST", []reading{{"Africa/Johannesburg", "+02:00", false}}},
		{"WAT", []reading{{"Africa/Lagos", "+01:00", false}}},
		{"CAT", []reading{{"Africa/Maputo", "+02:00", false}}},
		{"EAT", []reading{{"Africa/Nairobi", "+03:00", false}}},
		{"PKT", []reading{{"Asia/Karachi", "+05:00", false}}},
		{"HST", []reading{{"Pacific/Honolulu", "-10:00", false}}},
		{"XYZ", nil},
		{"", nil},
		{"CESTX", nil},
	}
	for _, tt := range tests {
		t.Run(tt.abbr, func(t *testing.T) {
			var got []reading
			for _, c := range Candidates(tt.abbr) {
				got = append(got, reading{c.Zone, FormatOffset(c.Offset, true), c.DST})
				assert.NotEmpty(t, c.Region)
				assert.NotEmpty(t, c.Why)
				assert.Contains(t, c.Why, c.Zone)
			}
			assert.Equal(t, tt.want, got, "Candidates(%q)", tt.abbr)
		})
	}
}

func TestCandidatesIsACopy(t *testing.T) {
	c := Candidates("IST")
	c[0].Zone = "Mars/Olympus"
	assert.Equal(t, "Asia/Kolkata", Candidates("IST")[0].Zone)
}

func TestCandidateInEffect(t *testing.T) {
	jan := time.Date(2024, 1, 15, 12, 0, 0, 0, time.UTC)
	jul := time.Date(2024, 7, 15, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		abbr, zone string
		at         time.Time
		want       bool
	}{
		{"PDT", "America/Los_Angeles", jul, true},
		{"PDT", "America/Los_Angeles", jan, false},
		{"PST", "America/Los_Angeles", jan, true},
		{"IST", "Europe/Dublin", jul, true}, // negative DST in the tz database: IST is still the summer half
		{"IST", "Europe/Dublin", jan, false},
		{"GMT", "Europe/London", jan, true},
		{"BST", "Europe/London", jan, false},
		{"IST", "Asia/Kolkata", jan, true},
		{"AEDT", "Australia/Sydney", jan, true},
		{"AEDT", "Australia/Sydney", jul, false},
	} {
		var c Candidate
		for _, x := range Candidates(tt.abbr) {
			if x.Zone == tt.zone {
				c = x
			}
		}
		require.Equal(t, tt.zone, c.Zone, "no %s reading in %s", tt.abbr, tt.zone)
		assert.Equal(t, tt.want, c.InEffect(tt.at), "Candidate{%s %s}.InEffect(%s)", tt.abbr, tt.zone, tt.at)
		loc, err := c.Location()
		require.NoError(t, err)
		assert.Equal(t, tt.zone, loc.String())
	}
	assert.False(t, Candidate{Zone: "Mars/Olympus"}.InEffect(jan))
}

func TestAmbiguousErrorText(t *testing.T) {
	_, err := Resolve("IST")
	assert.EqualError(t, err, `tz: ambiguous abbreviation "IST": India (+05:30, Asia/Kolkata), Ireland summer (+01:00, Europe/Dublin), Israel (+02:00, Asia/Jerusalem); write the offset or an IANA zone`)
}

func TestAbbrev(t *testing.T) {
	jul := time.Date(2016, time.July, 26, 14, 36, 0, 0, time.UTC)
	jan := time.Date(2016, time.January, 26, 14, 36, 0, 0, time.UTC)
	for _, tc := range []struct {
		zone string
		at   time.Time
		want string
	}{
		{"Asia/Tokyo", jul, "JST"},
		{"Asia/Kolkata", jul, "IST"},
		{"Asia/Calcutta", jul, "IST"}, // an alias, as browsers name Kolkata
		{"Europe/London", jul, "BST"},
		{"Europe/London", jan, "GMT"},
		{"Europe/Paris", jan, "CET"},
		{"Asia/Singapore", jul, "SGT"}, // the database writes +08; tz's colloquial reading
		{"Asia/Dubai", jul, "GST"},
		{"Pacific/Kiritimati", jul, ""}, // +14, and no colloquial reading
		{"UTC", jul, "UTC"},
	} {
		loc, err := Load(tc.zone)
		require.NoError(t, err)
		assert.Equal(t, tc.want, Abbrev(tc.at, loc), tc.zone)
	}
	assert.Equal(t, "UTC", Abbrev(jul, nil))
}

func TestNames(t *testing.T) {
	names := Names()
	assert.True(t, slices.IsSorted(names))
	assert.Equal(t, len(names), len(slices.Compact(slices.Clone(names))))
	for _, n := range []string{"Asia/Kolkata", "Asia/Calcutta", "Europe/London", "US/Pacific"} {
		assert.Contains(t, names, n)
	}
	names[0] = "changed"
	assert.NotEqual(t, "changed", Names()[0], "the slice is the caller's")
}
