package incident

import (
	"fmt"
	"strings"
)

// Kind says whether a document is an incident or a planned maintenance. The zero Kind is unknown;
// files without a kind load as KindIncident. Do not reorder.
type Kind int

const (
	KindUnknown Kind = iota
	KindIncident
	KindMaintenance
)

// Status is an incident's public status. The zero Status is unknown. Do not reorder.
type Status int

const (
	StatusUnknown Status = iota
	StatusInvestigating
	StatusIdentified
	StatusMonitoring
	StatusResolved
)

// ActionKind is the kind of an action item. The zero ActionKind is unknown. Do not reorder.
type ActionKind int

const (
	ActionUnknown ActionKind = iota
	Prevent
	Mitigate
	Detect
	Repair
	Process
	Other
)

// ActionStatus is the status of an action item. The zero ActionStatus is unknown. Do not reorder.
type ActionStatus int

const (
	ActionStatusUnknown ActionStatus = iota
	Open
	InProgress
	Done
	WontDo
)

var kindNames = [...]string{KindUnknown: "", KindIncident: "incident", KindMaintenance: "maintenance"}

// String returns the name of k as written in files ("incident", "maintenance"), or "" when unknown.
func (k Kind) String() string { return enumString(kindNames[:], int(k), "Kind") }

// MarshalText returns k's name; the unknown Kind is an error.
func (k Kind) MarshalText() ([]byte, error) { return enumMarshal(kindNames[:], int(k), "kind") }

// UnmarshalText sets k from its name (any case). Errors match ErrInvalid.
func (k *Kind) UnmarshalText(b []byte) error { return k.set(string(b)) }

func (k *Kind) set(name string) error {
	return enumUnmarshal(kindNames[:], (*int)(k), name, "kind")
}

var statusNames = [...]string{StatusUnknown: "", StatusInvestigating: "investigating", StatusIdentified: "identified", StatusMonitoring: "monitoring", StatusResolved: "resolved"}

// String returns the name of s as written in files ("resolved"), or "" when unknown.
func (s Status) String() string { return enumString(statusNames[:], int(s), "Status") }

// MarshalText returns s's name; the unknown Status is an error.
func (s Status) MarshalText() ([]byte, error) { return enumMarshal(statusNames[:], int(s), "status") }

// UnmarshalText sets s from its name (any case). Errors match ErrInvalid.
func (s *Status) UnmarshalText(b []byte) error { return s.set(string(b)) }

func (s *Status) set(name string) error {
	return enumUnmarshal(statusNames[:], (*int)(s), name, "status")
}

var actionKindNames = [...]string{ActionUnknown: "", Prevent: "prevent", Mitigate: "mitigate", Detect: "detect", Repair: "repair", Process: "process", Other: "other"}

// String returns the name of k as written in files ("prevent"), or "" when unknown.
func (k ActionKind) String() string { return enumString(actionKindNames[:], int(k), "ActionKind") }

// MarshalText returns k's name; the unknown ActionKind is an error.
func (k ActionKind) MarshalText() ([]byte, error) {
	return enumMarshal(actionKindNames[:], int(k), "action kind")
}

// UnmarshalText sets k from its name (any case). Errors match ErrInvalid.
func (k *ActionKind) UnmarshalText(b []byte) error { return k.set(string(b)) }

func (k *ActionKind) set(name string) error {
	return enumUnmarshal(actionKindNames[:], (*int)(k), name, "action kind")
}

var actionStatusNames = [...]string{ActionStatusUnknown: "", Open: "open", InProgress: "in_progress", Done: "done", WontDo: "wont_do"}

// String returns the name of s as written in files ("in_progress"), or "" when unknown.
func (s ActionStatus) String() string {
	return enumString(actionStatusNames[:], int(s), "ActionStatus")
}

// MarshalText returns s's name; the unknown ActionStatus is an error.
func (s ActionStatus) MarshalText() ([]byte, error) {
	return enumMarshal(actionStatusNames[:], int(s), "action status")
}

// UnmarshalText sets s from its name (any case; "in progress", "in-progress", "won't do" too).
// Errors match ErrInvalid.
func (s *ActionStatus) UnmarshalText(b []byte) error { return s.set(string(b)) }

func (s *ActionStatus) set(name string) error {
	return enumUnmarshal(actionStatusNames[:], (*int)(s), name, "action status")
}

func enumString(names []string, i int, typ string) string {
	if i >= 0 && i < len(names) {
		return names[i]
	}
	return fmt.Sprintf("%s(%d)", typ, i)
}

func enumMarshal(names []string, i int, what string) ([]byte, error) {
	if i > 0 && i < len(names) {
		return []byte(names[i]), nil
	}
	return nil, errorf(ErrInvalid, "incident: cannot marshal %s %d", what, i)
}

func enumUnmarshal(names []string, dst *int, name string, what string) error {
	i, ok := lookupName(names, name)
	if !ok {
		return errorf(ErrInvalid, "incident: unknown %s %q (want %s)", what, name, strings.Join(names[1:], ", "))
	}
	*dst = i
	return nil
}

// normName folds case and the separators people use in enum values.
func normName(s string) string {
	s = strings.TrimSpace(s)
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c == '-' || c == ' ' || c == '\'' || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return nameReplacer.Replace(strings.ToLower(s))
}

// nameReplacer folds separators; it is never modified, so it is safe for concurrent use.
var nameReplacer = strings.NewReplacer("-", "_", " ", "_", "'", "")

func lookupName(names []string, s string) (int, bool) {
	n := normName(s)
	if n == "" {
		return 0, false
	}
	for i, name := range names {
		if i > 0 && name == n {
			return i, true
		}
	}
	return 0, false
}
