package statuspage_test

import (
	"fmt"
	"strings"

	"github.com/go-postmortem/postmortem/statuspage"
)

func ExampleDecode() {
	json := `{"page": {"id": "p1", "time_zone": "Etc/UTC"}, "incidents": [{
	  "id": "abc", "name": "API errors", "status": "resolved", "impact": "major",
	  "created_at": "2024-05-01T10:00:00Z", "resolved_at": "2024-05-01T10:45:00Z",
	  "incident_updates": [
	    {"status": "resolved", "body": "Fixed.", "created_at": "2024-05-01T10:45:00Z"},
	    {"status": "investigating", "body": "We are <em>looking</em>.", "created_at": "2024-05-01T10:00:00Z"}]}]}`
	incs, warnings, err := statuspage.Decode("incidents.json", strings.NewReader(json))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, inc := range incs {
		fmt.Println(inc.Title, inc.Source.ID, len(warnings))
		for _, ev := range inc.Timeline {
			fmt.Println(ev.At.Written, ev.Kind, ev.Text)
		}
		for _, o := range inc.Outages {
			fmt.Println(o.Level, o.End.Instant.Sub(o.Start.Instant))
		}
	}
	// Output:
	// API errors abc 0
	// 2024-05-01T10:00:00Z update We are _looking_.
	// 2024-05-01T10:45:00Z resolved Fixed.
	// major_outage 45m0s
}
