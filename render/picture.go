package render

import (
	"bufio"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
)

// Picture is an incident's timeline drawn: one lane per service, in the incident's order,
// with a band for each of its windows; the events as markers on a line above the lanes, their
// kind shown by shape; and an axis in the incident's zone with UTC beneath (an undated incident
// gets a relative axis, T+0, T+15 min). Quiet stretches of a long incident are broken out of
// the axis rather than drawn to scale.
//
// The figure reflows rather than scales: its heights and its type are in CSS px, its
// positions along the time axis (every X and W but those of the legend's swatches) in
// percent of its width, so that a phone draws the same figure narrower with type as large
// (every other tick's labels are left out there). Inline it takes its container's width;
// as a file it is Width wide and scales as an image. Every string is plain text, escaped
// when it is written.
type Picture struct {
	ID            string // prefix of the element ids inside the figure
	Width, Height float64
	Title         string // "Timeline of Harvest and Forecast outage"
	Desc          string // the figure as text, for a screen reader
	Note          string // what the axis shows: "Times are EDT with UTC beneath."
	Dated         bool   // reports whether the axis shows real instants (false: relative to the first event)
	File          string // the link to the figure as an SVG file, set by Printer.PictureDir; ""

	PlotX, PlotEnd        float64 // the time axis runs from PlotX to PlotEnd, in percent
	EventY                float64 // the line the markers sit on
	LanesTop, LanesBottom float64
	Rows                  []AxisRow // the tick labels' rows under the lanes: local time, UTC, dates
	Lanes                 []Lane
	Markers               []Marker
	Ticks                 []Tick
	Days                  []Tick // local midnights inside the axis, drawn as day lines
	Breaks                []Break
	Scheduled             *Band // the announced window of a maintenance, over all lanes; nil
	Legend                []Key
	LegendY               float64

	mermaid string
	out     *bufio.Writer // the built-in page's writer, which SVG writes the figure into while the page is written; nil
}

// AxisRow is one row of labels under the lanes.
type AxisRow struct {
	Name string // "EDT", "UTC", ""
	Y    float64
}

// Lane is one service's row of the figure: its name above its bands.
type Lane struct {
	Name  string // the service, as written
	Label string // Name shortened to at most picNameRune runes
	NameY float64
	Y, H  float64 // the bands' top and height
	Bands []Band
}

// Band is one window of a lane, or the announced window of a maintenance.
type Band struct {
	X, W        float64
	Y, H        float64
	Class       string // the level's name in files, "major_outage"
	Pattern     string // the id of the fill pattern laid over the colour ("" for none)
	Title       string // "US accounts: major outage 03:18–03:38 EDT (07:18–07:38 UTC), 20 min"
	ApproxStart bool   // reports whether the start is approximate (drawn dashed)
	ApproxEnd   bool   // reports whether the end is approximate
	Short       bool   // reports whether the band may be drawn narrower than picBandMin px: it is then drawn that wide, from its start

	title [2]int32 // where Title lies in picturer.titles while it is built
	level timeline.Level
}

// Marker is one event on the line above the lanes.
type Marker struct {
	X, Y   float64
	Class  string // the event kind's name in files ("detected"), "note" for none
	Path   string // the shape, an SVG path centred at 0 0, to move to (X, Y)
	Approx bool   // reports whether the time is approximate (drawn dashed)
	Title  string // "10:36 EDT (14:36 UTC), detected: Harvest, Forecast degraded performance. The primary…"

	title [2]int32 // where Title lies in picturer.titles while it is built
	kind  timeline.EventKind
}

// Tick is a labelled instant of the axis.
type Tick struct {
	X      float64
	Labels []string // one per AxisRow; "" for none
	Shift  bool     // reports whether the UTC date differs from the local one here
	Anchor string   // how the labels align to X: "start" or "end" near the plot's edges, else ""
	Minor  bool     // reports whether a narrow figure leaves the tick and its time labels out (every other one)
}

// Break is a stretch of quiet time left out of the axis.
type Break struct {
	X, W  float64
	Title string // "4 d left out: no event"
}

// Key is one entry of the legend.
type Key struct {
	X, Y    float64 // X in percent: the legend has picLegendCols columns
	Class   string  // a level's class, or "mk KIND" for a marker, "approx"
	Pattern string
	Path    string // a marker's shape, centred at 0 0 (drawn at X+7, Y+5)
	Text    string
}

// Layout of the figure: heights and sizes in px, positions along the axis in percent.
const (
	picWidth      = 800.0 // the width of the figure as a file, px
	picPlotX      = 1.0   // percent
	picPlotEnd    = 99.0  // percent
	picBreakW     = 3.0   // percent
	picSegMin     = 11.0  // percent: the least width of a stretch of a broken axis
	picTickGap    = 12.5  // percent: the least distance between ticks (100 px in a file, 44 px on a phone, where every other one is shown)
	picEdge       = 8.0   // percent: tick labels this near an edge align to it
	picNameH      = 16.0  // the row of a lane's name, above its bands
	picLaneH      = 20.0
	picLanePad    = 8.0
	picRowH       = 14.0
	picMarkerR    = 5.0 // px
	picMarkerGap  = 3.4 // percent: markers nearer than this (12 px at a phone's 350) take the second row
	picBandMin    = 5   // px: the least width a band is drawn
	picPhone      = 350 // px: the narrowest width the figure is laid out for
	picNameRune   = 60  // the longest lane name, in runes
	picLegendCols = 2
	picMaxTicks   = 400 // the most ticks an axis gets, whatever its span
)

