package tz

import (
	"slices"
	"strings"
	"time"
)

// abbrev is one row of the abbreviation table.
type abbrev struct {
	abbr   string
	zone   string
	region string
	offset int // seconds east of UTC
	dst    bool
	tzdb   bool // the tz database itself uses abbr with offset in zone since 1970
	minor  bool // a reading an English-language document rarely means
	name   string
}

const hourSec = 3600

// abbrevTable lists the abbreviations people write, each reading once, the
// common reading first. Rows with tzdb set are checked by the tests against
// the host's zoneinfo: the zone must use that abbreviation with that offset at
// some time since 1970. The other rows are colloquial: the tz database writes
// a numeric abbreviation there ("+06"), and the tests check only the offset.
var abbrevTable = []abbrev{
	// North America.
	{"PST", "America/Los_Angeles", "US Pacific", -8 * hourSec, false, true, false, "Pacific Standard Time"},
	{"PST", "Asia/Manila", "Philippines", 8 * hourSec, false, true, true, "Philippine Standard Time"},
	{"PDT", "America/Los_Angeles", "US Pacific", -7 * hourSec, true, true, false, "Pacific Daylight Time"},
	{"MST", "America/Denver", "US Mountain", -7 * hourSec, false, true, false, "Mountain Standard Time"},
	{"MST", "America/Phoenix", "Arizona", -7 * hourSec, false, true, false, "Mountain Standard Time, all year in Arizona"},
	{"MDT", "America/Denver", "US Mountain", -6 * hourSec, true, true, false, "Mountain Daylight Time"},
	{"CST", "America/Chicago", "US Central", -6 * hourSec, false, true, false, "Central Standard Time"},
	{"CST", "Asia/Shanghai", "China", 8 * hourSec, false, true, false, "China Standard Time"},
	{"CST", "America/Havana", "Cuba", -5 * hourSec, false, true, false, "Cuba Standard Time"},
	{"CDT", "America/Chicago", "US Central", -5 * hourSec, true, true, false, "Central Daylight Time"},
	{"CDT", "America/Havana", "Cuba", -4 * hourSec, true, true, false, "Cuba Daylight Time"},
	{"EST", "America/New_York", "US Eastern", -5 * hourSec, false, true, false, "Eastern Standard Time"},
	{"EDT", "America/New_York", "US Eastern", -4 * hourSec, true, true, false, "Eastern Daylight Time"},
	{"AKST", "America/Anchorage", "Alaska", -9 * hourSec, false, true, false, "Alaska Standard Time"},
	{"AKDT", "America/Anchorage", "Alaska", -8 * hourSec, true, true, false, "Alaska Daylight Time"},
	{"HST", "Pacific/Honolulu", "Hawaii", -10 * hourSec, false, true, false, "Hawaii-Aleutian Standard Time"},
	{"HDT", "America/Adak", "Aleutian Islands", -9 * hourSec, true, true, false, "Hawaii-Aleutian Daylight Time"},
	{"AST", "America/Halifax", "Atlantic", -4 * hourSec, false, true, false, "Atlantic Standard Time"},
	{"AST", "Asia/Riyadh", "Arabia", 3 * hourSec, false, false, false, "Arabia Standard Time"},
	{"ADT", "America/Halifax", "Atlantic", -3 * hourSec, true, true, false, "Atlantic Daylight Time"},
	{"NST", "America/St_Johns", "Newfoundland", -(3*hourSec + 30*60), false, true, false, "Newfoundland Standard Time"},
	{"NDT", "America/St_Johns", "Newfoundland", -(2*hourSec + 30*60), true, true, false, "Newfoundland Daylight Time"},

	// South America.
	{"BRT", "America/Sao_Paulo", "Brazil", -3 * hourSec, false, false, false, "Brasília Time"},
	{"ART", "America/Argentina/Buenos_Aires", "Argentina", -3 * hourSec, false, false, false, "Argentina Time"},
	{"CLT", "America/Santiago", "Chile", -4 * hourSec, false, false, false, "Chile Standard Time"},
	{"CLST", "America/Santiago", "Chile", -3 * hourSec, true, false, false, "Chile Summer Time"},

	// Europe and Africa.
	{"UTC", "Etc/UTC", "Coordinated Universal Time", 0, false, true, false, "Coordinated Universal Time"},
	{"GMT", "Etc/GMT", "Greenwich Mean Time", 0, false, true, false, "Greenwich Mean Time"},
	{"GMT", "Europe/London", "UK", 0, false, true, false, "Greenwich Mean Time, the UK's winter time"},
	{"BST", "Europe/London", "UK", 1 * hourSec, true, true, false, "British Summer Time"},
	{"BST", "Asia/Dhaka", "Bangladesh", 6 * hourSec, false, false, false, "Bangladesh Standard Time"},
	{"IST", "Asia/Kolkata", "India", 5*hourSec + 30*60, false, true, false, "India Standard Time"},
	{"IST", "Europe/Dublin", "Ireland", 1 * hourSec, true, true, false, "Irish Standard Time, Ireland's summer time"},
	{"IST", "Asia/Jerusalem", "Israel", 2 * hourSec, false, true, false, "Israel Standard Time"},
	{"IDT", "Asia/Jerusalem", "Israel", 3 * hourSec, true, true, false, "Israel Daylight Time"},
	{"WET", "Europe/Lisbon", "Western Europe", 0, false, true, false, "Western European Time"},
	{"WEST", "Europe/Lisbon", "Western Europe", 1 * hourSec, true, true, false, "Western European Summer Time"},
	{"CET", "Europe/Berlin", "Central Europe", 1 * hourSec, false, true, false, "Central European Time"},
	{"CEST", "Europe/Berlin", "Central Europe", 2 * hourSec, true, true, false, "Central European Summer Time"},
	{"EET", "Europe/Athens", "Eastern Europe", 2 * hourSec, false, true, false, "Eastern European Time"},
	{"EEST", "Europe/Athens", "Eastern Europe", 3 * hourSec, true, true, false, "Eastern European Summer Time"},
	{"MSK", "Europe/Moscow", "Moscow", 3 * hourSec, false, true, false, "Moscow Time"},
	{"TRT", "Europe/Istanbul", "Turkey", 3 * hourSec, false, false, false, "Turkey Time"},
	{"WAT", "Africa/Lagos", "West Africa", 1 * hourSec, false, true, false, "West Africa Time"},
	{"CAT", "Africa/Maputo", "Central Africa", 2 * hourSec, false, true, false, "Central Africa Time"},
	{"SAST", "Africa/Johannesburg", "South Africa", 2 * hourSec, false, true, false, "South Africa Standard Time"},
	{"EAT", "Africa/Nairobi", "East Africa", 3 * hourSec, false, true, false, "East Africa Time"},

	// Asia.
	{"GST", "Asia/Dubai", "Gulf", 4 * hourSec, false, false, false, "Gulf Standard Time"},
	{"PKT", "Asia/Karachi", "Pakistan", 5 * hourSec, false, true, false, "Pakistan Standard Time"},
	{"NPT", "Asia/Kathmandu", "Nepal", 5*hourSec + 45*60, false, false, false, "Nepal Time"},
	{"ICT", "Asia/Bangkok", "Indochina", 7 * hourSec, false, false, false, "Indochina Time"},
	{"WIB", "Asia/Jakarta", "Western Indonesia", 7 * hourSec, false, true, false, "Western Indonesia Time"},
	{"HKT", "Asia/Hong_Kong", "Hong Kong", 8 * hourSec, false, true, false, "Hong Kong Time"},
	{"SGT", "Asia/Singapore", "Singapore", 8 * hourSec, false, false, false, "Singapore Time"},
	{"SST", "Pacific/Pago_Pago", "Samoa", -11 * hourSec, false, true, false, "Samoa Standard Time"},
	{"SST", "Asia/Singapore", "Singapore", 8 * hourSec, false, false, false, "Singapore Standard Time"},
	{"AWST", "Australia/Perth", "Western Australia", 8 * hourSec, false, true, false, "Australian Western Standard Time"},
	{"JST", "Asia/Tokyo", "Japan", 9 * hourSec, false, true, false, "Japan Standard Time"},
	{"KST", "Asia/Seoul", "Korea", 9 * hourSec, false, true, false, "Korea Standard Time"},
	{"ACST", "Australia/Adelaide", "Central Australia", 9*hourSec + 30*60, false, true, false, "Australian Central Standard Time"},
	{"ACDT", "Australia/Adelaide", "Central Australia", 10*hourSec + 30*60, true, true, false, "Australian Central Daylight Time"},
	{"AEST", "Australia/Sydney", "Eastern Australia", 10 * hourSec, false, true, false, "Australian Eastern Standard Time"},
	{"AEDT", "Australia/Sydney", "Eastern Australia", 11 * hourSec, true, true, false, "Australian Eastern Daylight Time"},
	{"ChST", "Pacific/Guam", "Guam", 10 * hourSec, false, true, false, "Chamorro Standard Time"},
	{"NZST", "Pacific/Auckland", "New Zealand", 12 * hourSec, false, true, false, "New Zealand Standard Time"},
	{"NZDT", "Pacific/Auckland", "New Zealand", 13 * hourSec, true, true, false, "New Zealand Daylight Time"},
}

