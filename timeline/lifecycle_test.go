package timeline

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func kev(m int, k EventKind) Event { return Event{At: at(m), Kind: k} }

func TestMilestones(t *testing.T) {
	impact := []Window{win(5, 20, Degraded), win(10, 60, Major)}
	tests := []struct {
		name   string
		events []Event
		ws     []Window
		want   Lifecycle
	}{
		{"none", nil, nil, Lifecycle{}},
		{"started event wins over impact", []Event{kev(0, Started), kev(12, Detected)}, impact,
			Lifecycle{Start: at(0), Detected: at(12)}},
		{"impact start from span", []Event{kev(12, Detected), kev(15, Acknowledged), kev(40, Mitigated), kev(60, Resolved)}, impact,
			Lifecycle{Start: at(10), Detected: at(12), Acknowledged: at(15), Mitigated: at(40), Resolved: at(60)}},
		{"first of each kind, unsorted", []Event{kev(30, Detected), kev(20, Detected), kev(8, Started), kev(3, Started), kev(50, Note)}, nil,
			Lifecycle{Start: at(3), Detected: at(20)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Milestones(tt.events, tt.ws))
		})
	}
}

func TestTimeTo(t *testing.T) {
	l := Lifecycle{Start: at(10), Detected: at(12), Mitigated: at(40), Resolved: at(5)}
	tests := []struct {
		k    EventKind
		want time.Duration
		ok   bool
	}{
		{Detected, 2 * time.Minute, true},
		{Acknowledged, 0, false}, // missing: unavailable, not guessed
		{Mitigated, 30 * time.Minute, true},
		{Resolved, -5 * time.Minute, true},
		{Started, 0, true},
		{Escalated, 0, false},
		{EventUnknown, 0, false},
	}
	for _, tt := range tests {
		d, ok := l.TimeTo(tt.k)
		assert.Equal(t, tt.ok, ok, "TimeTo(%v) ok", tt.k)
		assert.Equal(t, tt.want, d, "TimeTo(%v)", tt.k)
	}
	noStart := Lifecycle{Detected: at(12), Resolved: at(30)}
	for _, k := range []EventKind{Detected, Resolved, Started} {
		_, ok := noStart.TimeTo(k)
		assert.False(t, ok, "TimeTo(%v) without Start", k)
	}
}

func TestSummarize(t *testing.T) {
	m := func(ns ...int) []time.Duration {
		var out []time.Duration
		for _, n := range ns {
			out = append(out, time.Duration(n)*time.Minute)
		}
		return out
	}
	tests := []struct {
		name string
		in   []time.Duration
		want Summary
	}{
		{"empty", nil, Summary{}},
		{"one", m(7), Summary{Count: 1, Total: 7 * time.Minute, Median: 7 * time.Minute, P90: 7 * time.Minute, Max: 7 * time.Minute}},
		{"two: nearest rank takes the lower", m(180, 60), Summary{Count: 2, Total: 240 * time.Minute, Median: 60 * time.Minute, P90: 180 * time.Minute, Max: 180 * time.Minute}},
		{"ten", m(10, 1, 9, 2, 8, 3, 7, 4, 6, 5), Summary{Count: 10, Total: 55 * time.Minute, Median: 5 * time.Minute, P90: 9 * time.Minute, Max: 10 * time.Minute}},
		{"eleven", m(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), Summary{Count: 11, Total: 66 * time.Minute, Median: 6 * time.Minute, P90: 10 * time.Minute, Max: 11 * time.Minute}},
		{"twenty", m(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20), Summary{Count: 20, Total: 210 * time.Minute, Median: 10 * time.Minute, P90: 18 * time.Minute, Max: 20 * time.Minute}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]time.Duration(nil), tt.in...)
			assert.Equal(t, tt.want, Summarize(tt.in))
			assert.Equal(t, in, tt.in, "Summarize does not modify its input")
		})
	}
	big := Summarize([]time.Duration{math.MaxInt64, math.MaxInt64})
	assert.Equal(t, time.Duration(math.MaxInt64), big.Total, "Total saturates")
}
