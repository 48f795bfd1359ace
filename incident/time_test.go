package incident

import (
	"encoding/json"
	"testing"

	"github.com/go-postmortem/postmortem/timeline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTimeJSON(t *testing.T) {
	incs, err := Parse("f.yaml", doc("title: x", "date: 2016-07-26", "timezone: America/New_York", "timeline:",
		"  - {at: '10:36am', kind: detected, state: major, text: Paged.}",
		"  - {at: '14:50 UTC~', services: [API], ignore: [unknown-service]}"))
	require.NoError(t, err)
	b, err := json.Marshal(incs[0].Timeline)
	require.NoError(t, err)
	assert.JSONEq(t, `[
		{"at": "2016-07-26T14:36:00Z", "written": "10:36am", "zone": "America/New_York", "approx": false,
		 "kind": "detected", "state": "major_outage", "services": null, "text": "Paged.", "ignore": []},
		{"at": "2016-07-26T14:50:00Z", "written": "14:50 UTC~", "zone": "UTC", "approx": true,
		 "kind": null, "state": null, "services": ["API"], "text": "", "ignore": ["unknown-service"]}
	]`, string(b))

	b, err = json.Marshal(incs[0].Timeline[0].At)
	require.NoError(t, err)
	assert.JSONEq(t, `{"at": "2016-07-26T14:36:00Z", "written": "10:36am", "zone": "America/New_York", "approx": false}`, string(b))
}

func TestTimeJSONUndated(t *testing.T) {
	incs, err := Parse("f.yaml", doc("title: x", "timeline:", "  - {at: '10:36', state: major}"))
	require.NoError(t, err)
	b, err := json.Marshal(incs[0].Timeline[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"at": null, "written": "10:36", "zone": "UTC", "approx": false,
		"kind": null, "state": "major_outage", "services": null, "text": "", "ignore": []}`, string(b))
}

func TestEventJSONInvalid(t *testing.T) {
	_, err := json.Marshal(Event{Kind: timeline.EventKind(99)})
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = json.Marshal(Event{State: timeline.Level(-1)})
	assert.ErrorIs(t, err, ErrInvalid)
}
