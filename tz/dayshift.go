package tz

import "fmt"

// DayShiftText formats a calendar-day difference such as Row.DayShift for a table: "" for
// none, "+1 day", "-1 day", "+2 days".
func DayShiftText(n int) string {
	switch {
	case n == 0:
		return ""
	case n == 1 || n == -1:
		return fmt.Sprintf("%+d day", n)
	}
	return fmt.Sprintf("%+d days", n)
}
