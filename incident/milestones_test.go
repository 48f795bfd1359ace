package incident

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMilestoneOrder(t *testing.T) {
	tests := []struct {
		name   string
		events []string // "at kind"
		want   []string
	}{
		{"in order", []string{"05:40 detected", "05:45 started", "06:00 acknowledged", "06:30 mitigated", "07:00 resolved"}, nil},
		{"detected minutes before started", []string{"05:00 detected", "05:45 started", "07:00 resolved"}, nil},
		{"started after resolved (pm for am)", []string{"05:45 started", "07:00 resolved", "17:45 started"},
			[]string{"warning timeline[2] [started-after-resolved]"}},
		{"detected hours before started", []string{"02:00 detected", "05:45 started", "07:00 resolved"},
			[]string{"warning timeline[0] [detected-before-started]"}},
		{"two started", []string{"05:45 started", "06:00 started", "07:00 resolved"},
			[]string{"warning timeline[1] [repeated-milestone]"}},
		{"two detected are fine (another symptom, another alert)", []string{"05:45 started", "05:50 detected", "06:00 detected"}, nil},
		{"mitigated after resolved", []string{"05:45 started", "07:00 resolved", "08:00 mitigated"},
			[]string{"warning timeline[2] [milestone-after-resolved]"}},
		{"resolved before started is the error alone", []string{"05:45 resolved", "07:00 started"},
			[]string{"timeline[0] [resolved-before-start]"}},
		{"no started: nothing to compare", []string{"02:00 detected", "07:00 resolved"}, nil},
		{"updates after resolved are fine", []string{"05:45 started", "07:00 resolved", "08:00 update", "09:00 note"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := []string{"title: a", "date: 2020-07-01", "timeline:"}
			for _, e := range tt.events {
				at, kind, _ := strings.Cut(e, " ")
				lines = append(lines, "  - {at: '"+at+"', kind: "+kind+"}")
			}
			assert.Equal(t, tt.want, check(t, nil, doc(lines...)))
			// --strict keeps them warnings: strict is about abbreviations only.
			assert.Equal(t, tt.want, check(t, &Config{Strict: true}, doc(lines...)))
			// ignore: on the event acknowledges them.
			if len(tt.want) == 1 && strings.HasPrefix(tt.want[0], "warning ") {
				code := tt.want[0][strings.LastIndexByte(tt.want[0], '[')+1 : len(tt.want[0])-1]
				assert.Empty(t, check(t, nil, doc(append(lines, "ignore: ["+code+"]")...)))
			}
		})
	}
}

func TestMilestoneMessage(t *testing.T) {
	incs, err := Parse("f.yaml", doc("title: a", "date: 2020-07-01", "timezone: America/New_York", "timeline:",
		"  - {at: '5:45 AM', kind: started}", "  - {at: '7:00 AM', kind: resolved}", "  - {at: '5:45 PM', kind: started}"))
	require.NoError(t, err)
	_, warns := Validate(incs[0])
	require.Len(t, warns, 1)
	assert.Equal(t, `f.yaml:7:5: timeline[2]: started at "5:45 PM", 10h45m after the incident was resolved at "7:00 AM"; check its date and am/pm, or give it another kind [started-after-resolved]`, warns[0].Error())
}
