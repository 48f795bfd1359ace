package incident

import (
	"encoding/json"

	"github.com/go-postmortem/postmortem/timeline"
)

// Event is an entry of the timeline.
type Event struct {
	At       Time
	Kind     timeline.EventKind
	State    timeline.Level
	Services []string // nil: the incident's
	Text     string   // Markdown
	Ignore   []string // codes of the warnings acknowledged on this event

	pos pos
}

// MarshalJSON returns ev as one flat object, the shape of a timeline item in
// `postmortem render --format json`: the fields of its time ("at", "written", "zone",
// "approx", see Time.MarshalJSON) and "kind" and "state" (their names, or null when none is
// given), "services" (null when the event applies to the incident's services), "text"
// (Markdown) and "ignore" (the codes of the warnings acknowledged on it; [] when none). An
// out-of-range kind or state is an error matching ErrInvalid.
func (ev Event) MarshalJSON() ([]byte, error) {
	j := struct {
		timeJSON
		Kind     *string  `json:"kind"`
		State    *string  `json:"state"`
		Services []string `json:"services"`
		Text     string   `json:"text"`
		Ignore   []string `json:"ignore"` // [] when none, as on the incident
	}{timeJSON: ev.At.json(), Services: ev.Services, Text: ev.Text, Ignore: ev.Ignore}
	if j.Ignore == nil {
		j.Ignore = []string{}
	}
	if ev.Kind != timeline.EventUnknown {
		b, err := ev.Kind.MarshalText()
		if err != nil {
			return nil, err
		}
		s := string(b)
		j.Kind = &s
	}
	if ev.State != timeline.LevelUnknown {
		b, err := ev.State.MarshalText()
		if err != nil {
			return nil, err
		}
		s := string(b)
		j.State = &s
	}
	return json.Marshal(j)
}
