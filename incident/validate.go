package incident

import (
	"errors"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
)

// Validate checks how the values of inc fit together and returns its problems, errors and
// warnings apart, each sorted by position (incidents built in code, which have no positions,
// get the field path alone). It does not repeat the errors Parse returned, nor judge again
// a field that Parse could not read (a maintenance whose scheduled window is in error is not
// also "without a scheduled window").
//
// Errors (each wrapping the sentinel named):
//   - an outage or scheduled window that ends before it starts (ErrEndBeforeStart);
//   - an incident whose first and last instant are further apart than time.Duration
//     measures, about 292 years (ErrTooLong; see CheckSpan);
//   - a timeline out of order, which Parse never returns but code may build, a resolved event
//     before the started event, or dated and undated times mixed (ErrOrder);
//   - a maintenance without a scheduled window (ErrNoSchedule);
//   - a source without a system (ErrMissing) or whose url is not http or https (ErrInvalid);
//   - with c.Strict, every abbreviation whose daylight-saving half does not match its date
//     (tz.ErrDSTMismatch) that no ignore: acknowledges;
//   - an ignore: of an incident built in code that names no code or an error's code
//     (Parse reports these for a file).
//
// Warnings:
//   - the warnings Parse found while reading times, such as an abbreviation's wrong
//     daylight-saving half (tz.ErrDSTMismatch) when not strict;
//   - an action item without an owner (ErrNoOwner) or due before the incident's date (ErrDueEarly);
//   - a service named by an event or outage but not listed in services (ErrUnknownService);
//   - an undated incident: one warning that UTC instants are not available (ErrUndated);
//   - milestones out of order (ErrOrder): a started, detected, acknowledged or mitigated
//     event after the resolved one, a detected event more than an hour before the started one,
//     a second started or detected event. Strict does not make these errors: it is about
//     abbreviations only.
//
// Every problem has its Code. A warning whose code an ignore: lists, on the incident or on
// the event, outage or action item the warning is about, is acknowledged and left out.
//
// Validate does not modify inc and is safe for concurrent use.
func (c *Config) Validate(inc *Incident) (errs, warnings ErrorList) {
	v := validator{inc: inc}
	if inc.src != nil {
		v.warns = append(v.warns, inc.src.warnings...)
	}
	v.timeline()
	v.windows()
	v.actionItems()
	v.services()
	v.source()
	if inc.src == nil {
		v.ignores()
	}
	v.warns = v.acknowledge(v.warns)
	if c != nil && c.Strict {
		warns := v.warns[:0:0]
		for _, w := range v.warns {
			if errors.Is(w, tz.ErrDSTMismatch) {
				e := *w
				e.Warning = false
				v.errs = append(v.errs, &e)
				continue
			}
			warns = append(warns, w)
		}
		v.warns = warns
	}
	v.errs.Sort()
	v.warns.Sort()
	return v.errs, v.warns
}

// acks is what the ignore: lists of an incident acknowledge.
type acks struct {
	all    []string            // the incident's
	scopes map[string][]string // an item's, by its path ("timeline[2]")
}

func newAcks(inc *Incident) acks {
	a := acks{all: inc.Ignore}
	add := func(p pos, list string, i int, codes []string) {
		if len(codes) == 0 {
			return
		}
		path := p.path
		if path == (fieldPath{}) {
			path = field(list).index(i)
		}
		if a.scopes == nil {
			a.scopes = map[string][]string{}
		}
		a.scopes[path.String()] = codes
	}
	for i, ev := range inc.Timeline {
		add(ev.pos, "timeline", i, ev.Ignore)
	}
	for i, o := range inc.Outages {
		add(o.pos, "outages", i, o.Ignore)
	}
	for i, it := range inc.ActionItems {
		add(it.pos, "action_items", i, it.Ignore)
	}
	return a
}

// has reports whether the warning w is acknowledged: by the incident, or by the event,
// outage or action item it is about.
func (a acks) has(w *ParseError) bool {
	if slices.Contains(a.all, w.Code) {
		return true
	}
	i := strings.IndexByte(w.Path, ']')
	return i >= 0 && slices.Contains(a.scopes[w.Path[:i+1]], w.Code)
}

// acknowledge returns the warnings of ws that no ignore: acknowledges.
func (v *validator) acknowledge(ws ErrorList) ErrorList {
	a := newAcks(v.inc)
	if len(a.all) == 0 && len(a.scopes) == 0 {
		return ws
	}
	out := ws[:0:0]
	for _, w := range ws {
		if !a.has(w) {
			out = append(out, w)
		}
	}
	return out
}

