package render

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestHeadingSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Harvest and Forecast outage", "harvest-and-forecast-outage"},
		{"  Hello,  World! ", "hello-world"},
		{"2024-03-30-monday-com-outage-affecting-customer-applications-returning-errors",
			"2024-03-30-monday-com-outage-affecting-customer"},
		{"2024-03-30-monday-com-outage-affecting-customerx-applications",
			"2024-03-30-monday-com-outage-affecting-customerx"},
		{strings.Repeat("a", 60), strings.Repeat("a", 48)},
		{"ab " + strings.Repeat("c", 60), "ab"},
		{"", ""},
	}
	for _, tt := range tests {
		got := headingSlug(tt.in)
		assert.Equal(t, tt.want, got, "headingSlug(%q)", tt.in)
		assert.LessOrEqual(t, len(got), slugMax, "headingSlug(%q)", tt.in)
		assert.False(t, strings.HasSuffix(got, "-"), "headingSlug(%q) = %q", tt.in, got)
	}
}
