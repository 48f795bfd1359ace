package timeline

import "strconv"

// Kind is the kind of a timeline event. The zero Kind means none given. Do not reorder.
type Kind int

// The event kinds. Started, Detected, Acknowledged, Mitigated and Resolved are the milestones
// of a Lifecycle.
const (
	KindUnknown Kind = iota
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
		return nil, &ParseError{What: "event kind", Text: k.String(), Valid: valid(kindNames)}
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText sets k as ParseKind reads text. The error, a *ParseError matching ErrInvalid,
// lists the accepted names.
func (k *Kind) UnmarshalText(text []byte) error {
	v, err := ParseKind(string(text))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// ParseKind returns the kind named s (started, detected, acknowledged, escalated, identified,
// mitigated, resolved, deploy, action, update, note), in any case and with surrounding space.
// The error, a *ParseError matching ErrInvalid, lists the names.
func ParseKind(s string) (Kind, error) {
	if i := lookup(s, kindNames); i > 0 {
		return Kind(i), nil
	}
	return KindUnknown, &ParseError{What: "event kind", Text: s, Valid: valid(kindNames)}
}
