package timeline

import "strconv"

// EventKind is the kind of a timeline event. The zero EventKind, EventUnknown, means none given. Do not reorder.
type EventKind int

// The event kinds. Started, Detected, Acknowledged, Mitigated and Resolved are the milestones
// of a Lifecycle.
const (
	EventUnknown EventKind = iota
	Started
	Detected
	Acknowledged
	Escalated
	Identified
	Mitigated
	Resolved
	Deploy
	Action
	Update
	Note
)

var kindNames = []string{
	EventUnknown: "",
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

func (k EventKind) valid() bool { return k > EventUnknown && k <= Note }

// String returns the kind's name ("detected"), "unknown" for EventUnknown and "EventKind(N)" for a
// value out of range.
func (k EventKind) String() string {
	switch {
	case k == EventUnknown:
		return "unknown"
	case k.valid():
		return kindNames[k]
	}
	return "EventKind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText returns the kind's name. EventUnknown and values out of range have no text form:
// the error then matches ErrInvalid.
func (k EventKind) MarshalText() ([]byte, error) {
	if !k.valid() {
		return nil, &ParseError{What: "event kind", Text: k.String(), Valid: valid(kindNames)}
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText sets k as ParseEventKind reads text. The error, a *ParseError matching ErrInvalid,
// lists the accepted names.
func (k *EventKind) UnmarshalText(text []byte) error {
	v, err := ParseEventKind(string(text))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// ParseEventKind returns the kind named s (started, detected, acknowledged, escalated, identified,
// mitigated, resolved, deploy, action, update, note), in any case and with surrounding space.
// The error, a *ParseError matching ErrInvalid, lists the names.
func ParseEventKind(s string) (EventKind, error) {
	if i := lookup(s, kindNames); i > 0 {
		return EventKind(i), nil
	}
	return EventUnknown, &ParseError{What: "event kind", Text: s, Valid: valid(kindNames)}
}
