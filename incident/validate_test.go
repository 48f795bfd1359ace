package incident

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// problem is "line:path: sentinel" of a validation problem, as the tables below write them.
func problems(t *testing.T, list ErrorList) []string {
	t.Helper()
	var out []string
	for _, e := range list {
		name := "other(" + e.Error() + ")"
		for _, s := range []struct {
			name string
			err  error
		}{
			{"ErrEndBeforeStart", ErrEndBeforeStart}, {"ErrOrder", ErrOrder}, {"ErrNoSchedule", ErrNoSchedule},
			{"ErrNoOwner", ErrNoOwner}, {"ErrDueEarly", ErrDueEarly}, {"ErrUndated", ErrUndated},
			{"ErrUnknownService", ErrUnknownService}, {"ErrInvalid", ErrInvalid}, {"tz.ErrDSTMismatch", tz.ErrDSTMismatch},
		} {
			if errors.Is(e, s.err) {
				name = s.name
				break
			}
		}
		out = append(out, strings.Join([]string{itoa(e.Line), e.Path, name}, ":"))
	}
	return out
}

func itoa(i int) string {
	if i == 0 {
		return "-"
	}
	return strconv.Itoa(i)
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name        string
		src         []byte
		errs, warns []string
	}{
		{"clean", doc("title: x", "date: 2020-01-01", "timeline:", "  - {at: '10:00', kind: started, state: major}", "  - {at: '11:00', kind: resolved, state: ok}"), nil, nil},
		{"outage end before start", doc("title: x", "date: 2020-01-01", "outages:", "  - start: 2020-01-01 11:00", "    end: 2020-01-01 10:00"),
			[]string{"5:outages[0].end:ErrEndBeforeStart"}, nil},
		{"scheduled end before start", doc("title: x", "kind: maintenance", "date: 2020-01-01", "scheduled:", "  start: 2020-01-02 09:00", "  end: 2020-01-01 12:00"),
			[]string{"6:scheduled.end:ErrEndBeforeStart"}, nil},
		{"resolved before started", doc("title: x", "date: 2020-01-01", "timeline:", "  - {at: '10:00', kind: resolved}", "  - {at: '11:00', kind: started}"),
			[]string{"4:timeline[0]:ErrOrder"}, nil},
		{"maintenance without window", doc("title: x", "kind: maintenance", "date: 2020-01-01"),
			[]string{"2:kind:ErrNoSchedule"}, nil},
		{"maintenance with window", doc("title: x", "kind: maintenance", "date: 2020-01-01", "scheduled: 9am-noon"), nil, nil},
		{"action items", doc("title: x", "date: 2020-01-10", "action_items:", "  - {text: a, owner: ops}", "  - {text: b}", "  - text: c", "    owner: ops", "    due: 2020-01-09"),
			nil, []string{"5:action_items[1]:ErrNoOwner", "8:action_items[2].due:ErrDueEarly"}},
		{"undated", doc("title: x", "timezone: America/Los_Angeles", "timeline:", "  - {at: '10:50', state: major}", "  - {at: '11:20~', state: ok}"),
			nil, []string{"1:title:ErrUndated"}},
		{"mixed dated and undated", doc("title: x", "timeline:", "  - {at: '10:50'}", "  - {at: '2020-01-01 11:20'}"),
			[]string{"3:timeline[0].at:ErrOrder"}, nil},
		{"unknown service", doc("title: x", "date: 2020-01-01", "services: [A]", "timeline:", "  - {at: '10:00', services: [a, B]}"),
			nil, []string{"5:timeline[0].services[1]:ErrUnknownService"}},
		// A service is its name in lower case, as Metrics counts it: "ſtorage" lowers to
		// itself, so it is not Storage (though strings.EqualFold folds the two together).
		{"service by its lower case", doc("title: x", "date: 2020-01-01", "services: [Storage, Ünits]", "timeline:", "  - {at: '10:00', services: [STORAGE, üNITS, ſtorage]}"),
			nil, []string{"5:timeline[0].services[2]:ErrUnknownService"}},
		{"DST half", doc("title: x", "date: 2021-07-01", "timezone: America/Los_Angeles", "timeline:", "  - at: '12:30 PST'", "  - at: '12:40 PDT'"),
			nil, []string{"5:timeline[0].at:tz.ErrDSTMismatch"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			incs, err := Parse("f.yaml", tt.src)
			require.NoError(t, err)
			require.Len(t, incs, 1)
			errs, warns := Validate(incs[0])
			assert.Equal(t, tt.errs, problems(t, errs), "Validate errors = %v", errs)
			assert.Equal(t, tt.warns, problems(t, warns), "Validate warnings = %v", warns)
			for _, w := range warns {
				assert.True(t, w.Warning)
				assert.Equal(t, "f.yaml", w.File)
			}
			for _, e := range errs {
				assert.False(t, e.Warning)
			}
		})
	}
}

func TestValidateAfterParseErrors(t *testing.T) {
	incs, err := Parse("f.yaml", doc("title: x", "kind: maintenance", "date: 2020-01-01", "scheduled: {start: '25:00', end: '26:00'}"))
	require.Error(t, err)
	require.Len(t, incs, 1, "Parse returns what it could read")
	errs, _ := Validate(incs[0])
	assert.Empty(t, errs, "a scheduled window in error is not also missing")
}

func TestValidateBuilt(t *testing.T) {
	at := func(h int) Time {
		return Time{Instant: time.Date(2020, 1, 1, h, 0, 0, 0, time.UTC), Loc: time.UTC, Dated: true}
	}
	inc := &Incident{
		Title: "built", Kind: KindIncident, Date: tz.Date{Year: 2020, Month: 1, Day: 1}, Location: time.UTC,
		Timeline: []Event{{At: at(11), State: timeline.Major}, {At: at(10), State: timeline.Operational}},
		Outages:  []Outage{{Start: at(12), End: at(11), Level: timeline.Major}},
	}
	errs, warns := Validate(inc)
	assert.Equal(t, []string{"-:outages[0].end:ErrEndBeforeStart", "-:timeline[1]:ErrOrder"}, problems(t, errs))
	assert.Empty(t, warns)
	assert.Equal(t, "outages[0].end: outage ends at 2020-01-01T11:00:00Z, before it starts at 2020-01-01T12:00:00Z; swap them or fix the date [end-before-start]", errs[0].Error())
}
