package timeline

import "strconv"

// Level is a service's state, as Statuspage names them. The zero Level means unknown (no state).
// Do not reorder.
type Level int

// The levels, from no state to the worst. Files write them by their Statuspage names or the
// short forms; see ParseLevel.
const (
	LevelUnknown Level = iota
	Operational        // "operational", short "ok"
	Degraded           // "degraded_performance", short "degraded"
	Partial            // "partial_outage", short "partial"
	Major              // "major_outage", short "major"
	Maintenance        // "under_maintenance", short "maintenance"
)

var levelNames = []string{
	LevelUnknown: "",
	Operational:  "operational",
	Degraded:     "degraded_performance",
	Partial:      "partial_outage",
	Major:        "major_outage",
	Maintenance:  "under_maintenance",
}

var levelShort = []string{
	LevelUnknown: "",
	Operational:  "ok",
	Degraded:     "degraded",
	Partial:      "partial",
	Major:        "major",
	Maintenance:  "maintenance",
}

// levelOther holds the other spellings people write: "up" for operational.
var levelOther = []string{Operational: "up"}

// severity ranks the levels for "worst level wins"; unknown and out-of-range levels rank 0.
var severity = [...]int{
	LevelUnknown: 0,
	Operational:  1,
	Maintenance:  2,
	Degraded:     3,
	Partial:      4,
	Major:        5,
}

// String returns the level's Statuspage name ("major_outage"), "unknown" for LevelUnknown
// and "Level(N)" for a value out of range.
func (l Level) String() string {
	switch {
	case l == LevelUnknown:
		return "unknown"
	case l.valid():
		return levelNames[l]
	}
	return "Level(" + strconv.Itoa(int(l)) + ")"
}

// valid reports whether l is one of the named levels (not LevelUnknown).
func (l Level) valid() bool { return l > LevelUnknown && l <= Maintenance }

// MarshalText returns the level's Statuspage name. LevelUnknown and values out of range have
// no text form: the error then matches ErrInvalid.
func (l Level) MarshalText() ([]byte, error) {
	if !l.valid() {
		return nil, &ParseError{What: "state", Text: l.String(), Valid: valid(levelNames)}
	}
	return []byte(levelNames[l]), nil
}

// UnmarshalText sets l as ParseLevel reads text. The error, a *ParseError matching
// ErrInvalid, lists the accepted names.
func (l *Level) UnmarshalText(text []byte) error {
	v, err := ParseLevel(string(text))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// ParseLevel returns the level named s: operational, degraded_performance, partial_outage,
// major_outage, under_maintenance, or the short forms ok, degraded, partial, major,
// maintenance, or "up" for operational. Case, surrounding space and the separator between
// words do not matter: "Major Outage", "major-outage" and " major " are Major. The error, a
// *ParseError matching ErrInvalid, lists the names.
func ParseLevel(s string) (Level, error) {
	if i := lookup(s, levelNames, levelShort, levelOther); i > 0 {
		return Level(i), nil
	}
	return LevelUnknown, &ParseError{What: "state", Text: s, Valid: valid(levelNames, levelShort)}
}

// Severity ranks l for merging: Major 5 > Partial 4 > Degraded 3 > Maintenance 2 >
// Operational 1 > LevelUnknown (and out-of-range values) 0. Maintenance ranks below every
// impaired level because it is planned time, not downtime: an instant that is both under
// maintenance and degraded or in an outage counts as degraded or in an outage.
func (l Level) Severity() int {
	if l < 0 || int(l) >= len(severity) {
		return 0
	}
	return severity[l]
}

// Worse reports whether l ranks above m by Severity.
func (l Level) Worse(m Level) bool { return l.Severity() > m.Severity() }

// Outage reports whether l is Partial or Major, the levels that count as downtime.
func (l Level) Outage() bool { return l == Partial || l == Major }

// Worst returns the level of highest Severity among levels (LevelUnknown for none).
func Worst(levels ...Level) Level {
	w := LevelUnknown
	for _, l := range levels {
		if l.Worse(w) {
			w = l
		}
	}
	return w
}