// instantOf is the instant of an incident time.
func instantOf(t incident.Time) time.Time { return t.Instant }

// serviceWindows returns the services of inc in lane order (the incident's, then those only
// its events and outages name) and the merged windows of each, from its own windows alone:
// those m, inc's metrics, computed.
func serviceWindows(inc *incident.Incident, m *incident.Metrics) ([]string, [][]timeline.Window) {
	own := make(map[string][]timeline.Window, len(m.Services))
	for _, sm := range m.Services {
		own[strings.ToLower(sm.Name)] = sm.Windows
	}
	names := serviceOrder(inc, m)
	ws := make([][]timeline.Window, len(names))
	for i, s := range names {
		ws[i] = own[strings.ToLower(s)]
	}
	if len(names) > maxLanes {
		names, ws = groupLanes(names, ws)
	}
	return names, ws
}

// maxLanes is the most services drawn one lane each. Past it, services with one history
// (the same windows, as Metrics.Services shares them) share a lane, so that a figure of 200
// services whose states change together is one lane of bands, not 200: its work and size
// follow the windows, not services × windows.
const maxLanes = 40

// groupLanes merges the lanes of services whose windows are the same slice into one lane,
// named for them ("all 200 services", "API, Web", "API, Web and 3 more"), in the order of
// each group's first service.
func groupLanes(names []string, ws [][]timeline.Window) ([]string, [][]timeline.Window) {
	type key struct {
		first *timeline.Window
		n     int
	}
	group := make(map[key]int)
	var members [][]string
	var gws [][]timeline.Window
	for i, w := range ws {
		k := key{n: len(w)}
		if len(w) > 0 {
			k.first = &w[0]
		}
		g, ok := group[k]
		if !ok {
			g = len(members)
			group[k] = g
			members = append(members, nil)
			gws = append(gws, w)
		}
		members[g] = append(members[g], names[i])
	}
	out := make([]string, len(members))
	for g, ms := range members {
		switch {
		case len(ms) == len(names):
			out[g] = "all " + strconv.Itoa(len(ms)) + " services"
		case len(ms) <= 3:
			out[g] = strings.Join(ms, ", ")
		default:
			out[g] = ms[0] + ", " + ms[1] + " and " + strconv.Itoa(len(ms)-2) + " more"
		}
	}
	return out, gws
}

