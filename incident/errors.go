package incident

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/go-postmortem/postmortem/timeline"
)

// Sentinel errors. Every *ParseError that Parse, Load and Validate return wraps one of
// these or an error of package tz (such as tz.ErrBackwards), so callers can test with errors.Is.
var (
	// Parse errors.
	ErrSyntax       = errors.New("invalid YAML")
	ErrTooLarge     = errors.New("file too large")
	ErrTooDeep      = errors.New("nesting too deep")
	ErrAliases      = errors.New("too much alias expansion")
	ErrEmpty        = errors.New("no incident in file")
	ErrType         = errors.New("wrong type")
	ErrUnknownKey   = errors.New("unknown key")
	ErrDuplicateKey = errors.New("duplicate key")
	ErrMissing      = errors.New("required field missing")
	ErrInvalid      = timeline.ErrInvalid // the same value, so an unknown state matches both
	ErrVersion      = errors.New("unsupported format version")

	// Validate errors and warnings.
	ErrEndBeforeStart = errors.New("end before start")
	ErrOrder          = errors.New("events out of order")
	ErrNoSchedule     = errors.New("maintenance without a scheduled window")
	ErrNoOwner        = errors.New("action item without owner")
	ErrDueEarly       = errors.New("due date before the incident")
	ErrUndated        = errors.New("incident has no date")
	ErrUnknownService = errors.New("service not listed in services")
)

// ParseError is an error or warning at a place in a file.
type ParseError struct {
	File         string
	Line, Column int    // 1-based; 0 when unknown
	Path         string // field path, e.g. "timeline[2].at"
	Err          error
	Warning      bool   // reports whether this is a warning rather than an error
	Code         string // the stable code of the problem, such as "abbrev-dst-mismatch" (see Codes); "" when it has none
}

// Unwrap returns e.Err.
func (e *ParseError) Unwrap() error { return e.Err }

// ErrorList is a list of *ParseError, sorted by position by Sort.
type ErrorList []*ParseError

// Err returns l as an error, or nil when l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error returns "file:line:col: path: message [code]", leaving out the parts that are unknown.
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.Position())
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Message())
	return b.String()
}

// Message returns the problem without its position and path: the message of Err followed by
// " [code]" when e has a code (and the message does not end with it already).
func (e *ParseError) Message() string {
	msg := "unknown error"
	if e.Err != nil {
		msg = e.Err.Error()
	}
	if e.Code != "" && !strings.HasSuffix(msg, "["+e.Code+"]") {
		msg += " [" + e.Code + "]"
	}
	return msg
}

// Position returns "file:line:col", "file:line", "file" or "", as much as is known.
func (e *ParseError) Position() string {
	s := e.File
	if e.Line > 0 {
		if s != "" {
			s += ":"
		}
		s += strconv.Itoa(e.Line)
		if e.Column > 0 {
			s += ":" + strconv.Itoa(e.Column)
		}
	}
	return s
}

func comparePos(a, b *ParseError) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Path, b.Path),
	)
}

// Sort sorts l by file, line, column and path; the order of equal positions is kept.
func (l ErrorList) Sort() { slices.SortStableFunc(l, comparePos) }

// Error returns the first error, followed by "(and N more errors)" when there are more.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	case 2:
		return l[0].Error() + " (and 1 more error)"
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0].Error(), len(l)-1)
}

// Unwrap returns the errors of l, so that errors.Is and errors.As look into every one.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// fieldError is an error about a field's value: msg explains, err is the sentinel or the
// error of package tz that callers match.
// code, when set, is its code; else the code of err is.
type fieldError struct {
	msg      string
	err      error
	codeName string
}

func (e *fieldError) Error() string    { return e.msg }
func (e *fieldError) Unwrap() error    { return e.err }
func (e *fieldError) diagCode() string { return e.codeName }

// Errorf returns an error whose message is the formatted text and which matches sentinel
// with errors.Is: the Err of a *ParseError whose message says more than its sentinel, as an
// importer reports one. Its message, like every Err's, is lower case with no position, path
// or code; ParseError.Error adds those.
func Errorf(sentinel error, format string, args ...any) error {
	return errorf(sentinel, format, args...)
}

func errorf(sentinel error, format string, args ...any) error {
	return &fieldError{msg: fmt.Sprintf(format, args...), err: sentinel}
}

// errorc is errorf for an error whose code is not its sentinel's.
func errorc(code string, sentinel error, format string, args ...any) error {
	return &fieldError{msg: fmt.Sprintf(format, args...), err: sentinel, codeName: code}
}
