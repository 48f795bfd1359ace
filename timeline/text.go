package timeline

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// ParseError is the error of UnmarshalText and the Parse functions for a text that names no
// value. It matches ErrInvalid with errors.Is.
type ParseError struct {
	What  string   // what was parsed: "level", "kind", "unit" or "maintenance policy"
	Text  string   // the text given (as given, possibly long)
	Valid []string // the accepted spellings
}

// Error reports the text, what it should have been and the accepted spellings.
func (e *ParseError) Error() string {
	text := e.Text
	const limit = 40
	if len(text) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut] + "..."
	}
	return "timeline: unknown " + e.What + " " + strconv.Quote(text) +
		": want one of " + strings.Join(e.Valid, ", ")
}

// Is reports whether target is ErrInvalid.
func (e *ParseError) Is(target error) bool { return target == ErrInvalid }

// lookup returns the index of text in names (case-insensitively) or -1.
func lookup(text string, names ...[]string) int {
	for _, list := range names {
		for i, n := range list {
			if n != "" && strings.EqualFold(text, n) {
				return i
			}
		}
	}
	return -1
}

// valid lists the non-empty names of the lists, in order.
func valid(names ...[]string) []string {
	var out []string
	for _, list := range names {
		for _, n := range list {
			if n != "" {
				out = append(out, n)
			}
		}
	}
	return out
}

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
		return nil, &ParseError{What: "level", Text: l.String(), Valid: valid(levelNames)}
	}
	return []byte(levelNames[l]), nil
}

// UnmarshalText sets l from a Statuspage name or its short form, in any case. The error, a
// *ParseError matching ErrInvalid, lists the accepted names.
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
// maintenance, in any case. The error, a *ParseError matching ErrInvalid, lists the names.
func ParseLevel(s string) (Level, error) {
	if i := lookup(s, levelNames, levelShort); i > 0 {
		return Level(i), nil
	}
	return LevelUnknown, &ParseError{What: "level", Text: s, Valid: valid(levelNames, levelShort)}
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

var kindNames = []string{
	KindUnknown:  "",
	Started:      "started",
	Detected:     "detected",
	Acknowledged: "acknowledged",
	Escalated:    "escalated",
	Identified:   "identified",
	Mitigated:    "mitigated",
	Resolved:     "resolved",
	Deploy:       "deploy",
	Action:       "action",
	Update:       "update",
	Note:         "note",
}

func (k Kind) valid() bool { return k > KindUnknown && k <= Note }

// String returns the kind's name ("detected"), "unknown" for KindUnknown and "Kind(N)" for a
// value out of range.
func (k Kind) String() string {
	switch {
	case k == KindUnknown:
		return "unknown"
	case k.valid():
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText returns the kind's name. KindUnknown and values out of range have no text form:
// the error then matches ErrInvalid.
func (k Kind) MarshalText() ([]byte, error) {
	if !k.valid() {
		return nil, &ParseError{What: "kind", Text: k.String(), Valid: valid(kindNames)}
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText sets k from its name in any case. The error, a *ParseError matching
// ErrInvalid, lists the accepted names.
func (k *Kind) UnmarshalText(text []byte) error {
	v, err := ParseKind(string(text))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// ParseKind returns the kind named s (started, detected, acknowledged, escalated, identified,
// mitigated, resolved, deploy, action, update, note) in any case. The error, a *ParseError
// matching ErrInvalid, lists the names.
func ParseKind(s string) (Kind, error) {
	if i := lookup(s, kindNames); i > 0 {
		return Kind(i), nil
	}
	return KindUnknown, &ParseError{What: "kind", Text: s, Valid: valid(kindNames)}
}
