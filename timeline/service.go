package timeline

import (
	"cmp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CompareServices orders service names as Merge, Derive and ByService sort them:
// case-insensitively (as strings.ToLower spells them), then by spelling. It makes no copy of
// either name.
func CompareServices(a, b string) int {
	if c := CompareFold(a, b); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// CompareFold orders service names case-insensitively: it returns
// strings.Compare(strings.ToLower(a), strings.ToLower(b)) without making either, and 0 for
// names that are one service. (UTF-8 keeps the order of code points, so comparing the
// lowered runes one by one, an invalid byte read as U+FFFD as strings.ToLower writes it,
// orders the same.)
func CompareFold(a, b string) int {
	for a != "" && b != "" {
		ra, na := lowerRune(a)
		rb, nb := lowerRune(b)
		if ra != rb {
			return cmp.Compare(ra, rb)
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b))
}

// lowerRune returns the first rune of s lowered as strings.ToLower lowers it, and its width
// in s.
func lowerRune(s string) (rune, int) {
	if c := s[0]; c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		return rune(c), 1
	}
	r, n := utf8.DecodeRuneInString(s)
	return unicode.ToLower(r), n
}

// appendFold appends strings.ToLower(s) to b. A caller looks a folded name up in a map with
// m[string(appendFold(buf[:0], s))] into a buffer on its stack, which makes no string.
func appendFold(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(b, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}
