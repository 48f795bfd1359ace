package render

import (
	"errors"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
)

// Document is the data a template receives: one document that covers one or more incidents,
// or a "what time is that for you" conversion. See the package documentation.
type Document struct {
	Title     string // the incident's title; several incidents' titles joined with "; "
	Lang      string // the language of the text, "en"
	Fragment  bool   // reports whether to write a fragment to embed rather than a full page (HTML)
	Incidents []View // in the order given; empty for a conversion

	// Convert is the conversion table of ConvertMarkdown and ConvertHTML; nil otherwise.
	Convert *Converter

	// FrontMatter is the YAML front matter (with its "---" lines) when the Printer asks for
	// it in Markdown, else "".
	FrontMatter string

	// CSP, Style and Script are the HTML page's Content-Security-Policy meta element, inline
	// style element and inline script element. They are constant and trusted; the policy
	// allows exactly this style and this script and nothing else (no request of any kind).
	CSP, Style, Script template.HTML

	sink *sink
}

// View is one incident ready for display. Text that may hold Markdown is a Text; every other
// string is plain text, to be escaped by the template (html/template does; in Markdown,
// pipe it through the "md" or "cell" function).
type View struct {
	ID          string   // the UUID
	Anchor      string   // prefix of the element ids of this incident, "" when the document has one incident
	Title       string   // never empty: "Untitled incident" when the file has none
	Slug        string   //
	Kind        string   // "incident" or "maintenance"
	Maintenance bool     // reports whether Kind is "maintenance"
	Severity    string   //
	Status      string   // "investigating", "identified", "monitoring", "resolved" or ""
	Services    []string //
	Authors     []string //
	Date        string   // "2016-07-26", "" when undated
	Published   string   // "2016-07-27", ""
	Zone        string   // the IANA zone the incident is written in, "UTC" when none
	Dated       bool     // reports whether instants are real; false: clock times only, no UTC

	// Level is the heading level of the incident's title (1, or 2 when the document covers
	// several incidents); its sections use Level+1 and their parts Level+2.
	Level int

	Summary, Impact Text
	Figures         []Figure // computed impact figures, in a fixed order
	ImpactStart     *Instant // when the impact began (the started event, else the outage span's start); times to detect etc. count from it
	Outages         []Span   // the merged outage windows (levels other than operational)

	Window    *Span      // the announced window of a maintenance, nil when none
	Converter *Converter // the maintenance window in the default zones, nil when the window is undated

	Timeline      []Entry
	TimelineDates bool // reports whether the timeline crosses midnight (entries then show dates)

	sink *sink // the output while a Printer executes a template; see TimelineRows

	RootCauses                     []Cause
	Trigger, Detection, Resolution Text
	ContributingFactors            []Cause
	WentWell, WentWrong, Lucky     []Text
	ActionItems                    []Action
	ActionColumns                  ActionColumns
	Links                          []Link
}

// HasLessons reports whether v has any lesson.
func (v View) HasLessons() bool { return len(v.WentWell)+len(v.WentWrong)+len(v.Lucky) > 0 }

// Text is a field written in Markdown.
type Text struct {
	// Markdown is the source, cleaned of control and bidirectional formatting characters.
	// Unless the Printer sets UnsafeHTML, raw HTML in it is escaped so that a Markdown
	// renderer downstream shows it as text.
	Markdown string
	// HTML is Markdown converted by the shared goldmark: raw HTML shows as text unless
	// UnsafeHTML, links other than http, https, mailto and relative ones lose their link,
	// images become links. Set only when rendering HTML.
	HTML template.HTML
}

// IsZero reports whether the text is empty.
func (t Text) IsZero() bool { return strings.TrimSpace(t.Markdown) == "" }

// Instant is a point in time as the document shows it.
type Instant struct {
	Time   time.Time // in the incident's zone (or the zone it was written in); wall clock only when !Dated
	Dated  bool      // reports whether the date is known, so that Time is a real instant
	Approx bool      // reports whether the time is approximate
	Clock  string    // "10:36", "about 10:53"
	Zone   string    // "EDT"; "Los Angeles time" when undated
	UTC    string    // "14:36 UTC", "" when undated or the zone is UTC
	Date   string    // "Tue 26 Jul 2016" in the incident's zone, "" when undated
	UTCDay string    // "Wed 27 Jul", set only when the UTC date differs from Date
	ISO    string    // "2016-07-26T14:36:00Z" for <time datetime>, "" when undated
	Day    string    // "2016-07-26": Date as ISO 8601, "" when undated
}