// sortInstants sorts ts and drops repeated instants. Within 290 years of one another they
// are sorted as durations from the first, which costs a fraction of comparing times.
func sortInstants(ts []time.Time) []time.Time {
	lo, hi := ts[0], ts[0]
	for _, t := range ts {
		if t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	if d := hi.Sub(lo); d >= math.MaxInt64/2 || d < 0 {
		slices.SortFunc(ts, func(a, b time.Time) int { return a.Compare(b) })
		return slices.CompactFunc(ts, func(a, b time.Time) bool { return a.Equal(b) })
	}
	ds := make([]time.Duration, len(ts))
	for i, t := range ts {
		ds[i] = t.Sub(lo)
	}
	slices.Sort(ds)
	ds = slices.Compact(ds)
	ts = ts[:len(ds)]
	for i, d := range ds {
		ts[i] = lo.Add(d)
	}
	return ts
}

// scale maps instants to x, with quiet gaps broken out.
type scale struct {
	segs []segment
}

type segment struct {
	t0, t1 time.Time
	x0, x1 float64
}

func (s scale) x(t time.Time) float64 {
	for i, g := range s.segs {
		if t.Before(g.t1) || i == len(s.segs)-1 {
			if t.Before(g.t0) {
				if i == 0 {
					return g.x0
				}
				return (s.segs[i-1].x1 + g.x0) / 2 // in a break
			}
			if t.After(g.t1) {
				return g.x1
			}
			if !g.t1.After(g.t0) {
				return g.x0
			}
			return g.x0 + (g.x1-g.x0)*float64(t.Sub(g.t0))/float64(g.t1.Sub(g.t0))
		}
	}
	return picPlotX
}

// newScale spreads [t0, t1] over the plot, leaving out the gaps between consecutive points
// that are at least 12 hours and a fifth of the span long.
func newScale(t0, t1 time.Time, points []time.Time) (scale, []Break) {
	span := t1.Sub(t0)
	type gap struct{ a, b time.Time }
	var gaps []gap
	for i := 1; i < len(points); i++ {
		if d := points[i].Sub(points[i-1]); d >= 12*time.Hour && d*5 >= span {
			gaps = append(gaps, gap{points[i-1], points[i]})
		}
	}
	var kept time.Duration = span
	for _, g := range gaps {
		kept -= g.b.Sub(g.a)
	}
	margin := max(kept/25, time.Minute) // the time kept on each side of a break
	var segs []segment
	start := t0
	for _, g := range gaps {
		a, b := g.a.Add(margin), g.b.Add(-margin)
		if !b.After(a) {
			continue
		}
		segs = append(segs, segment{t0: start, t1: a})
		start = b
	}
	segs = append(segs, segment{t0: start, t1: t1})
	var shown time.Duration
	for _, g := range segs {
		shown += g.t1.Sub(g.t0)
	}
	width := picPlotEnd - picPlotX - picBreakW*float64(len(segs)-1)
	// Each stretch gets its share of the width, but at least picSegMin, so that an
	// isolated event between two breaks keeps room for its label.
	widths := make([]float64, len(segs))
	small, rest := 0.0, shown
	for i, g := range segs {
		if shown > 0 {
			widths[i] = width * float64(g.t1.Sub(g.t0)) / float64(shown)
		}
		if len(segs) > 1 && widths[i] < picSegMin {
			widths[i] = -1
			small += picSegMin
			rest -= g.t1.Sub(g.t0)
		}
	}
	for i, g := range segs {
		switch {
		case widths[i] < 0:
			widths[i] = picSegMin
		case rest > 0:
			widths[i] = (width - small) * float64(g.t1.Sub(g.t0)) / float64(rest)
		}
	}
	x := picPlotX
	var breaks []Break
	for i := range segs {
		g := &segs[i]
		if i > 0 {
			prev := segs[i-1]
			breaks = append(breaks, Break{X: round2(x), W: picBreakW,
				Title: Duration(g.t0.Sub(prev.t1)) + " left out of the axis: no event"})
			x += picBreakW
		}
		g.x0 = x
		x += widths[i]
		g.x1 = x
	}
	return scale{segs}, breaks
}

// tickSteps are the axis steps, shortest first.
var tickSteps = []time.Duration{
	time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 15 * time.Minute,
	30 * time.Minute, time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour,
	24 * time.Hour, 48 * time.Hour, 7 * 24 * time.Hour, 28 * 24 * time.Hour,
}

// tickStep is the shortest step at least picTickGap apart on sc.
func tickStep(sc scale) time.Duration {
	var shown time.Duration
	width := 0.0
	for _, g := range sc.segs {
		shown += g.t1.Sub(g.t0)
		width += g.x1 - g.x0
	}
	for _, st := range tickSteps {
		if shown <= 0 || width*float64(st)/float64(shown) >= picTickGap {
			return st
		}
	}
	// Longer than the steps: whole days, as many as keep the ticks apart.
	const day = 24 * time.Hour
	days := math.Ceil(float64(shown) * picTickGap / width / float64(day))
	return time.Duration(min(days, float64(math.MaxInt64/day))) * day
}

// wallTicks returns the instants of [t0, t1] at whole multiples of step on loc's wall clock
// (local midnights for a day or more).
func wallTicks(t0, t1 time.Time, step time.Duration, loc *time.Location) []time.Time {
	var out []time.Time
	l := t0.In(loc)
	day := time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, loc)
	if step >= 24*time.Hour {
		days := int(step / (24 * time.Hour))
		for d := 0; ; d += days {
			t := time.Date(day.Year(), day.Month(), day.Day()+d, 0, 0, 0, 0, loc)
			if t.After(t1) || len(out) > picMaxTicks {
				return out
			}
			if !t.Before(t0) {
				out = append(out, t)
			}
		}
	}
	mins := int(step / time.Minute)
	start := (l.Hour()*60 + l.Minute()) / mins * mins // the wall clock's last multiple before t0
	for d := 0; ; d++ {
		for m := start; m < 24*60; m += mins {
			t := time.Date(day.Year(), day.Month(), day.Day()+d, 0, m, 0, 0, loc)
			if t.After(t1) || len(out) > picMaxTicks {
				return out
			}
			if !t.Before(t0) && (len(out) == 0 || t.After(out[len(out)-1])) {
				out = append(out, t)
			}
		}
		start = 0
	}
}

// titlesHint is about the length of the titles and the description of inc's picture, whose
// lanes have windows.
func titlesHint(inc *incident.Incident, windows [][]timeline.Window) int {
	n := 256
	for _, ev := range inc.Timeline {
		n += 80 + min(len(ev.Text), 4*240)
	}
	for _, ws := range windows {
		n += 2 * 100 * min(len(ws), 32) // a band's title, and again in the description
		n += 100 * max(len(ws)-32, 0)
	}
	return n
}

// picturer builds pictures; it formats instants through the builder's cache.
type picturer struct {
	b     *builder
	inc   *incident.Incident
	loc   *time.Location
	pic   *Picture
	sc    scale
	t0    time.Time // the first event, T+0 of a relative axis
	days  bool      // reports whether the axis crosses a local midnight (titles then show dates)
	hatch string    // the ids of the patterns, made once
	dots  string

	// The titles and the description are written into one builder and sliced from the one
	// string it makes: a long timeline has a title per marker and band.
	titles strings.Builder
	tmp    [512]byte // where a title is formatted before it is written to titles
}

