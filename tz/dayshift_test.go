package tz

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDayShiftText(t *testing.T) {
	for n, want := range map[int]string{0: "", 1: "+1 day", -1: "-1 day", 2: "+2 days", -2: "-2 days"} {
		assert.Equal(t, want, DayShiftText(n), "DayShiftText(%d)", n)
	}
}
