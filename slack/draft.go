package slack

import (
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/tz"
)

// draft builds the incident from the messages of ch, sorted by ts.
func (r *reader) draft(dir *directory, ch channel, recs []record) *incident.Incident {
	recs = final(recs)
	loc := r.cfg.Location
	if loc == nil && len(recs) > 0 {
		loc = r.propose(recs)
	} else if loc != nil {
		r.checkDays(recs, loc)
	}
	zone := r.cfg.Zone
	if loc == nil {
		loc, zone = time.UTC, ""
	} else if zone == "" {
		zone = loc.String()
	}
	inc := &incident.Incident{Title: strings.TrimSpace(r.cfg.Title), Kind: incident.KindIncident, Location: loc,
		Source: &incident.Source{System: "slack", ID: ch.ID, Page: r.workspace()}}
	if zone != "UTC" {
		inc.TimeZone = zone
	}
	if inc.Title == "" {
		inc.Title = "#" + ch.Name
	}
	unknown := make(map[string]int)
	empty := 0
	for _, rec := range recs {
		t := rec.ts.Time()
		if !r.cfg.Since.IsZero() && t.Before(r.cfg.Since) || !r.cfg.Until.IsZero() && !t.Before(r.cfg.Until) {
			continue
		}
		m := rec.m
		tr, known := subtypes[m.Subtype]
		if !known {
			unknown[m.Subtype]++
		}
		if tr != asEvent {
			continue
		}
		body := dir.body(m)
		if body == "" {
			empty++
			continue
		}
		at := t.Truncate(time.Second)
		inc.Timeline = append(inc.Timeline, incident.Event{
			At:   incident.Time{Instant: at, Loc: loc, Dated: true, Written: at.In(loc).Format(time.RFC3339)},
			Text: dir.author(m) + ": " + body,
		})
	}
	for _, st := range slices.Sorted(maps.Keys(unknown)) {
		r.diag(ch.Name, 0, 0, incident.CodeUnknownSubtype, ErrNotExport, true,
			"%d messages of subtype %q, which this importer does not know, are kept as events; remove those that are not", unknown[st], st)
	}
	if empty > 0 {
		r.diag(ch.Name, 0, 0, incident.CodeEmptyMessage, ErrNoMessages, true, "%d messages without text, files or attachments left out", empty)
	}
	if max := r.maxEvents(); len(inc.Timeline) > max {
		r.diag(ch.Name, 0, 0, incident.CodeTooLarge, ErrTooLarge, false,
			"channel #%s has %d messages to import, more than the %d one draft holds; import it in parts with --since and --until (message %d is at %s)",
			ch.Name, len(inc.Timeline), max, max+1, inc.Timeline[max].At.Written)
		return nil
	}
	if len(inc.Timeline) == 0 {
		clip := ""
		if !r.cfg.Since.IsZero() || !r.cfg.Until.IsZero() {
			clip = " between --since and --until"
		}
		r.diag(ch.Name, 0, 0, incident.CodeNoMessages, ErrNoMessages, false, "channel #%s has no messages%s to import", ch.Name, clip)
		return nil
	}
	inc.Date = tz.DateOf(inc.Timeline[0].At.Instant.In(loc))
	return inc
}

// final applies edits and deletions and keeps one message per ts (a thread_broadcast is in
// the export twice), in order.
func final(recs []record) []record {
	at := make(map[TS]int, len(recs))
	out := recs[:0:0]
	for _, rec := range recs {
		switch subtypes[rec.m.Subtype] {
		case edited:
			if n := rec.m.Message; n != nil {
				if ts, err := ParseTS(n.TS); err == nil {
					if i, ok := at[ts]; ok {
						m := *out[i].m
						m.Text, m.Attachments, m.Files = n.Text, n.Attachments, n.Files
						out[i].m = &m
					}
				}
			}
			continue
		case deletion:
			if ts, err := ParseTS(rec.m.DeletedTS); err == nil {
				if i, ok := at[ts]; ok {
					m := *out[i].m
					m.Subtype = "tombstone"
					out[i].m = &m
				}
			}
			continue
		}
		if i, ok := at[rec.ts]; ok {
			if out[i].m.Subtype == "" && rec.m.Subtype == "thread_broadcast" {
				out[i] = rec
			}
			continue
		}
		at[rec.ts] = len(out)
		out = append(out, rec)
	}
	return out
}

// checkDays warns when messages fall outside their day file's date in the zone given.
func (r *reader) checkDays(recs []record, loc *time.Location) {
	n := 0
	var first record
	for _, rec := range recs {
		if tz.DateOf(rec.ts.Time().In(loc)) != rec.date {
			if n == 0 {
				first = rec
			}
			n++
		}
	}
	if n > 0 {
		r.diag(first.file, first.line, first.col, incident.CodeDayMismatch, ErrZone, true,
			"%d messages fall outside their day file's date in %s (this one at %s); is that the workspace's zone?",
			n, loc, first.ts.Time().In(loc).Format(time.RFC3339))
	}
}

// workspace is the draft's source.page.
func (r *reader) workspace() string {
	if w := strings.TrimSpace(r.cfg.Workspace); w != "" {
		return w
	}
	base := path.Base(strings.ReplaceAll(r.export, `\`, "/"))
	base = strings.TrimSuffix(strings.TrimSuffix(base, ".zip"), ".ZIP")
	if base == "." || base == "/" {
		return ""
	}
	return base
}
