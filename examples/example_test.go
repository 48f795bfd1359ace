package examples_test

import (
	"fmt"
	"os"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
)

// Load an example file and print the figures of its incident: the post says Harvest and
// Forecast were unavailable from 10:50am to 12:38pm EDT, with a few minutes back up in
// between.
func Example() {
	incs, err := incident.Load(os.DirFS("."), "harvest-2016-07-26.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	var cfg timeline.Policy // Statuspage's weights
	for _, inc := range incs {
		m := inc.Metrics(cfg)
		fmt.Println(inc.Title)
		fmt.Println("span:", m.SpanStart.In(inc.Location).Format("15:04 MST"), "to", m.SpanEnd.In(inc.Location).Format("15:04 MST"), m.Span)
		fmt.Println("downtime:", m.Totals.Downtime)
		if d, ok := m.Lifecycle.TimeTo(timeline.Resolved); ok {
			fmt.Println("time to resolve:", d)
		}
	}
	// Output:
	// Harvest and Forecast outage
	// span: 10:50 EDT to 12:38 EDT 1h48m0s
	// downtime: 1h42m0s
	// time to resolve: 1h48m0s
}