// ignores checks the codes of the ignore lists of an incident built in code, which Parse
// has not read.
func (v *validator) ignores() {
	inc := v.inc
	check := func(path fieldPath, codes []string) {
		for i, c := range codes {
			if err := checkIgnore(c); err != nil {
				v.at(pos{}, path.index(i), err, false)
			}
		}
	}
	check(field("ignore"), inc.Ignore)
	for i, ev := range inc.Timeline {
		check(field("timeline").index(i).join("ignore"), ev.Ignore)
	}
	for i, o := range inc.Outages {
		check(field("outages").index(i).join("ignore"), o.Ignore)
	}
	for i, a := range inc.ActionItems {
		check(field("action_items").index(i).join("ignore"), a.Ignore)
	}
}

// Validate is (*Config).Validate with the zero Config.
func Validate(inc *Incident) (errs, warnings ErrorList) {
	var c Config
	return c.Validate(inc)
}

type validator struct {
	inc   *Incident
	errs  ErrorList
	warns ErrorList
}

// at returns a *ParseError at p, or at path when p is unknown.
func (v *validator) at(p pos, path fieldPath, err error, warning bool) {
	if p.path != (fieldPath{}) {
		path = p.path
	}
	pe := &ParseError{File: v.inc.File, Line: p.line, Column: p.col, Path: path.String(), Err: err, Warning: warning, Code: codeOf(err)}
	if warning {
		v.warns = append(v.warns, pe)
	} else {
		v.errs = append(v.errs, pe)
	}
}

// failed reports whether Parse found an error under the top-level key name.
func (v *validator) failed(name string) bool {
	return v.inc.src != nil && v.inc.src.failed[name]
}

func (v *validator) key(name string) pos {
	if v.inc.src != nil {
		if p, ok := v.inc.src.key(name); ok {
			return p
		}
	}
	return pos{path: field(name)}
}

// dated reports whether the instants of inc are real.
func (inc *Incident) dated() bool {
	if !inc.Date.IsZero() {
		return true
	}
	for i := range inc.Timeline { // the times of times(), without making the list
		if !inc.Timeline[i].At.Dated {
			return false
		}
	}
	for i := range inc.Outages {
		if !inc.Outages[i].Start.Dated || !inc.Outages[i].End.Dated {
			return false
		}
	}
	if w := inc.Scheduled; w != nil {
		return w.Start.Dated && w.End.Dated
	}
	return len(inc.Timeline) > 0 || len(inc.Outages) > 0
}

func (v *validator) timeline() {
	inc := v.inc
	// Every time inc holds, in order: the events', the outages', the scheduled window's.
	n, dated := 0, 0
	var undated *Time // the first without a date
	see := func(t *Time) {
		n++
		switch {
		case t.Dated:
			dated++
		case undated == nil:
			undated = t
		}
	}
	for i := range inc.Timeline {
		see(&inc.Timeline[i].At)
	}
	for i := range inc.Outages {
		see(&inc.Outages[i].Start)
		see(&inc.Outages[i].End)
	}
	if w := inc.Scheduled; w != nil {
		see(&w.Start)
		see(&w.End)
	}
	if (n > 0 || inc.Date.IsZero()) && !v.failed("date") {
		switch {
		case dated > 0 && undated != nil:
			t := undated
			v.at(t.src, field("timeline"), errorc(CodeMixedDated, ErrOrder, "time %q has no date while others have one; write date: YYYY-MM-DD at the top so every time has one", t.Written), false)
		case dated == 0:
			v.at(v.key("title"), field("date"), errorf(ErrUndated, "incident has no date: durations are computed, but UTC times and time zone conversions are left out; add date: YYYY-MM-DD when it is known"), true)
		}
	}
	var started, resolved *Event
	for i := range inc.Timeline {
		ev := &inc.Timeline[i]
		if i > 0 && ev.At.Instant.Before(inc.Timeline[i-1].At.Instant) {
			v.at(ev.pos, field("timeline").index(i), errorf(ErrOrder, "event at %s comes before the previous one at %s; keep the timeline sorted",
				showTime(ev.At), showTime(inc.Timeline[i-1].At)), false)
		}
		switch ev.Kind {
		case timeline.Started:
			if started == nil {
				started = ev
			}
		case timeline.Resolved:
			if resolved == nil {
				resolved = ev
			}
		}
	}
	if started != nil && resolved != nil && resolved.At.Instant.Before(started.At.Instant) {
		v.at(resolved.pos, field("timeline"), errorc(CodeResolvedFirst, ErrOrder, "resolved at %s, before the incident started at %s",
			showTime(resolved.At), showTime(started.At)), false)
		return
	}
	v.milestones(started, resolved)
}

