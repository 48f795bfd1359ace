package tz_test

import (
	"fmt"
	"time"

	"github.com/go-postmortem/postmortem/tz"
)

func ExampleNewPlace() {
	london, err := tz.Load("Europe/London")
	if err != nil {
		fmt.Println(err)
		return
	}
	places := []tz.Place{tz.NewPlace("London", london), tz.NewPlace("UTC", nil)}
	at := time.Date(2024, 3, 31, 9, 0, 0, 0, time.UTC)
	for _, r := range tz.Convert(at, time.Time{}, nil, places) {
		fmt.Printf("%-6s %s %s, clocks changed %v\n", r.City, r.Start.Format("15:04"), r.Abbrev, !r.ClockChange.IsZero())
	}
	// Output:
	// London 10:00 BST, clocks changed true
	// UTC    09:00 UTC, clocks changed false
}
