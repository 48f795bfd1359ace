package edit

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 3, 0},
		{"timeline", "timeline", 3, 0},
		{"timline", "timeline", 3, 1},
		{"severty", "severity", 3, 1},
		{"Chicgo", "Chicago", 3, 1},
		{"kitten", "sitting", 4, 3},
		{"kitten", "sitting", 3, 3}, // at the limit
		{"abc", "xyz", 2, 2},
		{"a", "abcdef", 3, 3}, // lengths alone rule it out
		{"flaw", "lawn", 5, 2},
	} {
		if got := Distance(tc.a, tc.b, tc.limit); got != tc.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.limit, got, tc.want)
		}
	}
}

func FuzzDistance(f *testing.F) {
	f.Add("timline", "timeline", 3)
	f.Add("", "x", 1)
	f.Fuzz(func(t *testing.T, a, b string, limit int) {
		if len(a) > 64 || len(b) > 64 || limit < 0 || limit > 100 {
			return
		}
		d := Distance(a, b, limit)
		if d < 0 || d > limit {
			t.Fatalf("Distance(%q, %q, %d) = %d, out of [0, limit]", a, b, limit, d)
		}
		if r := Distance(b, a, limit); r != d {
			t.Fatalf("Distance is not symmetric: %d vs %d for %q, %q", d, r, a, b)
		}
		if (d == 0) != (a == b && limit > 0) && limit > 0 {
			t.Fatalf("Distance(%q, %q, %d) = %d", a, b, limit, d)
		}
	})
}

func TestClosest(t *testing.T) {
	names := []string{"render", "validate", "downtime", "convert", "import", "log"}
	tests := []struct{ in, want string }{
		{"rendr", "render"},
		{"RENDER", "render"},
		{"validat", "validate"},
		{"dowtnime", "downtime"},
		{"lg", "log"},
		{"xyz", ""},
		{"", ""},
		{"statuspage", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Closest(tt.in, names), "Closest(%q)", tt.in)
	}
}