// detectedEarly is how long before the started event a detected event must be to be
// worth a warning: alerts that fire a few minutes before the impact are common.
const detectedEarly = time.Hour

// milestones warns of milestones out of order: a started, detected, acknowledged or
// mitigated event after the resolved one, a detected event hours before the started one, and
// a second started or detected event. started and resolved are the first of their kind.
func (v *validator) milestones(started, resolved *Event) {
	inc := v.inc
	var detected *Event
	for i := range inc.Timeline {
		ev := &inc.Timeline[i]
		switch ev.Kind {
		case timeline.Started, timeline.Detected, timeline.Acknowledged, timeline.Mitigated:
		default:
			continue
		}
		path := field("timeline").index(i)
		if resolved != nil && ev.At.Instant.After(resolved.At.Instant) {
			code := CodeMilestoneAfterEnd
			if ev.Kind == timeline.Started {
				code = CodeStartedAfterResolved
			}
			v.at(ev.pos, path, errorc(code, ErrOrder, "%s at %s, %s after the incident was resolved at %s; check its date and am/pm, or give it another kind",
				ev.Kind, showTime(ev.At), roundDuration(ev.At.Instant.Sub(resolved.At.Instant)), showTime(resolved.At)), true)
			continue
		}
		switch {
		case ev.Kind == timeline.Started && ev != started:
			v.at(ev.pos, path, errorc(CodeRepeatedMilestone, ErrOrder, "a second started event (%s), %s after the first (%s); an incident starts once: make the later one another kind (update, note)",
				showTime(ev.At), roundDuration(ev.At.Instant.Sub(started.At.Instant)), showTime(started.At)), true)
		case ev.Kind == timeline.Detected && detected != nil:
			// A second detection (another symptom found, another alert) is common and
			// harmless: the time to detect counts from the first.
		case ev.Kind == timeline.Detected:
			detected = ev
			if started != nil && started.At.Instant.Sub(ev.At.Instant) > detectedEarly {
				v.at(ev.pos, path, errorc(CodeDetectedEarly, ErrOrder, "detected at %s, %s before the incident started at %s; check its date and am/pm, or move started to when the impact began",
					showTime(ev.At), roundDuration(started.At.Instant.Sub(ev.At.Instant)), showTime(started.At)), true)
			}
		}
	}
}

// roundDuration returns d to the minute: "10h45m", "1h", "5m".
func roundDuration(d time.Duration) string {
	s := strings.TrimSuffix(d.Round(time.Minute).String(), "0s")
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

func showTime(t Time) string {
	if t.Written != "" {
		return `"` + strings.TrimSpace(t.Written) + `"`
	}
	if !t.Dated {
		return t.Instant.Format("15:04:05")
	}
	return t.Instant.In(locOr(t.Loc)).Format(time.RFC3339)
}

func locOr(l *time.Location) *time.Location {
	if l == nil {
		return time.UTC
	}
	return l
}

func (v *validator) windows() {
	inc := v.inc
	if err := inc.CheckSpan(); err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			v.errs = append(v.errs, pe)
		}
	}
	for i, o := range inc.Outages {
		if o.End.Instant.Before(o.Start.Instant) {
			v.at(o.End.src, field("outages").index(i).join("end"), errorf(ErrEndBeforeStart, "outage ends at %s, before it starts at %s; swap them or fix the date",
				showTime(o.End), showTime(o.Start)), false)
		}
		if o.Level == timeline.LevelUnknown || o.Level == timeline.Operational {
			v.at(o.pos, field("outages").index(i).join("level"), errorc(CodeOutageLevel, ErrInvalid, "outage at level %q counts no time; write partial_outage, major_outage, degraded_performance or under_maintenance", o.Level), true)
		}
	}
	if w := inc.Scheduled; w != nil && w.End.Instant.Before(w.Start.Instant) {
		p := w.End.src
		v.at(p, field("scheduled").join("end"), errorf(ErrEndBeforeStart, "scheduled window ends at %s, before it starts at %s", showTime(w.End), showTime(w.Start)), false)
	}
	if inc.Kind == KindMaintenance && inc.Scheduled == nil && !v.failed("scheduled") {
		v.at(v.key("kind"), field("scheduled"), errorf(ErrNoSchedule, "maintenance without a scheduled window; write the announced window as scheduled: {start: ..., end: ...}"), false)
	}
}

