package tz

import (
	"fmt"
	"strings"
)

// Policy says what to do with a wall-clock time that falls in a DST gap or fold.
// The zero Policy is Reject. Earlier never gives a later instant than Later.
type Policy int

const (
	Reject     Policy = iota // gap and fold are errors
	Earlier                  // gap: the wall time moved back by the gap's length (02:30 → 01:30 EST, read with the offset after the gap); fold: the earlier instant
	Later                    // gap: the wall time moved forward by the gap's length (02:30 → 03:30 EDT, read with the offset before the gap); fold: the later instant
	Compatible               // RFC 5545: gap moves forward by its length (as Later), fold takes the earlier instant
)

// Case tells what a wall-clock time was. The zero Case means unknown.
type Case int

const (
	CaseUnknown Case = iota // not known: Wall returned an ErrInvalidDate
	Unique                  // exactly one instant
	Gap                     // no instant (spring forward)
	Fold                    // two instants (fall back)
)

var policyNames = [...]string{Reject: "reject", Earlier: "earlier", Later: "later", Compatible: "compatible"}

// String returns the policy's name: "reject", "earlier", "later" or "compatible".
func (p Policy) String() string {
	if p >= 0 && int(p) < len(policyNames) {
		return policyNames[p]
	}
	return fmt.Sprintf("Policy(%d)", int(p))
}

// MarshalText returns the policy's name.
func (p Policy) MarshalText() ([]byte, error) {
	if p < 0 || int(p) >= len(policyNames) {
		return nil, fmt.Errorf("tz: invalid policy %d", int(p))
	}
	return []byte(policyNames[p]), nil
}

// UnmarshalText reads a policy's name in any case; "" is Reject.
// Errors: an error naming the policies for an unknown name.
func (p *Policy) UnmarshalText(b []byte) error {
	s := strings.ToLower(strings.TrimSpace(string(b)))
	if s == "" {
		*p = Reject
		return nil
	}
	for i, n := range policyNames {
		if s == n {
			*p = Policy(i)
			return nil
		}
	}
	return fmt.Errorf("tz: unknown policy %q; want reject, earlier, later or compatible", string(b))
}

var caseNames = [...]string{CaseUnknown: "unknown", Unique: "unique", Gap: "gap", Fold: "fold"}

// String returns the case's name: "unknown", "unique", "gap" or "fold".
func (c Case) String() string {
	if c >= 0 && int(c) < len(caseNames) {
		return caseNames[c]
	}
	return fmt.Sprintf("Case(%d)", int(c))
}

// UnmarshalText reads a case's name in any case.
// Errors: an error naming the cases for an unknown name.
func (c *Case) UnmarshalText(b []byte) error {
	s := strings.ToLower(strings.TrimSpace(string(b)))
	for i, n := range caseNames {
		if s == n {
			*c = Case(i)
			return nil
		}
	}
	return fmt.Errorf("tz: unknown case %q; want unknown, unique, gap or fold", string(b))
}
