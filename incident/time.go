package incident

import (
	"encoding/json"
	"time"
)

// Time is an instant as a file wrote it: the instant, the zone to show it in and the text
// written. Compare instants with Instant's Equal, Before and After, never with ==.
type Time struct {
	Instant time.Time      // the instant, UTC; when !Dated, a wall clock on 0001-01-01 (only differences mean something)
	Written string         // the text the file wrote ("10:36am EDT"); "" for a time built in code
	Loc     *time.Location // the zone to show it in (the one written, else the incident's)
	Approx  bool           // reports whether the time is approximate ("10:53~", "about 10:53", approx: true)
	Dated   bool           // reports whether the date is known, so that the instant is real

	src pos // where it was written
}

// timeJSON is the JSON form of a Time.
type timeJSON struct {
	At      *string `json:"at"`      // RFC 3339 in UTC; null when undated
	Written string  `json:"written"` // as the file wrote it; "" for a time built in code
	Zone    string  `json:"zone"`    // the zone to show it in, such as "America/New_York"
	Approx  bool    `json:"approx"`
}

func (t Time) json() timeJSON {
	j := timeJSON{Written: t.Written, Zone: locOr(t.Loc).String(), Approx: t.Approx}
	if t.Dated {
		s := t.Instant.UTC().Format(time.RFC3339Nano)
		j.At = &s
	}
	return j
}

// MarshalJSON returns t as {"at", "written", "zone", "approx"}: "at" is the instant in
// RFC 3339 in UTC, or null when the time is undated (its wall clock means nothing alone);
// "written" the text the file wrote; "zone" the name of the zone to show it in; "approx"
// whether it is approximate. This is the shape of a time in `postmortem render --format json`.
func (t Time) MarshalJSON() ([]byte, error) { return json.Marshal(t.json()) }