// Local returns "10:36 EDT" or "about 10:53 EDT".
func (i Instant) Local() string { return i.Clock + " " + i.Zone }

// String returns the instant as the document shows it: "10:36 EDT · 14:36 UTC".
func (i Instant) String() string {
	s := i.Local()
	if i.UTC != "" {
		s += " · " + i.UTC
	}
	return s
}

// Span is a half-open interval [Start, End), with the level of an outage window.
type Span struct {
	Start, End Instant
	Length     string   // "1 h 48 min"
	Level      string   // "major outage"; "" for a maintenance window
	Class      string   // "major_outage", the level's name in files
	Services   []string //
}

// Figure is one computed figure of the impact.
type Figure struct {
	Label     string // "Downtime", "Time to detect"
	Value     string // "1 h 42 min", or "unavailable"
	Available bool   // reports whether the figure could be computed (else Value is "unavailable")
	Note      string // how it was computed: "major outage + 30% of partial outage"
}

// Entry is one line of the timeline.
type Entry struct {
	At       Instant
	ShowDate bool     // reports whether the entry starts a new calendar day (only when TimelineDates)
	Kind     string   // "detected", "status update", ""
	State    string   // "major outage" when the entry changes the state, else ""
	Class    string   // "major_outage", the state's name in files
	Services []string // the services the state applies to, nil: the incident's
	Text     Text
}

// Cause is a root cause or a contributing factor.
type Cause struct {
	Text     Text
	Category string
}

// Action is an action item.
type Action struct {
	Text     Text
	Kind     string // "prevent", ...
	Owner    string
	Priority string
	Due      string // "2016-08-31"
	Status   string // "open", "in progress", "done", "won't do"
	Class    string // the status's name in files ("in_progress")
	URL      string // http, https or mailto only; "" otherwise
	LinkText string // the link as written, shown when URL is "" (an unsafe or relative link)
}

// ActionColumns reports which action item columns have any value.
type ActionColumns struct {
	Kind, Owner, Priority, Due, Status, Link bool
}

// Link is a related document.
type Link struct {
	Title string // the title, else the URL
	URL   string // http, https or mailto only; "" when the link is unsafe (Title then shows it)
}

// Converter is a "what time is that for you" table.
type Converter struct {
	Start, End Instant // End zero for an instant
	Window     bool    // reports whether End is set
	Source     string  // the zone as written ("EDT", "America/New_York")
	Rows       []ConvertRow
	URL        string // tz.FixedTimeURL of Start: a page to check the conversion elsewhere
}

// ConvertRow is one zone of a Converter.
type ConvertRow struct {
	City      string // "Tokyo"
	Zone      string // "Asia/Tokyo"
	Start     string // "23:36", clock at Start
	End       string // clock at End, "" for an instant
	Date      string // "Wed 27 Jul" at Start
	EndDate   string // date at End when it differs from Date
	Abbrev    string // "JST", or the offset ("UTC+9") where the database has no abbreviation
	Offset    string // "UTC+9"
	DayShift  string // "+1 day", "-1 day", ""
	ISO       string // Start in UTC, RFC 3339
	EndISO    string // End in UTC, RFC 3339; ""
	Clock     string // "" or a note when clocks changed nearby: "clocks changed Sun 31 Mar"
	ShiftDays int    // the day shift as a number
}

// builder turns incidents into views for one output format.
type builder struct {
	p        *Printer
	html     bool
	conv     *converter
	instants map[instKey]int32 // index in cached; an Instant is too large to be a map value without an allocation each
	cached   []Instant
	sc       *scratch // where conv, instants and cached come from; see release
}

func (p *Printer) builder(html bool) *builder {
	md := safeMarkdown
	if p.UnsafeHTML {
		md = unsafeMarkdown
	}
	sc := scratchPool.Get().(*scratch)
	sc.conv.md = md
	return &builder{p: p, html: html, conv: sc.conv, instants: sc.instants, cached: sc.cached[:0], sc: sc}
}