// picture draws inc, or returns nil when it has nothing to draw: no event, window or
// announced window. id prefixes the element ids.
func (b *builder) picture(inc *incident.Incident, v *View, id string) *Picture {
	loc := inc.Location
	if loc == nil {
		loc = time.UTC
	}
	names, windows := serviceWindows(inc, &v.metrics)
	var points []time.Time
	for _, ev := range inc.Timeline {
		points = append(points, instantOf(ev.At))
	}
	for _, ws := range windows {
		for _, w := range ws {
			points = append(points, w.Start, w.End)
		}
	}
	dated := v.Dated
	sched := inc.Scheduled
	if sched != nil && sched.Start.Dated == dated && sched.End.Dated == dated {
		points = append(points, instantOf(sched.Start), instantOf(sched.End))
	} else {
		sched = nil
	}
	if len(points) == 0 {
		return nil
	}
	points = sortInstants(points)
	first, last := points[0], points[len(points)-1]
	if len(names) == 0 {
		names = []string{v.Title}
		windows = [][]timeline.Window{nil}
	}

	p := &picturer{b: b, inc: inc, loc: loc, t0: first}
	if len(inc.Timeline) > 0 {
		p.t0 = instantOf(inc.Timeline[0].At)
	}
	pic := &Picture{ID: id, Width: picWidth, Title: "Timeline of " + v.Title, Dated: dated,
		PlotX: picPlotX, PlotEnd: picPlotEnd}
	p.pic = pic

	// The axis runs a little past the first and last points.
	span := last.Sub(first)
	if span < 2*time.Minute {
		mid := first.Add(span / 2)
		first, last, span = mid.Add(-time.Minute), mid.Add(time.Minute), 2*time.Minute
	}
	pad := span / 40
	var breaks []Break
	p.sc, breaks = newScale(first.Add(-pad), last.Add(pad), points)
	pic.Breaks = breaks
	p.days = p.multiDay()
	p.titles.Grow(titlesHint(inc, windows))

	// Markers, two rows of them where they crowd, under the row of the word "Events".
	pic.EventY = 12 + 2*picMarkerR + 14
	pic.Markers = make([]Marker, 0, len(inc.Timeline))
	lastX := [2]float64{math.Inf(-1), math.Inf(-1)}
	approx := map[int64]bool{}
	exact := map[int64]bool{}
	for i, ev := range inc.Timeline {
		x := round2(p.sc.x(instantOf(ev.At)))
		row := 0
		if x-lastX[0] < picMarkerGap && x-lastX[1] >= picMarkerGap {
			row = 1
		}
		lastX[row] = x
		my := pic.EventY - float64(row)*(2*picMarkerR+2)
		class := ev.Kind.String()
		if ev.Kind == timeline.EventUnknown {
			class = "note"
		}
		var in Instant
		if i < len(v.Timeline) {
			in = v.Timeline[i].At
		} else {
			in = instant(ev.At, loc)
		}
		a := p.titles.Len()
		p.titles.Write(p.appendEventTitle(p.tmp[:0], ev, in))
		pic.Markers = append(pic.Markers, Marker{X: x, Y: my, Class: class, Path: markerPath(ev.Kind),
			Approx: ev.At.Approx, kind: ev.Kind, title: [2]int32{int32(a), int32(p.titles.Len())}})
		if ev.State != timeline.LevelUnknown {
			k := instantOf(ev.At).UnixNano()
			if ev.At.Approx {
				approx[k] = true
			} else {
				exact[k] = true
			}
		}
	}
	isApprox := func(t time.Time) bool { k := t.UnixNano(); return approx[k] && !exact[k] }

	// Lanes.
	y := pic.EventY + picMarkerR + 6
	pic.LanesTop = y
	for i, name := range names {
		ln := Lane{Name: oneLine(name), NameY: y + picNameH - 4, Y: y + picNameH, H: picLaneH}
		ln.Label = shorten(ln.Name, picNameRune)
		for _, w := range windows[i] {
			if !w.End.After(w.Start) {
				continue
			}
			x0, x1 := p.sc.x(w.Start), p.sc.x(w.End)
			bd := Band{X: round2(x0), W: round2(x1 - x0), Y: ln.Y, H: picLaneH, level: w.Level,
				Class: levelClass(w.Level), Pattern: p.pattern(w.Level),
				ApproxStart: isApprox(w.Start), ApproxEnd: isApprox(w.End)}
			bd.Short = bd.W*picPhone/100 < picBandMin
			a := p.titles.Len()
			p.titles.Write(p.appendWindowTitle(p.tmp[:0], ln.Name, w, bd.ApproxStart, bd.ApproxEnd))
			bd.title = [2]int32{int32(a), int32(p.titles.Len())}
			ln.Bands = append(ln.Bands, bd)
		}
		pic.Lanes = append(pic.Lanes, ln)
		y += picNameH + picLaneH + picLanePad
	}
	pic.LanesBottom = y - picLanePad
	if sched != nil {
		x0, x1 := p.sc.x(instantOf(sched.Start)), p.sc.x(instantOf(sched.End))
		w := timeline.Window{Start: instantOf(sched.Start), End: instantOf(sched.End), Level: timeline.Maintenance}
		pic.Scheduled = &Band{X: round2(x0), W: round2(x1 - x0), Y: pic.LanesTop - 3,
			H: pic.LanesBottom - pic.LanesTop + 6, Class: "scheduled",
			Title: "Announced window: " + string(p.appendSpanLength(nil, w, sched.Start.Approx, sched.End.Approx))}
	}

	// The axis.
	y = pic.LanesBottom + 16
	p.axis(y)
	y = pic.Rows[len(pic.Rows)-1].Y + 22
	pic.LegendY = y
	y = p.legend(y)
	pic.Height = round1(y + 6)
	p.setTitles()
	return pic
}

