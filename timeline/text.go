package timeline

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrInvalid is matched, with errors.Is, by the errors of UnmarshalText, MarshalText and the
// Parse functions: a text that names no value, or a value that has no name. Package incident's
// ErrInvalid is the same value.
var ErrInvalid = errors.New("invalid value")

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

// lookup returns the index of text in names, or -1. Case, surrounding space and the
// separators between words ("_", "-", " ", "'") do not matter; names are written in lower
// case with "_" between words.
func lookup(text string, names ...[]string) int {
	key := fold(text)
	if key == "" {
		return -1
	}
	for _, list := range names {
		for i, n := range list {
			if n != "" && key == n {
				return i
			}
		}
	}
	return -1
}

// fold returns s trimmed and in lower case, with each run of "-", "_" and spaces inside it
// made one "_" and apostrophes removed: "Won't  Do" is "wont_do".
func fold(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 64 {
		return "" // longer than any name
	}
	if folded(s) {
		return s // as names are mostly written: "major_outage"
	}
	return foldRunes(s)
}

// folded reports whether fold(s) is s: lower-case ASCII letters and digits, with single "_"
// between them.
func folded(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c == '_' && i > 0 && i < len(s)-1 && s[i-1] != '_':
		default:
			return false
		}
	}
	return true
}

// foldRunes is fold of a trimmed s of at most 64 bytes, a rune at a time.
func foldRunes(s string) string {
	var b strings.Builder
	sep := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '-' || r == '_' || r == ' ' || r == '\t':
			sep = true
		case r == '\'' || r == '\u2019':
		default:
			if sep && b.Len() > 0 {
				b.WriteByte('_')
			}
			sep = false
			b.WriteRune(r)
		}
	}
	return b.String()
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