// scratch is what a builder can reuse from one document to the next: the converter with its
// buffers and parser context, and the instant cache. Nothing a view holds points into it
// (field HTML and instants are copied out), so it goes back to scratchPool once the view
// is built.
type scratch struct {
	conv     *converter
	instants map[instKey]int32
	cached   []Instant
}

var scratchPool = sync.Pool{New: func() any { return &scratch{conv: newConverter(nil)} }}

// release hands the builder's scratch back to scratchPool; the builder must not be used
// after. Scratch grown very large by one document is left to the garbage collector.
func (b *builder) release() {
	sc := b.sc
	if sc == nil {
		return
	}
	b.sc, b.conv = nil, nil
	if sc.conv.buf.Cap() > 1<<20 || cap(b.cached) > 1<<14 {
		return
	}
	clear(b.instants)
	clear(b.cached[:cap(b.cached)]) // no Location or string kept alive by the pool
	sc.instants, sc.cached = b.instants, b.cached[:0]
	sc.conv.md = nil
	sc.conv.src = sc.conv.src[:0]
	sc.conv.ctx.resetIfSet()
	scratchPool.Put(sc)
}

// text prepares a Markdown field rendered under a heading of level base.
func (b *builder) text(s string, base int) (Text, error) {
	s = strings.TrimSpace(clean(s))
	if s == "" {
		return Text{}, nil
	}
	t := Text{Markdown: s}
	if !b.p.UnsafeHTML {
		t.Markdown = inertMarkdown(s)
	}
	if b.html {
		// Headings are nested by the goldmark transformer.
		// Raw HTML is shown as the text it is rather than dropped, so nothing written is lost.
		h, err := b.conv.toHTML(t.Markdown, base)
		if err != nil {
			return Text{}, fmt.Errorf("render: markdown: %w", err)
		}
		t.HTML = h
	} else {
		t.Markdown = shiftHeadings(t.Markdown, base)
	}
	return t, nil
}

// inline is text for a list item or a table cell: a lone paragraph loses its <p> element.
func (b *builder) inline(s string, base int) (Text, error) {
	t, err := b.text(s, base)
	if err != nil {
		return t, err
	}
	h := string(t.HTML)
	if strings.HasPrefix(h, "<p>") && strings.HasSuffix(h, "</p>") && !strings.Contains(h[len("<p>"):], "<p>") {
		t.HTML = template.HTML(h[len("<p>") : len(h)-len("</p>")])
	}
	return t, nil
}

func (b *builder) texts(ss []string, base int) ([]Text, error) {
	var out []Text
	for _, s := range ss {
		t, err := b.inline(s, base)
		if err != nil {
			return nil, err
		}
		if !t.IsZero() {
			out = append(out, t)
		}
	}
	return out, nil
}

func (b *builder) causes(cs []incident.Cause, base int) ([]Cause, error) {
	var out []Cause
	for _, c := range cs {
		t, err := b.inline(c.Text, base)
		if err != nil {
			return nil, err
		}
		if t.IsZero() {
			continue
		}
		out = append(out, Cause{Text: t, Category: oneLine(c.Category)})
	}
	return out, nil
}