// axis lays out the ticks and their rows of labels from y down.
func (p *picturer) axis(y float64) {
	pic := p.pic
	sc := p.sc
	t0, t1 := sc.segs[0].t0, sc.segs[len(sc.segs)-1].t1
	step := tickStep(sc)
	inBreak := func(t time.Time) bool {
		for i := 1; i < len(sc.segs); i++ {
			if t.After(sc.segs[i-1].t1) && t.Before(sc.segs[i].t0) {
				return true
			}
		}
		return false
	}
	if !pic.Dated {
		pic.Note = "The source gives no date: times are relative to the first event, T+0 at " +
			clock(p.t0) + " " + zoneName(p.loc) + "."
		pic.Rows = []AxisRow{{Name: "", Y: y}}
		first := p.t0.Add(time.Duration(math.Ceil(float64(t0.Sub(p.t0))/float64(step))) * step)
		for t := first; !t.After(t1) && len(pic.Ticks) <= picMaxTicks; t = t.Add(step) {
			if inBreak(t) {
				continue
			}
			label := "T+0"
			if d := t.Sub(p.t0); d > 0 {
				label = "T+" + Duration(d)
			} else if d < 0 {
				label = "T" + Duration(d)
			}
			pic.Ticks = append(pic.Ticks, Tick{X: round2(sc.x(t)), Labels: []string{label}})
		}
		anchor(pic.Ticks)
		return
	}
	utc := isUTC(p.loc)
	ticks := wallTicks(t0, t1, step, p.loc)
	abbrevs := []string{}
	for _, t := range ticks {
		if a := zoneAbbrev(t.In(p.loc)); !slices.Contains(abbrevs, a) {
			abbrevs = append(abbrevs, a)
		}
	}
	if len(abbrevs) == 0 {
		abbrevs = append(abbrevs, zoneAbbrev(t0.In(p.loc)))
	}
	local := strings.Join(abbrevs, "/")
	if utc {
		pic.Note = "Times are UTC."
		pic.Rows = []AxisRow{{Name: "UTC", Y: y}, {Name: "", Y: y + picRowH}}
	} else {
		pic.Note = "Times are " + local + " (" + p.loc.String() + ") with UTC beneath."
		pic.Rows = []AxisRow{{Name: local, Y: y}, {Name: "UTC", Y: y + picRowH}, {Name: "", Y: y + 2*picRowH}}
	}
	prevDay := ""
	labels := make([]string, 0, len(pic.Rows)*len(ticks)) // the ticks' labels, one backing array
	pic.Ticks = make([]Tick, 0, len(ticks)+len(sc.segs))
	for _, t := range ticks {
		if inBreak(t) {
			continue
		}
		l := t.In(p.loc)
		u := t.UTC()
		tk := Tick{X: round2(sc.x(t)), Labels: labels[len(labels) : len(labels) : len(labels)+len(pic.Rows)]}
		labels = labels[:len(labels)+len(pic.Rows)]
		lab := clock(l)
		if step >= 24*time.Hour {
			lab = shortDate(l, false)
		}
		tk.Labels = append(tk.Labels, lab)
		shiftDay := ""
		if !utc {
			if !sameDate(l, u) {
				tk.Shift = true
				// The first tick of a run of shifted ones gives the UTC date, on the row of
				// dates, where it does not crowd the times.
				if n := len(pic.Ticks); n == 0 || !pic.Ticks[n-1].Shift {
					shiftDay = "UTC " + shortDate(u, false)
				}
			}
			tk.Labels = append(tk.Labels, clock(u))
		}
		date := ""
		if d := dayKey(l); d != prevDay && step < 24*time.Hour {
			date = shortDate(l, prevDay == "")
		}
		if shiftDay != "" && date != "" {
			date += " · " + shiftDay
		} else if shiftDay != "" {
			date = shiftDay
		}
		prevDay = dayKey(l)
		tk.Labels = append(tk.Labels, date)
		pic.Ticks = append(pic.Ticks, tk)
	}
	// A stretch of the broken axis without a tick gets one at its start.
	for i, g := range sc.segs {
		has := false
		for _, tk := range pic.Ticks {
			has = has || (tk.X >= round2(g.x0) && tk.X <= round2(g.x1))
		}
		if has || (i == 0 && len(sc.segs) == 1) {
			continue
		}
		t := g.t0.Add(g.t1.Sub(g.t0) / 2)
		l := t.In(p.loc)
		lab := shortDate(l, false)
		if step < 24*time.Hour {
			lab += " " + clock(l)
		}
		tk := Tick{X: round2(sc.x(t)), Labels: []string{lab}}
		if !utc {
			tk.Labels = append(tk.Labels, clock(t.UTC()))
		}
		tk.Labels = append(tk.Labels, "")
		pic.Ticks = append(pic.Ticks, tk)
	}
	slices.SortStableFunc(pic.Ticks, func(a, b Tick) int { return cmpFloat(a.X, b.X) })
	if len(pic.Ticks) > 0 {
		// The first tick names its rows' zones: there is no column for them.
		first := pic.Ticks[0].Labels
		if step >= 24*time.Hour {
			year := strconv.Itoa(t0.In(p.loc).Year())
			if last := first[len(first)-1]; last != "" {
				year += " · " + last
			}
			first[len(first)-1] = year
		} else if utc {
			first[0] += " UTC"
		} else {
			first[0] += " " + zoneAbbrev(t0.In(p.loc))
		}
		if !utc {
			first[1] += " UTC"
		}
	}
	anchor(pic.Ticks)
	// Local midnights inside the axis.
	if step < 24*time.Hour {
		for _, t := range wallTicks(t0, t1, 24*time.Hour, p.loc) {
			if t.After(t0) && !inBreak(t) {
				pic.Days = append(pic.Days, Tick{X: round2(sc.x(t)), Labels: []string{shortDate(t.In(p.loc), false)}})
			}
		}
	}
}

