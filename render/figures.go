package render

import (
	"fmt"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
)

// Figure is one computed figure of the impact.
type Figure struct {
	Label     string // "Downtime", "Time to detect"
	Value     string // "1 h 42 min", or "unavailable"
	Available bool   // reports whether the figure could be computed (else Value is "unavailable")
	Note      string // how it was computed: "major outage + 30% of partial outage"
}

// figures computes the impact figures of inc. A figure that cannot be computed says
// "unavailable"; none is guessed.
func figures(inc *incident.Incident, m incident.Metrics, cfg timeline.Policy) []Figure {
	var fs []Figure
	add := func(label string, d time.Duration, ok bool, note string) {
		f := Figure{Label: label, Value: "unavailable", Note: note}
		if ok {
			f.Value, f.Available = Duration(d), true
			if d == 0 && label == "Downtime" {
				f.Value = "none"
			}
		}
		fs = append(fs, f)
	}
	if len(inc.Timeline) == 0 && len(inc.Outages) == 0 {
		return nil
	}
	t := m.Totals
	w := cfg.PartialWeight.Share()
	// An outage whose state change is the timeline's last event has no recorded end: its
	// length is unknown, not zero.
	openEnded := false
	if n := len(inc.Timeline); n > 0 {
		last := inc.Timeline[n-1]
		openEnded = last.State == timeline.Partial || last.State == timeline.Major
		for _, ev := range inc.Timeline[:n-1] {
			if ev.At.Instant.Equal(last.At.Instant) && ev.State != timeline.LevelUnknown && ev.State != last.State {
				openEnded = false
			}
		}
	}
	switch {
	case openEnded && t.Downtime == 0:
		fs = append(fs, Figure{Label: "Downtime", Value: "unavailable", Note: "the timeline records no end of the outage"})
	case inc.Kind != incident.KindMaintenance || t.Downtime > 0:
		note := "time at major outage"
		if t.Partial > 0 {
			note = fmt.Sprintf("major outage + %s%% of partial outage", trimFloat(w*100))
		}
		if openEnded {
			note += "; the timeline records no end of the last outage, so this is a lower bound"
		}
		add("Downtime", t.Downtime, true, note)
	}
	if m.Span > 0 {
		add("Outage span", m.Span, true, "first moment at partial outage or worse to the last one leaving it")
	}
	if t.Major > 0 {
		add("Major outage", t.Major, true, "")
	}
	if t.Partial > 0 {
		add("Partial outage", t.Partial, true, "")
	}
	if t.Degraded > 0 {
		add("Degraded performance", t.Degraded, true, "not counted as downtime")
	}
	if t.Maintenance > 0 {
		add("Under maintenance", t.Maintenance, true, "planned; not counted as downtime")
	}
	if inc.Kind == incident.KindMaintenance {
		return fs
	}
	// The impact counts from the started event, else from the first instant at partial outage
	// or worse: the outage.
	began := "the outage began"
	for _, ev := range inc.Timeline {
		if ev.Kind == timeline.Started {
			began = "the impact began"
			break
		}
	}
	for _, k := range []struct {
		kind       timeline.EventKind
		label, did string
	}{
		{timeline.Detected, "Time to detect", "detected"},
		{timeline.Acknowledged, "Time to acknowledge", "acknowledged"},
		{timeline.Mitigated, "Time to mitigate", "mitigated"},
		{timeline.Resolved, "Time to resolve", "resolved"},
	} {
		d, ok := m.Lifecycle.TimeTo(k.kind)
		switch {
		case ok && d < 0:
			// The milestone came before the impact began (detected while still degraded).
			at := m.Lifecycle.Start.Add(d)
			fs = append(fs, Figure{
				Label:     k.label,
				Value:     k.did + " " + Duration(-d) + " before " + began,
				Available: true,
				Note:      stateAt(m.Windows, at),
			})
		case ok && d == 0:
			fs = append(fs, Figure{Label: k.label, Value: "at once", Available: true})
		default:
			add(k.label, d, ok, "")
		}
	}
	return fs
}

// stateAt says in which state the services were at t, for a milestone before the impact
// began: "while degraded", "during maintenance", or "" when no window holds t.
func stateAt(ws []timeline.Window, t time.Time) string {
	worst := timeline.LevelUnknown
	for _, w := range ws {
		if !t.Before(w.Start) && t.Before(w.End) && w.Level.Worse(worst) {
			worst = w.Level
		}
	}
	switch worst {
	case timeline.Degraded:
		return "while degraded"
	case timeline.Maintenance:
		return "during maintenance"
	case timeline.Partial, timeline.Major:
		return "while at " + levelText(worst)
	}
	return ""
}

func trimFloat(f float64) string {
	s := fmt.Sprintf("%.2f", f)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
