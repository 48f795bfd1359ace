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
	if c := CompareLower(a, b); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// CompareLower orders service names case-insensitively: it returns
// strings.Compare(strings.ToLower(a), strings.ToLower(b)) without making either, and 0 for
// names that are one service. It lowers as strings.ToLower does, which is not Unicode case
// folding (strings.EqualFold): "ſ" and "s" are two services. (UTF-8 keeps the order of code
// points, so comparing the lowered runes one by one, an invalid byte read as U+FFFD as
// strings.ToLower writes it, orders the same.)
func CompareLower(a, b string) int {
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

// fewServices is how many services a serviceIDs tells apart by comparing names before it
// makes a map.
const fewServices = 8

// serviceIDs gives service names ids from 0 up, names that differ only in case sharing one.
// It finds a name among the first fewServices by comparing it with each, and makes a map of
// the lowered names only past them: an incident names a handful of services, and the map
// with a string per key was a fifth of the allocations of Metrics over the corpus of
// BENCHMARKS.md, while past a few names the map keeps the work linear.
type serviceIDs struct {
	names    []string         // id → a name of that service (the first given, unless changed)
	ids      map[string]int32 // lowered name → id; nil while there are fewServices names or fewer
	reserved int              // the first ids, which no name finds
}

// reserve returns a new id that no name finds (Derive's unnamed service). It is called
// before any other.
func (s *serviceIDs) reserve() int32 {
	if s.names == nil {
		s.names = make([]string, 0, fewServices+1)
	}
	s.names = append(s.names, "")
	s.reserved++
	return int32(len(s.names) - 1)
}

// id returns the id of name, and reports whether name is new (its id is len(names)-1).
func (s *serviceIDs) id(name string) (id int32, added bool) {
	if s.ids == nil {
		for i := s.reserved; i < len(s.names); i++ {
			if n := s.names[i]; n == name || CompareLower(n, name) == 0 {
				return int32(i), false
			}
		}
		if len(s.names)-s.reserved < fewServices {
			if s.names == nil {
				s.names = make([]string, 0, fewServices)
			}
			s.names = append(s.names, name)
			return int32(len(s.names) - 1), true
		}
		s.ids = make(map[string]int32, 2*fewServices)
		for i := s.reserved; i < len(s.names); i++ {
			s.ids[strings.ToLower(s.names[i])] = int32(i)
		}
	}
	var buf [64]byte
	key := appendFold(buf[:0], name)
	if id, ok := s.ids[string(key)]; ok {
		return id, false
	}
	s.ids[string(key)] = int32(len(s.names))
	s.names = append(s.names, name)
	return int32(len(s.names) - 1), true
}