// anchor aligns the labels of the ticks near the plot's edges to stay inside it, and makes
// every other tick minor.
func anchor(ticks []Tick) {
	for i := range ticks {
		ticks[i].Minor = i%2 == 1
		switch x := ticks[i].X; {
		case x < picPlotX+picEdge:
			ticks[i].Anchor = "start"
		case x > picPlotEnd-picEdge:
			ticks[i].Anchor = "end"
		}
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// legend lays out the keys of what the figure shows from y down and returns the y below them.
func (p *picturer) legend(y float64) float64 {
	pic := p.pic
	keys := make([]Key, 0, 16)
	var levels [timeline.Maintenance + 1]bool
	approx := false
	for _, ln := range pic.Lanes {
		for _, b := range ln.Bands {
			if b.level >= 0 && int(b.level) < len(levels) {
				levels[b.level] = true
			}
			approx = approx || b.ApproxStart || b.ApproxEnd
		}
	}
	for _, l := range []timeline.Level{timeline.Major, timeline.Partial, timeline.Degraded, timeline.Maintenance} {
		if levels[l] {
			keys = append(keys, Key{Class: levelClass(l), Pattern: p.pattern(l), Text: levelText(l)})
		}
	}
	keys = append(keys, Key{Class: "track", Text: "operational or no state"})
	if pic.Scheduled != nil {
		keys = append(keys, Key{Class: "scheduled", Text: "announced window"})
	}
	var kinds [timeline.Note + 1]bool // a kindless event draws as a note
	for _, m := range pic.Markers {
		approx = approx || m.Approx
		k := m.kind
		if k <= timeline.EventUnknown || k > timeline.Note {
			k = timeline.Note
		}
		kinds[k] = true
	}
	for k := timeline.Started; k <= timeline.Note; k++ {
		if kinds[k] {
			keys = append(keys, Key{Class: markerKeyClasses[k], Path: markerPath(k), Text: eventKindText(k)})
		}
	}
	if approx {
		keys = append(keys, Key{Class: "approx", Text: "approximate time"})
	}
	if len(pic.Breaks) > 0 {
		keys = append(keys, Key{Class: "break", Text: "quiet time left out"})
	}
	for i := range keys {
		keys[i].X, keys[i].Y = float64(i%picLegendCols)*100/picLegendCols, y+float64(i/picLegendCols)*18
	}
	pic.Legend = keys
	return y + float64((len(keys)-1)/picLegendCols)*18 + 14
}

// markerKeyClasses are the classes of the legend's keys of markers, by kind.
var markerKeyClasses = func() (t [timeline.Note + 1]string) {
	for k := range t {
		t[k] = "mk " + timeline.EventKind(k).String()
	}
	return t
}()

// setTitles sets the titles of the markers and bands from p.titles, and the description,
// the figure in words, written there after them.
func (p *picturer) setTitles() {
	pic := p.pic
	t := &p.titles
	d := t.Len()
	t.WriteString(pic.Note)
	for _, ln := range pic.Lanes {
		t.WriteByte(' ')
		if len(ln.Bands) == 0 {
			t.WriteString(ln.Name)
			t.WriteString(": no outage window.")
			continue
		}
		for i, bd := range ln.Bands {
			if i > 0 {
				t.WriteString("; ")
			}
			t.WriteString(t.String()[bd.title[0]:bd.title[1]])
			if i > 30 && i < len(ln.Bands)-1 {
				t.WriteString("; and ")
				t.Write(strconv.AppendInt(p.tmp[:0], int64(len(ln.Bands)-i-1), 10))
				t.WriteString(" more windows")
				break
			}
		}
		t.WriteByte('.')
	}
	all := t.String()
	pic.Desc = all[d:]
	for i := range pic.Markers {
		m := &pic.Markers[i]
		m.Title = all[m.title[0]:m.title[1]]
	}
	for _, ln := range pic.Lanes {
		for i := range ln.Bands {
			bd := &ln.Bands[i]
			bd.Title = all[bd.title[0]:bd.title[1]]
		}
	}
	p.titles = strings.Builder{}
}

// appendAbout appends s, after "about " when approx.
func appendAbout(b []byte, s string, approx bool) []byte {
	if approx {
		b = append(b, "about "...)
	}
	return append(b, s...)
}

// appendRel appends t relative to T+0: "T+0", "T+15 min", "T-2 min".
func (p *picturer) appendRel(b []byte, t time.Time) []byte {
	d := t.Sub(p.t0)
	switch {
	case d == 0:
		return append(b, "T+0"...)
	case d < 0:
		return append(append(b, 'T'), Duration(d)...)
	}
	return append(append(b, "T+"...), Duration(d)...)
}

// appendDate appends shortDate(t, false).
func appendDate(b []byte, t time.Time) []byte {
	y, mo, d := t.Date()
	if y < 0 || y > 9999 {
		return append(b, shortDate(t, false)...)
	}
	return appendShortDate(b, t, y, mo, d, false)
}

// sameDate reports whether a and b fall on one calendar date in their own locations.
func sameDate(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// appendSpan appends [start, end) as the figure's titles write it: "03:18–03:38 EDT
// (07:18–07:38 UTC)", with dates when it crosses midnight or the incident does.
func (p *picturer) appendSpan(b []byte, start, end time.Time, as, ae bool) []byte {
	if !p.pic.Dated {
		b = appendAbout(b, "", as)
		b = append(p.appendRel(b, start), "–"...)
		b = appendAbout(b, "", ae)
		b = append(p.appendRel(b, end), " ("...)
		b = appendAbout(b, "", as)
		b = append(appendClock(b, start), "–"...)
		b = appendAbout(b, "", ae)
		b = append(appendClock(b, end), ' ')
		b = append(b, zoneName(p.loc)...)
		return append(b, ')')
	}
	ls, le := start.In(p.loc), end.In(p.loc)
	days := !sameDate(ls, le) || p.days
	part := func(b []byte, x, y time.Time, zx, zy string) []byte {
		edge := func(b []byte, t time.Time, approx bool) []byte {
			b = appendAbout(b, "", approx)
			if days {
				b = append(appendDate(b, t), ' ')
			}
			return appendClock(b, t)
		}
		b = edge(b, x, as)
		if zx != zy {
			b = append(append(append(b, ' '), zx...), " – "...)
			b = edge(b, y, ae)
			return append(append(b, ' '), zy...)
		}
		if days {
			b = append(b, " – "...)
		} else {
			b = append(b, "–"...)
		}
		b = edge(b, y, ae)
		return append(append(b, ' '), zx...)
	}
	b = part(b, ls, le, zoneAbbrev(ls), zoneAbbrev(le))
	if !isUTC(p.loc) {
		b = append(b, " ("...)
		b = append(part(b, start.UTC(), end.UTC(), "UTC", "UTC"), ')')
	}
	return b
}

// appendSpanLength appends the span of w and its length: "03:18–03:38 EDT (07:18–07:38 UTC), 20 min".
func (p *picturer) appendSpanLength(b []byte, w timeline.Window, as, ae bool) []byte {
	b = append(p.appendSpan(b, w.Start, w.End, as, ae), ", "...)
	return append(b, Duration(w.End.Sub(w.Start))...)
}

// multiDay reports whether the axis crosses a local midnight.
func (p *picturer) multiDay() bool {
	sc := p.sc
	return !sameDate(sc.segs[0].t0.In(p.loc), sc.segs[len(sc.segs)-1].t1.In(p.loc))
}

// appendWindowTitle appends the title of a band: "US accounts: major outage 03:18–03:38 EDT
// (07:18–07:38 UTC), 20 min".
func (p *picturer) appendWindowTitle(b []byte, service string, w timeline.Window, as, ae bool) []byte {
	b = append(append(b, service...), ": "...)
	b = append(append(b, levelText(w.Level)...), ' ')
	return p.appendSpanLength(b, w, as, ae)
}

// appendEventTitle appends the title of a marker: when (in, as the timeline shows it), what
// kind, the state it sets, and its text.
func (p *picturer) appendEventTitle(b []byte, ev incident.Event, in Instant) []byte {
	if p.pic.Dated {
		if p.days && in.Date != "" {
			b = append(append(b, in.Date...), ' ')
		}
		b = append(append(append(b, in.Clock...), ' '), in.Zone...)
		if in.UTC != "" {
			b = append(append(append(b, " ("...), in.UTC...), ')')
		}
	} else {
		b = appendAbout(b, "", ev.At.Approx)
		b = append(p.appendRel(b, instantOf(ev.At)), " ("...)
		b = append(append(append(b, in.Clock...), ' '), in.Zone...)
		b = append(b, ')')
	}
	if k := eventKindText(ev.Kind); k != "" {
		b = append(append(b, ", "...), k...)
	}
	if ev.State != timeline.LevelUnknown {
		svcs := ev.Services
		if !slices.ContainsFunc(svcs, func(s string) bool { return oneLine(s) != "" }) {
			svcs = p.inc.Services
		}
		b = append(b, ": "...)
		n := 0
		for _, s := range svcs {
			if s = oneLine(s); s != "" {
				if n > 0 {
					b = append(b, ", "...)
				}
				b = append(b, s...)
				n++
			}
		}
		if n > 0 {
			b = append(b, ' ')
		}
		b = append(b, levelText(ev.State)...)
	}
	if txt := shorten(oneLine(clean(ev.Text)), 240); txt != "" {
		b = append(append(b, ". "...), txt...)
	}
	return b
}

// pattern is the id of the pattern laid over a level's colour, so that levels differ in
// more than hue: partial outages are hatched, maintenance dotted.
func (p *picturer) pattern(l timeline.Level) string {
	switch l {
	case timeline.Partial:
		if p.hatch == "" {
			p.hatch = p.pic.ID + "hatch"
		}
		return p.hatch
	case timeline.Maintenance:
		if p.dots == "" {
			p.dots = p.pic.ID + "dots"
		}
		return p.dots
	}
	return ""
}

// markerShapes are the shapes of the event kinds, centred at 0 0, by kind (the last for
// none); a marker moves its shape into place. Computed once: they are constant.
var markerShapes = func() (shapes [timeline.Note + 2]string) {
	for k := range shapes {
		shapes[k] = shapeAt(timeline.EventKind(k), 0, 0)
	}
	return shapes
}()

// markerPath is the shape of an event of kind k centred at 0 0.
func markerPath(k timeline.EventKind) string {
	if k < 0 || int(k) >= len(markerShapes) {
		k = timeline.EventUnknown
	}
	return markerShapes[k]
}

// shapeAt is the shape of an event of kind k centred at (x, y).
func shapeAt(k timeline.EventKind, x, y float64) string {
	r := picMarkerR
	pts := func(ps ...float64) string {
		var b strings.Builder
		for i := 0; i < len(ps); i += 2 {
			if i == 0 {
				b.WriteByte('M')
			} else {
				b.WriteByte('L')
			}
			b.WriteString(num(x + ps[i]*r))
			b.WriteByte(' ')
			b.WriteString(num(y + ps[i+1]*r))
		}
		b.WriteByte('Z')
		return b.String()
	}
	circle := func(rr float64) string {
		return "M" + num(x-rr) + " " + num(y) + "a" + num(rr) + " " + num(rr) + " 0 1 0 " + num(2*rr) + " 0a" + num(rr) + " " + num(rr) + " 0 1 0 " + num(-2*rr) + " 0Z"
	}
	switch k {
	case timeline.Started:
		return pts(-0.8, -1, 1, 0, -0.8, 1)
	case timeline.Detected:
		return circle(r)
	case timeline.Acknowledged:
		return pts(-0.85, -0.85, 0.85, -0.85, 0.85, 0.85, -0.85, 0.85)
	case timeline.Escalated:
		return pts(0, -1, 1, 0.8, -1, 0.8)
	case timeline.Identified:
		return pts(0, -1.1, 1.1, 0, 0, 1.1, -1.1, 0)
	case timeline.Mitigated:
		return pts(-1, -0.8, 1, -0.8, 0, 1)
	case timeline.Resolved:
		var ps []float64
		for i := range 10 {
			rr := 1.15
			if i%2 == 1 {
				rr = 0.5
			}
			a := -math.Pi/2 + float64(i)*math.Pi/5
			ps = append(ps, rr*math.Cos(a), rr*math.Sin(a))
		}
		return pts(ps...)
	case timeline.Deploy:
		// A bow tie: a hexagon read as the detected circle at the size markers are drawn.
		return pts(-1, -0.9, 1, 0.9, 1, -0.9, -1, 0.9)
	case timeline.Action:
		return pts(-0.3, -1, 0.3, -1, 0.3, -0.3, 1, -0.3, 1, 0.3, 0.3, 0.3, 0.3, 1, -0.3, 1, -0.3, 0.3, -1, 0.3, -1, -0.3, -0.3, -0.3)
	case timeline.Update:
		return pts(-1, -0.8, 1, -0.8, 1, 0.5, -0.2, 0.5, -0.7, 1, -0.6, 0.5, -1, 0.5)
	}
	return circle(r * 0.55)
}

// shorten cuts s to at most n runes, ending it with "…" when cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

func round2(f float64) float64 { return math.Round(f*100) / 100 }

func num(f float64) string { return strconv.FormatFloat(round1(f), 'f', -1, 64) }
