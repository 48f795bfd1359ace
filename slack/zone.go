package slack

import (
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/tz"
)

// commonZones are zones tried beside tz.DefaultPlaces when proposing a workspace's zone,
// in order of preference after them.
var commonZones = []string{
	"America/Anchorage", "America/Phoenix", "America/Vancouver", "America/Toronto",
	"America/Halifax", "America/St_Johns", "America/Bogota", "America/Lima",
	"America/Argentina/Buenos_Aires", "America/Santiago", "Atlantic/Azores",
	"Europe/Dublin", "Europe/Lisbon", "Europe/Madrid", "Europe/Amsterdam", "Europe/Stockholm",
	"Europe/Zurich", "Europe/Warsaw", "Europe/Helsinki", "Europe/Athens", "Europe/Kyiv",
	"Europe/Istanbul", "Asia/Jerusalem", "Africa/Cairo", "Asia/Tehran", "Asia/Karachi",
	"Asia/Kathmandu", "Asia/Dhaka", "Asia/Bangkok", "Asia/Jakarta", "Asia/Ho_Chi_Minh",
	"Asia/Hong_Kong", "Asia/Taipei", "Asia/Manila", "Asia/Seoul", "Australia/Perth",
	"Australia/Adelaide", "Australia/Brisbane", "Australia/Melbourne",
}

// candidates are the zones a workspace's zone is looked for among, in order of preference.
func candidates() []*time.Location {
	var out []*time.Location
	seen := make(map[string]bool)
	add := func(loc *time.Location) {
		if loc != nil && !seen[loc.String()] {
			seen[loc.String()] = true
			out = append(out, loc)
		}
	}
	if places, err := tz.DefaultPlaces(); err == nil {
		for _, p := range places {
			add(p.Loc)
		}
	}
	add(time.UTC)
	for _, name := range commonZones {
		if loc, err := tz.Load(name); err == nil {
			add(loc)
		}
	}
	return out
}

// fits reports whether every message falls on its day file's date in loc.
func fits(recs []record, loc *time.Location) bool {
	for _, r := range recs {
		if tz.DateOf(r.ts.Time().In(loc)) != r.date {
			return false
		}
	}
	return true
}

// sameOffsets reports whether a and b have the same offset at every message.
func sameOffsets(recs []record, a, b *time.Location) bool {
	for _, r := range recs {
		t := r.ts.Time()
		_, oa := t.In(a).Zone()
		_, ob := t.In(b).Zone()
		if oa != ob {
			return false
		}
	}
	return true
}

// propose returns the zone the day files settle, or nil, with a warning either way.
func (r *reader) propose(recs []record) *time.Location {
	var groups [][]*time.Location // zones that fit, grouped by their offsets at the messages
	for _, loc := range candidates() {
		if !fits(recs, loc) {
			continue
		}
		placed := false
		for i, g := range groups {
			if sameOffsets(recs, g[0], loc) {
				groups[i] = append(g, loc)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []*time.Location{loc})
		}
	}
	switch len(groups) {
	case 0:
		r.diag("", 0, 0, incident.CodeZoneUnsettled, ErrZone, true,
			"no zone tried has every message on its day file's date: the draft is in UTC; pass --tz with the workspace's zone")
		return nil
	case 1:
		g := groups[0]
		also := ""
		if len(g) > 1 {
			also = " (as do " + names(g[1:], 4) + ", with the same offsets)"
		}
		r.diag("", 0, 0, incident.CodeZoneProposed, ErrZone, true,
			"timezone %s proposed: every message falls on its day file's date there%s; pass --tz to choose another", g[0], also)
		return g[0]
	}
	reps := make([]*time.Location, len(groups))
	for i, g := range groups {
		reps[i] = g[0]
	}
	r.diag("", 0, 0, incident.CodeZoneUnsettled, ErrZone, true,
		"%d zones with different offsets fit the day files (%s): the draft is in UTC; pass --tz with the workspace's zone", len(groups), names(reps, 5))
	return nil
}

func names(locs []*time.Location, n int) string {
	var s []string
	for i, loc := range locs {
		if i == n {
			s = append(s, "…")
			break
		}
		s = append(s, loc.String())
	}
	return strings.Join(s, ", ")
}
