package tz

import (
	"fmt"
	"time"
)

// Date is a calendar date without a zone. The zero Date means unknown.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// String returns d as "2006-01-02", or "unknown date" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return "unknown date"
	}
	if !d.Valid() {
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	// Digit by digit: an incident's derived slug writes its date, once per file read.
	y, m := d.Year, int(d.Month)
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d.Day/10), byte('0' + d.Day%10)}
	return string(b[:])
}

// IsZero reports whether d is the zero Date (unknown).
func (d Date) IsZero() bool { return d.Year == 0 && d.Month == 0 && d.Day == 0 }

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Valid reports whether d is a real calendar date (years 1 to 9999).
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return d.Day <= daysIn(d.Month, d.Year)
}

// Weekday returns the day of the week of d; d must be Valid.
func (d Date) Weekday() time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// AddDays returns d moved by n calendar days.
func (d Date) AddDays(n int) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC))
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 12, 0, 0, 0, time.UTC).Day()
}
