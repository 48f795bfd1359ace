package tz

import (
	"fmt"
	"strings"
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
