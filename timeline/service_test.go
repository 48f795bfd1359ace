package timeline

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// compareByLower is what CompareServices must agree with: the order of the lowered names,
// then of the names.
func compareByLower(a, b string) int {
	if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

var serviceNames = []string{"", "a", "A", "api", "API", "Api", "APIs", "ap", "b", "B", "Z", "[", "_", "`",
	"é", "É", "e\u0301", "Σ", "σ", "ς", "İ", "i", "ı", "K", "\u212a", "ß", "ẞ", "\xff", "\xfe", "\ufffd", "\xe2\x80",
	"Ⅻ", "ⅻ", "😀", "a\x00", "Status page", "status Page", "Storage", "storage2"}

func TestCompareServices(t *testing.T) {
	for _, a := range serviceNames {
		for _, b := range serviceNames {
			assert.Equal(t, compareByLower(a, b), CompareServices(a, b), "CompareServices(%q, %q)", a, b)
		}
		assert.Equal(t, strings.ToLower(a), string(appendFold(nil, a)), "appendFold(%q)", a)
	}
}

func FuzzCompareServices(f *testing.F) {
	for i, a := range serviceNames {
		f.Add(a, serviceNames[(i+1)%len(serviceNames)])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := CompareServices(a, b), compareByLower(a, b); got != want {
			t.Errorf("CompareServices(%q, %q) = %d, want %d", a, b, got, want)
		}
		if got, want := string(appendFold([]byte("x"), a)), "x"+strings.ToLower(a); got != want {
			t.Errorf("appendFold(%q) = %q, want %q", a, got, want)
		}
	})
}

func TestServiceIDs(t *testing.T) {
	// Past fewServices names the ids come from a map: the same ids as before it.
	var pool []string
	for i := range 3 * fewServices {
		n := "Service " + string(rune('A'+i))
		pool = append(pool, n, strings.ToLower(n), strings.ToUpper(n))
	}
	pool = append(pool, serviceNames...)
	for _, reserve := range []bool{false, true} {
		var s serviceIDs
		want := map[string]int32{}
		next := int32(0)
		if reserve {
			assert.Equal(t, int32(0), s.reserve())
			next = 1
		}
		for i := range 4 * len(pool) {
			name := pool[(i*7)%len(pool)]
			id, added := s.id(name)
			w, ok := want[strings.ToLower(name)]
			if !ok {
				w, want[strings.ToLower(name)] = next, next
				next++
			}
			assert.Equal(t, w, id, "id(%q)", name)
			assert.Equal(t, !ok, added, "id(%q) added", name)
		}
		assert.Len(t, s.names, int(next))
		if reserve {
			assert.Equal(t, "", s.names[0])
		}
	}
}