func (v *validator) actionItems() {
	inc := v.inc
	for i, a := range inc.ActionItems {
		if a.Owner == "" {
			v.at(a.pos, field("action_items").index(i), errorf(ErrNoOwner, "action item has no owner; add owner: (a team or person)"), true)
		}
		if !a.Due.IsZero() && !inc.Date.IsZero() && compareDate(a.Due, inc.Date) < 0 {
			p := a.duePos
			if p.path == (fieldPath{}) {
				p = a.pos
			}
			v.at(p, field("action_items").index(i).join("due"), errorf(ErrDueEarly, "due %s, before the incident's date %s", a.Due, inc.Date), true)
		}
	}
}

func compareDate(a, b tz.Date) int {
	switch {
	case a.Year != b.Year:
		return a.Year - b.Year
	case a.Month != b.Month:
		return int(a.Month) - int(b.Month)
	}
	return a.Day - b.Day
}

func (v *validator) services() {
	inc := v.inc
	if len(inc.Services) == 0 {
		return
	}
	check := func(p pos, path fieldPath, names []string) {
		for j, s := range names {
			if !slices.ContainsFunc(inc.Services, func(t string) bool { return timeline.CompareLower(s, t) == 0 }) {
				pp := p
				if pp.path != (fieldPath{}) {
					pp.path = pp.path.join("services").index(j)
				}
				v.at(pp, path.join("services").index(j), errorf(ErrUnknownService, "service %q is not listed in services (%s); add it there or fix the name",
					s, strings.Join(inc.Services, ", ")), true)
			}
		}
	}
	for i, ev := range inc.Timeline {
		check(ev.pos, field("timeline").index(i), ev.Services)
	}
	for i, o := range inc.Outages {
		check(o.pos, field("outages").index(i), o.Services)
	}
}

func (v *validator) source() {
	src := v.inc.Source
	if src == nil || v.failed("source") {
		return
	}
	p := src.pos
	p.path = fieldPath{}
	if strings.TrimSpace(src.System) == "" {
		v.at(p, field("source").join("system"), errorc(CodeMissingSystem, ErrMissing, "source without system; write system: statuspage, slack, text or the name of the system it came from"), false)
	}
	if src.URL != "" {
		if err := checkSourceURL(src.URL); err != nil {
			v.at(p, field("source").join("url"), err, false)
		}
	}
}

// CheckSpan returns an error matching ErrTooLong, a *ParseError at the time that makes the
// span too long, when the first and last instant inc records (its events, outages and
// scheduled window, in that order) are further apart than time.Duration measures (about 292
// years): every figure of such an incident would be that limit rather than its value, so
// Validate reports it and package render refuses to show it. It returns nil for an undated
// incident, whose instants are nominal.
func (inc *Incident) CheckSpan() error {
	if !inc.dated() {
		return nil
	}
	var first, last Time
	seen := false
	// check sees t, written at path unless t knows where, and returns the error when t makes
	// the span too long.
	check := func(t Time, path fieldPath) error {
		if !seen {
			first, last, seen = t, t, true
			return nil
		}
		if t.Instant.Before(first.Instant) {
			first = t
		}
		if t.Instant.After(last.Instant) {
			last = t
		}
		if d := last.Instant.Sub(first.Instant); d != math.MaxInt64 {
			return nil
		}
		p := t.src
		if p.path != (fieldPath{}) {
			path = p.path
		}
		pe := &ParseError{File: inc.File, Line: p.line, Column: p.col, Path: path.String(), Code: CodeTooLong,
			Err: errorf(ErrTooLong, "with this time the incident runs from %s to %s, longer than the 292 years a duration measures; check the year",
				first.Instant.UTC().Format(time.DateOnly), last.Instant.UTC().Format(time.DateOnly))}
		return pe
	}
	for i := range inc.Timeline {
		if err := check(inc.Timeline[i].At, field("timeline").index(i).join("at")); err != nil {
			return err
		}
	}
	for i := range inc.Outages {
		o := &inc.Outages[i]
		if err := check(o.Start, field("outages").index(i).join("start")); err != nil {
			return err
		}
		if err := check(o.End, field("outages").index(i).join("end")); err != nil {
			return err
		}
	}
	if w := inc.Scheduled; w != nil {
		if err := check(w.Start, field("scheduled").join("start")); err != nil {
			return err
		}
		if err := check(w.End, field("scheduled").join("end")); err != nil {
			return err
		}
	}
	return nil
}
