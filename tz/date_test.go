package tz

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestDateString checks the digit-by-digit writing of a valid date against fmt's, and that
// dates that are not real are written as fmt writes them.
func TestDateString(t *testing.T) {
	for _, d := range []Date{
		{2016, 7, 26}, {1, 1, 1}, {9999, 12, 31}, {2024, 2, 29}, {10000, 1, 2}, {-5, 3, 4},
		{2024, 1, 100}, {2024, 100, 1}, {2024, 1, -1}, {2023, 2, 29}, {0, 1, 1},
	} {
		assert.Equal(t, fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day), d.String(), "Date%v.String()", [3]int{d.Year, int(d.Month), d.Day})
	}
	assert.Equal(t, "unknown date", Date{}.String())
}