// abbrevIndex maps an upper-case abbreviation to its readings, built once.
var abbrevIndex = func() map[string][]Candidate {
	m := make(map[string][]Candidate)
	for _, a := range abbrevTable {
		why := a.name + ", tz database " + a.zone
		if !a.tzdb {
			why = a.name + ", colloquial; the tz database writes " +
				FormatOffset(a.offset, false) + " for " + a.zone
		}
		if a.minor {
			why += "; rarely meant in English-language text"
		}
		k := strings.ToUpper(a.abbr)
		m[k] = append(m[k], Candidate{
			Abbrev: a.abbr, Zone: a.zone, Region: a.region,
			Offset: a.offset, DST: a.dst, Minor: a.minor, Why: why,
		})
	}
	return m
}()

// candidates returns the shared readings of abbr (not to be modified).
func candidates(abbr string) []Candidate {
	if len(abbr) < 2 || len(abbr) > 5 {
		return nil
	}
	var buf [5]byte
	for i := 0; i < len(abbr); i++ {
		c := abbr[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf[i] = c
	}
	return abbrevIndex[string(buf[:len(abbr)])]
}

// Candidates returns every reading of an abbreviation (any case), the common
// reading first, or nil if the abbreviation is unknown. The readings do not
// depend on a date: Candidates("IST") is India, Ireland's summer time and
// Israel whatever the season. The slice is the caller's to modify.
// Candidates is safe for concurrent use.
func Candidates(abbr string) []Candidate {
	return slices.Clone(candidates(strings.TrimSpace(abbr)))
}

// Abbrev returns the abbreviation people know the clocks of loc by at instant t: the tz
// database's ("JST", "IST", "CEST"), or, where the database writes a number ("+08"), the
// colloquial reading that Candidates lists for that zone and offset ("SGT"); "" when there is
// neither. A nil loc is UTC. Abbrev is safe for concurrent use.
func Abbrev(t time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	abbr, off := t.In(loc).Zone()
	if abbr != "" && abbr[0] != '+' && abbr[0] != '-' && (abbr[0] < '0' || abbr[0] > '9') {
		return abbr
	}
	zone := Canonical(loc.String())
	for _, a := range abbrevTable {
		if !a.tzdb && a.offset == off && a.zone == zone {
			return a.abbr
		}
	}
	return ""
}

// Location returns the location of c.Zone, loaded once (see Load).
// Errors are *Error matching ErrUnknownZone when the host has no such zone.
func (c Candidate) Location() (*time.Location, error) { return Load(c.Zone) }

// InEffect reports whether clocks in c.Zone were c.Offset seconds east of UTC
// at instant t: whether the abbreviation was the one in use there then.
// "PDT" is not in effect in Los Angeles in January, nor "IST" in Dublin; a
// text that writes it anyway has the wrong half of the DST pair.
// It reports false if the zone cannot be loaded.
func (c Candidate) InEffect(t time.Time) bool {
	loc, err := Load(c.Zone)
	if err != nil {
		return false
	}
	_, off := t.In(loc).Zone()
	return off == c.Offset
}

// label is "India (+05:30, Asia/Kolkata)", or "Ireland summer (…)" for a DST reading.
func (c Candidate) label() string {
	s := c.Region
	if c.DST {
		s += " summer"
	}
	return s + " (" + FormatOffset(c.Offset, true) + ", " + c.Zone + ")"
}

// resolveAbbrev returns the zone an abbreviation names, *AmbiguousError when
// its major readings have different offsets, ok false when it is unknown.
// Readings with one offset in several zones (MST: Denver, Phoenix) name the first.
func resolveAbbrev(s string) (zone string, ok bool, err error) {
	cs := candidates(s)
	if len(cs) == 0 {
		return "", false, nil
	}
	var major []Candidate
	for _, c := range cs {
		if !c.Minor {
			major = append(major, c)
		}
	}
	if len(major) == 0 {
		major = cs
	}
	for _, c := range major[1:] {
		if c.Offset != major[0].Offset {
			return "", true, &AmbiguousError{Abbrev: cs[0].Abbrev, Candidates: slices.Clone(cs)}
		}
	}
	return major[0].Zone, true, nil
}

// Candidate is one reading of a time zone abbreviation. Offset is what the
// abbreviation literally means; Zone is the region that uses it, whose clocks
// follow DST and may not show Offset on a given date (see InEffect).
type Candidate struct {
	Abbrev string // as in the tz database where it has it, e.g. "PDT"
	Zone   string // IANA name of the region whose wall clock it names, e.g. "America/Los_Angeles"
	Region string // human name, e.g. "US Pacific", "India", "Ireland"
	Offset int    // seconds east of UTC that the abbreviation literally means
	DST    bool   // reports whether the abbreviation is the daylight-saving (summer) half of a pair, whatever sign the tz database gives it
	Minor  bool   // reports whether an English-language text rarely means this reading (Philippine "PST"); Resolve ignores minor readings when a major one exists
	Why    string // why this is a candidate, e.g. "Irish Standard Time (summer), tz database Europe/Dublin"
}
