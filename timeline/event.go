package timeline

import "time"

// Event is one entry of an incident's timeline.
type Event struct {
	At       time.Time // the instant, in UTC by convention
	Kind     EventKind // EventUnknown: none given
	State    Level     // the state its services are in from At on; LevelUnknown: no change
	Services []string  // the services State applies to; empty: the incident's services
	Text     string    // what happened, Markdown
	Approx   bool      // reports whether At is approximate ("about 10:53")
}