func cleanList(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = oneLine(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func dateText(d tz.Date) string {
	if d.Year == 0 || d.Month == 0 || d.Day == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// zoneName is how an undated zone is shown: "Los Angeles time", "UTC".
func zoneName(loc *time.Location) string {
	if isUTC(loc) {
		return "UTC"
	}
	name := loc.String()
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	return strings.ReplaceAll(name, "_", " ") + " time"
}

// instant makes the Instant of t shown in loc (t.Loc when set, else loc).
func instant(t incident.Time, loc *time.Location) Instant {
	if t.Loc != nil {
		loc = t.Loc
	}
	if loc == nil {
		loc = time.UTC
	}
	in := Instant{Dated: t.Dated, Approx: t.Approx}
	if !t.Dated {
		in.Time = t.Instant
		in.Clock = clock(t.Instant)
		in.Zone = zoneName(loc)
	} else {
		local := t.Instant.In(loc)
		u := t.Instant.UTC()
		in.Time = local
		in.Zone = zoneAbbrev(local)
		if !fillDated(&in, local, u, !isUTC(loc) || in.Zone != "UTC") {
			in.Clock = clock(local)
			in.Date = shortDate(local, true)
			in.Day = dayKey(local)
			in.ISO = isoUTC(u)
			if !isUTC(loc) || in.Zone != "UTC" {
				in.UTC = clock(u) + " UTC"
				if dayKey(u) != in.Day {
					in.UTCDay = shortDate(u, false)
				}
			}
			if t.Approx {
				in.Clock = "about " + in.Clock
			}
		}
		return in
	}
	if t.Approx {
		in.Clock = "about " + in.Clock
	}
	return in
}

// fillDated sets the strings of a dated Instant (local in its zone, u in UTC) from one
// allocation: they are all formatted into one buffer and sliced from the string it makes.
// withUTC sets UTC and UTCDay. It reports false, setting nothing, for years outside 0-9999,
// which the time package formats instead.
func fillDated(in *Instant, local, u time.Time, withUTC bool) bool {
	y, mo, d := local.Date()
	uy, umo, ud := u.Date()
	if y < 0 || y > 9999 || uy < 0 || uy > 9999 {
		return false
	}
	var arr [128]byte
	b := arr[:0]
	clockAt := len(b)
	if in.Approx {
		b = append(b, "about "...)
	}
	b = appendClock(b, local)
	clockEnd := len(b)
	b = appendShortDate(b, local, y, mo, d, true)
	dateEnd := len(b)
	b = appendDay(b, y, mo, d)
	dayEnd := len(b)
	b = appendISO(b, u, uy, umo, ud)
	isoEnd := len(b)
	utcEnd, utcDayEnd := isoEnd, isoEnd
	if withUTC {
		b = append(appendClock(b, u), " UTC"...)
		utcEnd = len(b)
		if uy != y || umo != mo || ud != d {
			b = appendShortDate(b, u, uy, umo, ud, false)
		}
		utcDayEnd = len(b)
	}
	s := string(b)
	in.Clock = s[clockAt:clockEnd]
	in.Date = s[clockEnd:dateEnd]
	in.Day = s[dateEnd:dayEnd]
	in.ISO = s[dayEnd:isoEnd]
	in.UTC = s[isoEnd:utcEnd]
	in.UTCDay = s[utcEnd:utcDayEnd]
	return true
}

// instKey identifies an Instant for the builder's cache: window edges are mostly timeline
// instants, and formatting them twice costs.
type instKey struct {
	ns     int64
	loc    *time.Location
	approx bool
}

// instant is the package's instant, cached for dated times.
func (b *builder) instant(t incident.Time, loc *time.Location) Instant {
	if !t.Dated {
		return instant(t, loc)
	}
	if t.Loc != nil {
		loc = t.Loc
	}
	k := instKey{t.Instant.UnixNano(), loc, t.Approx}
	if i, ok := b.instants[k]; ok {
		return b.cached[i]
	}
	in := instant(t, loc)
	if b.instants == nil {
		b.instants = map[instKey]int32{}
	}
	b.instants[k] = int32(len(b.cached))
	b.cached = append(b.cached, in)
	return in
}

// dated makes the Instant of a computed instant, always dated, shown in loc.
func dated(t time.Time, loc *time.Location, approx bool) Instant {
	return instant(incident.Time{Instant: t.UTC(), Loc: loc, Dated: true, Approx: approx}, loc)
}

// headingSlug makes an element id from s: lower-case letters, digits and hyphens, at most
// slugMax bytes, cut after a whole word ("…-customer-applications", never "…-retur").
func headingSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() > slugMax {
			break
		}
	}
	out := b.String()
	if len(out) <= slugMax {
		return out
	}
	if i := strings.LastIndexByte(out[:slugMax+1], '-'); i > 0 {
		return out[:i]
	}
	return out[:slugMax] // one word longer than slugMax
}

// slugMax is the longest slug headingSlug makes.
const slugMax = 48

// view builds the View of inc, whose title has heading level level.
func (b *builder) view(inc *incident.Incident, level int, anchor string) (View, error) {
	loc := inc.Location
	if loc == nil {
		loc = time.UTC
	}
	v := View{
		ID:          inc.ID.String(),
		Anchor:      anchor,
		Title:       oneLine(inc.Title),
		Slug:        oneLine(inc.Slug),
		Kind:        kindText(inc.Kind),
		Maintenance: inc.Kind == incident.KindMaintenance,
		Severity:    oneLine(inc.Severity),
		Status:      statusText(inc.Status),
		Services:    cleanList(inc.Services),
		Authors:     cleanList(inc.Authors),
		Date:        dateText(inc.Date),
		Published:   dateText(inc.Published),
		Zone:        "UTC",
		Level:       level,
	}
	if v.Title == "" {
		v.Title = "Untitled " + v.Kind
	}
	if !isUTC(loc) {
		v.Zone = loc.String()
	}
	sec, sub := level+1, level+2
	var err error
	if v.Summary, err = b.text(inc.Summary, sec); err != nil {
		return v, err
	}
	if v.Impact, err = b.text(inc.Impact, sec); err != nil {
		return v, err
	}

	m := inc.Metrics(b.p.Config)
	if b.instants == nil {
		// Every event and most window edges are cached: size the cache once.
		b.instants = make(map[instKey]int32, len(inc.Timeline)+8)
		b.cached = make([]Instant, 0, len(inc.Timeline)+8)
	}
	v.Dated = m.Dated || inc.Date != (tz.Date{})
	for _, ev := range inc.Timeline {
		v.Dated = v.Dated || ev.At.Dated
	}
	v.Figures = figures(inc, m, b.p.Config)
	if st := m.Lifecycle.Start; !st.IsZero() && inc.Kind != incident.KindMaintenance {
		approx := false
		for _, ev := range inc.Timeline {
			if ev.At.Instant.Equal(st) {
				approx = ev.At.Approx
				break
			}
		}
		in := instant(incident.Time{Instant: st, Loc: loc, Dated: v.Dated, Approx: approx}, loc)
		v.ImpactStart = &in
	}
	if m.Dated {
		// A window edge that is an approximate time of the timeline reads "about" too.
		approx, exact := map[int64]bool{}, make(map[int64]bool, len(inc.Timeline))
		for _, ev := range inc.Timeline {
			if ev.State == timeline.LevelUnknown {
				continue
			}
			if ev.At.Approx {
				approx[ev.At.Instant.Unix()] = true
			} else {
				exact[ev.At.Instant.Unix()] = true
			}
		}
		for k := range exact {
			delete(approx, k)
		}
		v.Outages = make([]Span, 0, len(m.Windows))
		for _, w := range m.Windows {
			if w.Level == timeline.Operational || w.Level == timeline.LevelUnknown || !w.End.After(w.Start) {
				continue
			}
			v.Outages = append(v.Outages, Span{
				Start:    b.instant(incident.Time{Instant: w.Start, Loc: loc, Dated: true, Approx: approx[w.Start.Unix()]}, loc),
				End:      b.instant(incident.Time{Instant: w.End, Loc: loc, Dated: true, Approx: approx[w.End.Unix()]}, loc),
				Length:   Duration(w.End.Sub(w.Start)),
				Level:    levelText(w.Level),
				Class:    levelClass(w.Level),
				Services: cleanList(w.Services),
			})
		}
	}

	if s := inc.Scheduled; s != nil {
		win := &Span{Start: instant(s.Start, loc), End: instant(s.End, loc)}
		if d := s.End.Instant.Sub(s.Start.Instant); d > 0 {
			win.Length = Duration(d)
		}
		v.Window = win
		if s.Start.Dated && s.End.Dated {
			src := s.Start.Loc
			if src == nil {
				src = loc
			}
			c, err := b.p.converter(s.Start.Instant, s.End.Instant, src, s.Start.Written)
			if err != nil {
				return v, err
			}
			v.Converter = c
		}
	}

	days := map[string]bool{}
	v.Timeline = make([]Entry, 0, len(inc.Timeline))
	for _, ev := range inc.Timeline {
		e := Entry{
			At:       b.instant(ev.At, loc),
			Kind:     eventKindText(ev.Kind),
			State:    levelText(ev.State),
			Class:    levelClass(ev.State),
			Services: cleanList(ev.Services),
		}
		if e.Text, err = b.inline(ev.Text, sec); err != nil {
			return v, err
		}
		if e.At.Dated {
			days[e.At.Day] = true
		}
		v.Timeline = append(v.Timeline, e)
	}
	if len(days) > 1 {
		v.TimelineDates = true
		prev := ""
		for i := range v.Timeline {
			e := &v.Timeline[i]
			if e.At.Dated && e.At.Day != prev {
				e.ShowDate = true
				prev = e.At.Day
			}
		}
	}

	if v.RootCauses, err = b.causes(inc.RootCauses, sec); err != nil {
		return v, err
	}
	if v.Trigger, err = b.text(inc.Trigger, sec); err != nil {
		return v, err
	}
	if v.Detection, err = b.text(inc.Detection, sec); err != nil {
		return v, err
	}
	if v.Resolution, err = b.text(inc.Resolution, sec); err != nil {
		return v, err
	}
	if v.ContributingFactors, err = b.causes(inc.ContributingFactors, sec); err != nil {
		return v, err
	}
	if v.WentWell, err = b.texts(inc.Lessons.WentWell, sub); err != nil {
		return v, err
	}
	if v.WentWrong, err = b.texts(inc.Lessons.WentWrong, sub); err != nil {
		return v, err
	}
	if v.Lucky, err = b.texts(inc.Lessons.Lucky, sub); err != nil {
		return v, err
	}
	for _, a := range inc.ActionItems {
		t, err := b.inline(a.Text, sec)
		if err != nil {
			return v, err
		}
		ai := Action{
			Text:     t,
			Kind:     actionKindText(a.Kind),
			Owner:    oneLine(a.Owner),
			Priority: oneLine(a.Priority),
			Due:      dateText(a.Due),
			Status:   actionStatusText(a.Status),
			Class:    a.Status.String(),
		}
		if link := oneLine(a.Link); link != "" {
			if allowedURL(link, false) {
				ai.URL = link
			} else {
				ai.LinkText = link
			}
		}
		c := &v.ActionColumns
		c.Kind = c.Kind || ai.Kind != ""
		c.Owner = c.Owner || ai.Owner != ""
		c.Priority = c.Priority || ai.Priority != ""
		c.Due = c.Due || ai.Due != ""
		c.Status = c.Status || ai.Status != ""
		c.Link = c.Link || ai.URL != "" || ai.LinkText != ""
		v.ActionItems = append(v.ActionItems, ai)
	}
	for _, l := range inc.Links {
		u, title := oneLine(l.URL), oneLine(l.Title)
		lk := Link{Title: title}
		if allowedURL(u, false) {
			lk.URL = u
		}
		if lk.Title == "" {
			lk.Title = u
		}
		if lk.Title == "" {
			continue
		}
		v.Links = append(v.Links, lk)
	}
	return v, nil
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
	for _, k := range []struct {
		kind  timeline.EventKind
		label string
	}{
		{timeline.Detected, "Time to detect"},
		{timeline.Acknowledged, "Time to acknowledge"},
		{timeline.Mitigated, "Time to mitigate"},
		{timeline.Resolved, "Time to resolve"},
	} {
		d, ok := m.Lifecycle.TimeTo(k.kind)
		if ok && d < 0 {
			// The milestone came before the impact began (detected while still degraded).
			fs = append(fs, Figure{Label: k.label, Value: Duration(-d) + " before the impact began", Available: true})
			continue
		}
		add(k.label, d, ok, "")
	}
	return fs
}

func trimFloat(f float64) string {
	s := fmt.Sprintf("%.2f", f)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// converter builds the "what time is that for you" table of [start, end) (end zero: an instant).
func (p *Printer) converter(start, end time.Time, src *time.Location, written string) (*Converter, error) {
	places := p.Places
	if places == nil {
		var err error
		if places, err = tz.DefaultPlaces(); err != nil {
			return nil, fmt.Errorf("render: default zones: %w", err)
		}
	}
	if src == nil {
		src = time.UTC
	}
	c := &Converter{
		Start:  dated(start, src, false),
		Window: !end.IsZero(),
		Source: oneLine(written),
		URL:    tz.FixedTimeURL(start.UTC()),
	}
	if c.Source == "" {
		c.Source = src.String()
	}
	if c.Window {
		c.End = dated(end, src, false)
	}
	for _, r := range tz.Convert(start, end, src, places) {
		loc := r.Loc
		if loc == nil {
			loc = time.UTC
		}
		st := r.Start.In(loc)
		row := ConvertRow{
			City:      oneLine(r.City),
			Zone:      loc.String(),
			Start:     clock(st),
			Date:      shortDate(st, false),
			Abbrev:    oneLine(r.Abbrev),
			Offset:    offsetText(r.Offset),
			DayShift:  dayShiftText(r.DayShift),
			ShiftDays: r.DayShift,
			ISO:       isoUTC(st),
		}
		if row.Abbrev == "" || row.Abbrev[0] == '+' || row.Abbrev[0] == '-' {
			row.Abbrev = row.Offset
		}
		if c.Window && !r.End.IsZero() {
			en := r.End.In(loc)
			row.End = clock(en)
			row.EndISO = isoUTC(en)
			if d := shortDate(en, false); d != row.Date {
				row.EndDate = d
			}
		}
		if !r.ClockChange.IsZero() {
			row.Clock = "clocks changed " + r.ClockChange.In(loc).Format("Mon 2 Jan 15:04")
		}
		c.Rows = append(c.Rows, row)
	}
	return c, nil
}

// document builds the Document of incs.
func (b *builder) document(incs []*incident.Incident) (*Document, error) {
	if len(incs) == 0 {
		return nil, errors.New("render: no incident to render")
	}
	d := &Document{Lang: "en", Fragment: b.p.Fragment, sink: &sink{}}
	level := 1
	if len(incs) > 1 {
		level = 2
	}
	var titles []string
	seen := map[string]int{}
	for i, inc := range incs {
		if inc == nil {
			return nil, fmt.Errorf("render: incident %d is nil", i)
		}
		anchor := ""
		if len(incs) > 1 {
			anchor = headingSlug(inc.Slug)
			if anchor == "" {
				anchor = headingSlug(inc.Title)
			}
			if anchor == "" {
				anchor = "incident"
			}
			seen[anchor]++
			if n := seen[anchor]; n > 1 {
				anchor = fmt.Sprintf("%s-%d", anchor, n)
			}
			anchor += "-"
		}
		v, err := b.view(inc, level, anchor)
		if err != nil {
			return nil, err
		}
		v.sink = d.sink
		d.Incidents = append(d.Incidents, v)
		titles = append(titles, v.Title)
	}
	d.Title = strings.Join(titles, "; ")
	if d.Title == "" {
		d.Title = "Postmortem"
	}
	if b.html {
		d.CSP, d.Style, d.Script = pageCSP, pageStyle, pageScript
	} else if b.p.FrontMatter {
		d.FrontMatter = frontMatter(d, incs)
	}
	return d, nil
}

// frontMatter returns the YAML front matter of d: title, date, slug, tags and summary.
func frontMatter(d *Document, incs []*incident.Incident) string {
	var sb strings.Builder
	sb.WriteString("---\n")
	sb.WriteString("title: " + yamlQuote(d.Title) + "\n")
	date := ""
	for _, v := range d.Incidents {
		for _, s := range []string{v.Published, v.Date} {
			if s != "" {
				if s > date {
					date = s
				}
				break
			}
		}
	}
	if date != "" {
		sb.WriteString("date: " + date + "\n")
	}
	if len(d.Incidents) > 0 {
		slug := headingSlug(d.Incidents[0].Slug)
		if slug == "" {
			slug = headingSlug(d.Incidents[0].Title)
		}
		if slug != "" {
			sb.WriteString("slug: " + yamlQuote(slug) + "\n")
		}
	}
	var tags []string
	for _, v := range d.Incidents {
		tags = append(tags, v.Kind)
		tags = append(tags, v.Services...)
	}
	slices.Sort(tags)
	tags = slices.Compact(tags)
	if len(tags) > 0 {
		sb.WriteString("tags:\n")
		for _, t := range tags {
			sb.WriteString("  - " + yamlQuote(t) + "\n")
		}
	}
	if len(incs) > 0 {
		if s := summaryLine(incs[0].Summary); s != "" {
			sb.WriteString("summary: " + yamlQuote(s) + "\n")
		}
	}
	sb.WriteString("---\n\n")
	return sb.String()
}

// summaryLine is the first paragraph of a Markdown summary as one line of text.
func summaryLine(s string) string {
	s = strings.TrimSpace(clean(s))
	if i := strings.Index(s, "\n\n"); i >= 0 {
		s = s[:i]
	}
	return oneLine(s)
}
