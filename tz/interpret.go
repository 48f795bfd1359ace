package tz

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// resolved is one form read as instants.
type resolved struct {
	start, end time.Time
	dated      bool
	hasDate    bool
	loc        *time.Location
	zone       string
	warnings   []*Error
	// for an undated form: the UTC clock (seconds in the day) when the zones
	// say it; -1 when they do not
	utcClock [2]int
	// for an end whose abbreviation has the wrong DST half: the instant the
	// abbreviation's literal offset gives, and the index of its warning
	lit     [2]time.Time
	litWarn [2]int
	litSide [2]side // what the warning was made of, to rewrite it
	litZone [2]zoneRes
	litWall [2]time.Time
}

// resolve reads f as an Expr. An abbreviation that is ambiguous in the
// Context is settled by the form's own repeat in parentheses or after a slash
// when exactly one of its readings agrees with it: "11:10 BST (10:10 UTC)" is
// British Summer Time, not Bangladesh's.
func (p *parser) resolve(f *form) (Expr, error) {
	e, err := p.resolveExpr(f)
	var amb *AmbiguousError
	if err == nil || !hasAlt(f) || !errors.As(err, &amb) {
		return e, err
	}
	var found Expr
	n := 0
	for i := range amb.Candidates {
		p.pick = &amb.Candidates[i]
		x, err2 := p.resolveExpr(f)
		if err2 != nil || n > 0 && x.Start.Equal(found.Start) && x.End.Equal(found.End) {
			continue
		}
		found, n = x, n+1
	}
	p.pick = nil
	if n == 1 {
		return found, nil
	}
	return Expr{}, err
}

// hasAlt reports whether f repeats a time in parentheses or after a slash.
func hasAlt(f *form) bool {
	for _, a := range f.alts {
		if a != nil {
			return true
		}
	}
	return false
}

func (p *parser) resolveExpr(f *form) (Expr, error) {
	p.yearWarn = nil
	r, err := p.resolveForm(f, p.ctx, true)
	if err != nil {
		return Expr{}, err
	}
	approx := f.approx
	for i, alt := range f.alts {
		if alt != nil {
			if err := p.checkAlt(f, i, &r); err != nil {
				return Expr{}, err
			}
			approx = approx || alt.approx
		}
	}
	if f.dur != 0 {
		if err := p.checkDuration(f, &r); err != nil {
			return Expr{}, err
		}
	}
	if r.dated {
		for _, t := range [2]time.Time{r.start, r.end} {
			if err := p.inRange(t); err != nil {
				return Expr{}, err
			}
		}
	}
	if p.yearWarn != nil {
		r.warnings = append(r.warnings, p.yearWarn)
	}
	e := Expr{
		Start:    r.start,
		End:      r.end,
		Approx:   approx,
		Dated:    r.dated,
		HasDate:  r.hasDate,
		Location: r.loc,
		Zone:     r.zone,
		Warnings: r.warnings,
	}
	if e.Dated {
		e.Date = DateOf(e.Start.In(e.Location))
	}
	return e, nil
}

func (p *parser) resolveForm(f *form, ctx Context, main bool) (resolved, error) {
	var r resolved
	a, b := f.sides[0], f.sides[1]
	// Dates and zones written once apply to both ends.
	endOwnDate := false
	if f.window {
		switch {
		case b.date.has && (a.date.has || !b.date.afterTime):
			// "Feb 5 11pm – Feb 6 1am", "11pm – Feb 6 1am": the end has its own date.
			endOwnDate = true
		case b.date.has:
			// "11pm – 1am on Feb 5": the date written last is the window's.
			wd := a.date
			a.date = b.date
			if wd.hasWD && !b.date.hasWD {
				a.date.hasWD, a.date.wd, a.date.wdPos = true, wd.wd, wd.wdPos
			}
		case a.date.has:
			b.date = a.date
		}
		if !a.date.has && !b.date.has {
			if a.date.hasWD && !b.date.hasWD {
				b.date = a.date
			} else if b.date.hasWD && !a.date.hasWD {
				a.date = b.date
			}
		}
		if a.zone == nil {
			a.zone = b.zone
		} else if b.zone == nil {
			b.zone = a.zone
		}
	}
	r.hasDate = a.date.has || b.date.has
	if a.zone != nil {
		r.zone = a.zone.name
	}

	d0, dated, err := p.resolveDate(a.date, ctx)
	if err != nil {
		return r, err
	}
	// "11pm to July 27th 1am" with no date known: the start is on the end's
	// date, or the day before when that puts it after the end.
	startFromEnd := false
	if !dated && endOwnDate && !a.date.hasWD {
		if d0, dated, err = p.resolveDate(b.date, ctx); err != nil {
			return r, err
		}
		startFromEnd = true
	}
	r.dated = dated
	r.loc = ctx.Location
	if r.loc == nil {
		r.loc = time.UTC
	}
	zs, err := p.resolveZone(a.zone, d0, dated, ctx)
	if err != nil {
		return r, err
	}
	if zs.loc != nil {
		r.loc = zs.loc
	}
	r.utcClock = [2]int{-1, -1}

	if !dated {
		// The wall clock on 0001-01-01, or on the day of an undated
		// ctx.After, so that a list that passes midnight keeps counting days.
		day := 1
		if ctx.After.Year() == 1 {
			day = ctx.After.YearDay()
		}
		r.start = time.Date(1, 1, day, a.tm.h, a.tm.m, a.tm.s, a.tm.ns, time.UTC)
		// The UTC clock, where the zone says it: a literal offset, or no
		// zone at all in a UTC Context.
		utcCtx := ctx.Location == nil || ctx.Location == time.UTC
		if zs.literal || a.zone == nil && utcCtx {
			r.utcClock[0] = mod(a.tm.h*3600+a.tm.m*60+a.tm.s-zs.offset, 86400)
		}
		if main && ctx.After.Year() == 1 && r.start.Before(ctx.After) {
			if !a.tm.midnight() {
				return r, p.backwards(a, ctx)
			}
			r.start = r.start.AddDate(0, 0, 1)
		}
		if f.window {
			zb, err := p.resolveZone(b.zone, Date{}, false, ctx)
			if err != nil {
				return r, err
			}
			r.end = time.Date(1, 1, day, b.tm.h, b.tm.m, b.tm.s, b.tm.ns, time.UTC)
			for r.end.Before(r.start) {
				r.end = r.end.AddDate(0, 0, 1)
			}
			if zb.literal || b.zone == nil && utcCtx {
				r.utcClock[1] = mod(b.tm.h*3600+b.tm.m*60+b.tm.s-zb.offset, 86400)
			}
		}
		return r, nil
	}

	r.start, err = p.instant(a, d0, zs, ctx)
	if err != nil {
		return r, err
	}
	if main && !a.date.has && !a.date.hasWD && !ctx.After.IsZero() {
		// A list that moves between zones ("9pm EDT", "02:00 UTC", "10:30pm"):
		// ctx.Date is the previous time's date in the previous zone, while
		// in this time's zone ctx.After may be on another day. Of the two
		// days, take the earlier reading that is not before ctx.After.
		if d2 := DateOf(ctx.After.In(r.loc)); d2 != d0 && d2.Valid() {
			if t2, err := p.instant(a, d2, zs, ctx); err == nil && !t2.Before(ctx.After) &&
				(r.start.Before(ctx.After) || t2.Before(r.start)) {
				d0, r.start = d2, t2
			}
		}
	}
	if main && !a.date.has && !ctx.After.IsZero() && r.start.Before(ctx.After) {
		if !a.tm.midnight() {
			return r, p.backwards(a, ctx)
		}
		d0 = d0.AddDays(1)
		r.start, err = p.instant(a, d0, zs, ctx)
		if err != nil {
			return r, err
		}
		if r.start.Before(ctx.After) {
			return r, p.backwards(a, ctx)
		}
	}
	if !f.window {
		return r, p.warnDST(&r, ctx, a, zs, r.start, 0)
	}

	d1 := d0
	if endOwnDate {
		if d1, _, err = p.resolveDate(b.date, ctx); err != nil {
			return r, err
		}
	}
	zb := zs
	if b.zone != a.zone {
		if zb, err = p.resolveZone(b.zone, d1, true, ctx); err != nil {
			return r, err
		}
	}
	r.end, err = p.instant(b, d1, zb, ctx)
	if err != nil {
		return r, err
	}
	if r.end.Before(r.start) && startFromEnd {
		if r.start, err = p.instant(a, d0.AddDays(-1), zs, ctx); err != nil {
			return r, err
		}
	}
	if r.end.Before(r.start) {
		if endOwnDate {
			return r, p.errf(b.tm.pos, ErrBackwards, "the window ends (%s) before it starts (%s); fix one of the dates", fmtInstant(r.end), fmtInstant(r.start))
		}
		// "11pm – 1am": the end is on the next day.
		for k := 0; k < 3 && r.end.Before(r.start); k++ {
			d1 = d1.AddDays(1)
			if r.end, err = p.instant(b, d1, zb, ctx); err != nil {
				return r, err
			}
		}
		if r.end.Before(r.start) {
			return r, p.errf(b.tm.pos, ErrBackwards, "the window ends (%s) before it starts (%s); write the dates", fmtInstant(r.end), fmtInstant(r.start))
		}
	}
	if err := p.warnDST(&r, ctx, a, zs, r.start, 0); err != nil {
		return r, err
	}
	return r, p.warnDST(&r, ctx, b, zb, r.end, 1)
}

// warnDST adds the warning for an abbreviation's wrong DST half at t to r,
// or returns it as the error when ctx.Strict.
func (p *parser) warnDST(r *resolved, ctx Context, sd side, zr zoneRes, t time.Time, i int) error {
	w, lit := p.dstMismatch(sd, zr, t, "")
	switch {
	case w == nil:
		return nil
	case ctx.Strict:
		return w
	}
	r.lit[i], r.litWarn[i] = lit, len(r.warnings)
	r.litSide[i], r.litZone[i], r.litWall[i] = sd, zr, t
	r.warnings = append(r.warnings, w)
	return nil
}

func mod(a, m int) int {
	a %= m
	if a < 0 {
		a += m
	}
	return a
}

func (p *parser) backwards(a side, ctx Context) *Error {
	clock := p.s[a.tm.pos:a.tm.end]
	next := ctx.Date
	if !next.Valid() {
		next = DateOf(ctx.After)
	}
	if next.Year <= 1 {
		return p.errf(a.tm.pos, ErrBackwards, "%s is before the previous time (%s); fix the time or put it in order", clock, fmtInstant(ctx.After))
	}
	return p.errf(a.tm.pos, ErrBackwards, "%s is before the previous time (%s); if it is on a later day, write the date with it, as in \"%s %s\"",
		clock, fmtInstant(ctx.After), next.AddDays(1), clock)
}

func fmtInstant(t time.Time) string {
	if t.Year() == 1 {
		return t.UTC().Format("15:04:05")
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// resolveDate returns the calendar date of a side and whether one is known.
func (p *parser) resolveDate(ds dateSpec, ctx Context) (Date, bool, error) {
	if !ds.has {
		if ctx.Date.IsZero() || ctx.Date.Month == 0 && ctx.Date.Day == 0 {
			if ds.hasWD {
				return Date{}, false, p.errf(ds.wdPos, ErrNoDate, "%s names a weekday but no date is known; write the date, as in \"%s, April 28th 2013\"", p.wdText(ds), p.wdText(ds))
			}
			return Date{}, false, nil
		}
		if !ctx.Date.Valid() {
			return Date{}, false, p.errf(0, ErrInvalidDate, "the context's date %s is not a calendar date", ctx.Date)
		}
		if ds.hasWD && ctx.Date.Weekday() != ds.wd {
			return Date{}, false, p.errf(ds.wdPos, ErrWeekday, "%s is a %s, not a %s; fix the weekday or write the date",
				longDate(ctx.Date), ctx.Date.Weekday(), ds.wd)
		}
		return ctx.Date, true, nil
	}
	d := Date{Year: ds.y, Month: time.Month(ds.m), Day: ds.d}
	if d.Month < 1 || d.Month > 12 {
		return Date{}, false, p.errf(ds.pos, ErrInvalidDate, "month %d does not exist; write the month first (3/30) or in words (March 30th)", ds.m)
	}
	if !ds.yearWritten {
		switch {
		case ctx.Date.Valid():
			d.Year = ctx.Date.Year
		case ds.hasWD:
			ref := ctx.Date.Year
			if ref == 0 && !ctx.After.IsZero() && ctx.After.Year() > 1 {
				ref = ctx.After.Year()
			}
			if ref == 0 {
				return Date{}, false, p.errf(ds.pos, ErrNoDate, "%s has no year and none is known; write the year, as in \"%s %d\"", p.s[ds.pos:ds.end], p.s[ds.pos:ds.end], 2013)
			}
			ys := fittingYears(d, ds.wd, ref)
			if len(ys) == 0 {
				return Date{}, false, p.errf(ds.pos, ErrWeekday, "%s %s falls on no year within 7 of %d; write the year", p.wdText(ds), p.s[ds.pos:ds.end], ref)
			}
			d.Year = ys[0]
			if len(ys) > 1 && ys[0] != ref && p.yearWarn == nil {
				others := make([]string, len(ys)-1)
				for i, y := range ys[1:] {
					others[i] = fmt.Sprint(y)
				}
				verb := "fit"
				if len(others) == 1 {
					verb = "fits"
				}
				p.yearWarn = p.errf(ds.pos, ErrYearFromWeekday, "%s %s has no year: read as %d, the year nearest %d in which it falls on a %s; %s %s too; write the year",
					p.wdText(ds), p.s[ds.pos:ds.end], ys[0], ref, ds.wd, strings.Join(others, " and "), verb)
			}
		case ctx.Date.Year != 0:
			d.Year = ctx.Date.Year
		default:
			sep := " "
			if strings.Contains(p.s[ds.pos:ds.end], "/") {
				sep = "/"
			}
			return Date{}, false, p.errf(ds.pos, ErrNoDate, "%s has no year and none is known; write the year, as in \"%s%s2013\"", p.s[ds.pos:ds.end], p.s[ds.pos:ds.end], sep)
		}
	}
	if !d.Valid() {
		if d.Year < 1 || d.Year > 9999 {
			return Date{}, false, p.errf(ds.pos, ErrInvalidDate, "year %d is out of range (1-9999)", d.Year)
		}
		return Date{}, false, p.errf(ds.pos, ErrInvalidDate, "%s %d has %d days, not %d", d.Month, d.Year, daysIn(d.Month, d.Year), d.Day)
	}
	if ds.hasWD && d.Weekday() != ds.wd {
		return Date{}, false, p.errf(ds.wdPos, ErrWeekday, "%s is a %s, not a %s; fix the weekday or the date", longDate(d), d.Weekday(), ds.wd)
	}
	return d, true, nil
}

func (p *parser) wdText(ds dateSpec) string {
	end := ds.wdPos
	for end < len(p.s) && isASCIILetter(p.s[end]) {
		end++
	}
	return p.s[ds.wdPos:end]
}

// fittingYears returns the years at most 7 from ref in which d's month and
// day fall on wd, nearest first (the earlier on a tie).
func fittingYears(d Date, wd time.Weekday, ref int) []int {
	var ys []int
	for k := 0; k <= 7; k++ {
		cand := []int{ref - k, ref + k}
		if k == 0 {
			cand = cand[:1]
		}
		for _, y := range cand {
			if c := (Date{y, d.Month, d.Day}); c.Valid() && c.Weekday() == wd {
				ys = append(ys, y)
			}
		}
	}
	return ys
}

// longDate writes "April 28th 2013".
func longDate(d Date) string {
	return fmt.Sprintf("%s %d%s %d", d.Month, d.Day, ordinal(d.Day), d.Year)
}

func ordinal(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// zoneRes is a zone read on a date.
type zoneRes struct {
	loc     *time.Location // nil: the Context's
	literal bool           // the zone states an offset (UTC, +05:30, an abbreviation)
	fixed   bool           // the offset is all there is (UTC, +05:30): no wall clock
	offset  int            // seconds east, when literal
	cand    *Candidate     // the abbreviation's reading, when one was chosen
	spec    *zoneSpec
}

// resolveZone reads z on date d (when dated).
func (p *parser) resolveZone(z *zoneSpec, d Date, dated bool, ctx Context) (zoneRes, error) {
	if z == nil {
		return zoneRes{}, nil
	}
	zr := zoneRes{spec: z}
	switch z.kind {
	case zFixed:
		zr.literal, zr.fixed, zr.offset, zr.loc = true, true, z.offset, Fixed(z.offset)
		return zr, nil
	case zLoc:
		zr.loc = z.loc
		return zr, nil
	case zAmbig:
		if loc, ok := settle(z.amb.Candidates, d, dated, ctx); ok {
			zr.loc = loc
			return zr, nil
		}
		if c, ok := p.picked(z.amb.Candidates); ok {
			return p.readAs(zr, c)
		}
		return zr, p.ambiguous(z, z.amb)
	}
	// An abbreviation.
	var zones []string
	for _, c := range z.cands {
		if !contains(zones, c.Zone) {
			zones = append(zones, c.Zone)
		}
	}
	if off, ok := p.contextUses(z.name, zones, d, dated, ctx); ok {
		// The Context's zone itself shows the abbreviation on that date, and
		// is no reading's region: Phoenix's "MST", Algiers' "CET" in July.
		zr.loc, zr.literal, zr.offset = ctx.Location, true, off
		zr.cand = &Candidate{Abbrev: z.name, Zone: ctx.Location.String(), Region: ctx.Location.String(), Offset: off}
		return zr, nil
	}
	var loc *time.Location
	if len(zones) == 1 {
		l, err := Load(zones[0])
		if err != nil {
			return zr, p.errf(z.pos, ErrUnknownZone, "%s names %s, which this system's time zone database lacks; write an offset instead", z.name, zones[0])
		}
		loc = l
	} else if l, ok := settle(z.cands, d, dated, ctx); ok {
		loc = l
	} else if off, ok := showsAbbrev(ctx.Location, z.name, d, dated); ok {
		// The Context's zone itself shows the abbreviation: "AST" in Puerto Rico.
		zr.loc, zr.literal, zr.offset = ctx.Location, true, off
		zr.cand = &Candidate{Abbrev: z.name, Zone: ctx.Location.String(), Region: ctx.Location.String(), Offset: off}
		return zr, nil
	} else if l, err := Resolve(z.name); err == nil && l != nil {
		loc = l
	} else if c, ok := p.picked(z.cands); ok {
		return p.readAs(zr, c)
	} else {
		amb := &AmbiguousError{Abbrev: z.name, Candidates: z.cands}
		errors.As(err, &amb)
		return zr, p.ambiguous(z, amb)
	}
	zr.loc = loc
	// The reading of the abbreviation in that zone.
	for i := range z.cands {
		c := &z.cands[i]
		if c.Zone == loc.String() && (zr.cand == nil || strings.EqualFold(c.Abbrev, z.name) && !strings.EqualFold(zr.cand.Abbrev, z.name)) {
			zr.cand = c
		}
	}
	if zr.cand != nil {
		zr.literal, zr.offset = true, zr.cand.Offset
	}
	return zr, nil
}

// contextUses reports whether clocks in ctx.Location, which is none of the
// readings' zones, show abbr at some time on date d, and with which offset.
// Such a zone settles the abbreviation: a time written with it is that zone's.
func (p *parser) contextUses(abbr string, zones []string, d Date, dated bool, ctx Context) (int, bool) {
	if ctx.Location == nil || !dated || !d.Valid() || contains(zones, ctx.Location.String()) {
		return 0, false
	}
	for _, h := range [3]int{0, 12, 23} {
		t := time.Date(d.Year, d.Month, d.Day, h, 0, 0, 0, ctx.Location)
		if name, off := t.Zone(); strings.EqualFold(name, abbr) {
			return off, true
		}
	}
	return 0, false
}

// picked returns the reading of cands being tried (p.pick), if it is one of them.
func (p *parser) picked(cands []Candidate) (*Candidate, bool) {
	if p.pick == nil {
		return nil, false
	}
	for i := range cands {
		if cands[i] == *p.pick {
			return &cands[i], true
		}
	}
	return nil, false
}

// readAs reads the zone as the abbreviation's reading c: c's region's wall
// clock, its DST half checked against c.Offset.
func (p *parser) readAs(zr zoneRes, c *Candidate) (zoneRes, error) {
	loc, err := c.Location()
	if err != nil {
		return zr, p.errf(zr.spec.pos, ErrUnknownZone, "%s names %s, which this system's time zone database lacks; write an offset instead", zr.spec.name, c.Zone)
	}
	zr.loc, zr.cand, zr.literal, zr.offset = loc, c, true, c.Offset
	return zr, nil
}

// settle picks the candidate zone that ctx.Location settles: the one that is
// ctx.Location, else the only one whose offsets equal ctx.Location's on d.
func settle(cands []Candidate, d Date, dated bool, ctx Context) (*time.Location, bool) {
	if ctx.Location == nil {
		return nil, false
	}
	name := ctx.Location.String()
	for _, c := range cands {
		if c.Zone == name {
			l, err := Load(c.Zone)
			if err != nil {
				return ctx.Location, true
			}
			return l, true
		}
	}
	if !dated {
		return nil, false
	}
	var found *time.Location
	var seen []string
	for _, c := range cands {
		if contains(seen, c.Zone) {
			continue
		}
		seen = append(seen, c.Zone)
		l, err := Load(c.Zone)
		if err != nil || !sameOffsets(l, ctx.Location, d) || !usesAbbrev(ctx.Location, cands, c.Zone, d) {
			continue
		}
		if found != nil {
			return nil, false
		}
		found = l
	}
	return found, found != nil
}

// usesAbbrev reports whether clocks in loc show, some time in d's year, one of
// the abbreviations the candidates give zone: Winnipeg shows "CST" as Chicago
// does, while New York, with Havana's offsets, never shows Cuba's "CST".
func usesAbbrev(loc *time.Location, cands []Candidate, zone string, d Date) bool {
	for _, m := range [3]time.Month{time.January, time.July, d.Month} {
		day := 15
		if m == d.Month {
			day = d.Day
		}
		name, _ := time.Date(d.Year, m, day, 12, 0, 0, 0, time.UTC).In(loc).Zone()
		for _, c := range cands {
			if c.Zone == zone && strings.EqualFold(c.Abbrev, name) {
				return true
			}
		}
	}
	return false
}

// showsAbbrev reports whether clocks in loc show abbr on day d, or else in
// January or July of its year, and with which offset.
func showsAbbrev(loc *time.Location, abbr string, d Date, dated bool) (int, bool) {
	if loc == nil || !dated {
		return 0, false
	}
	for _, t := range [3]time.Time{
		time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC),
		time.Date(d.Year, time.January, 15, 12, 0, 0, 0, time.UTC),
		time.Date(d.Year, time.July, 15, 12, 0, 0, 0, time.UTC),
	} {
		if name, off := t.In(loc).Zone(); strings.EqualFold(name, abbr) {
			return off, true
		}
	}
	return 0, false
}

// sameOffsets reports whether a and b keep the same offsets over day d.
func sameOffsets(a, b *time.Location, d Date) bool {
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Add(-14 * time.Hour)
	for h := 0; h <= 52; h += 2 {
		u := t.Add(time.Duration(h) * time.Hour)
		_, oa := u.In(a).Zone()
		_, ob := u.In(b).Zone()
		if oa != ob {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (p *parser) ambiguous(z *zoneSpec, amb *AmbiguousError) *Error {
	var b strings.Builder
	for i, c := range amb.Candidates {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s %s (%s, UTC%s)", c.Region, c.Abbrev, c.Zone, FormatOffset(c.Offset, true))
	}
	return &Error{Input: p.s, Offset: z.pos, Err: amb,
		Msg: fmt.Sprintf("%q is ambiguous: %s; write an offset or an IANA name instead, or set the timezone it should be read in", z.name, b.String())}
}

// instant returns the instant of a side's time on d in the zone.
func (p *parser) instant(sd side, d Date, zr zoneRes, ctx Context) (time.Time, error) {
	tm := sd.tm
	if tm.h == 24 { // "24:00": the end of the day
		d, tm.h = d.AddDays(1), 0
	}
	if zr.fixed {
		t := time.Date(d.Year, d.Month, d.Day, tm.h, tm.m, tm.s, tm.ns, zr.loc)
		return t.UTC(), nil
	}
	loc := zr.loc
	if loc == nil {
		loc = ctx.Location
	}
	var t time.Time
	var err error
	if zr.literal {
		// An abbreviation settles a fold when its offset is one of the two readings.
		var c Case
		t, c, err = Wall(d, tm.h, tm.m, tm.s, loc, Earlier)
		if err == nil && c == Fold {
			t2, _, err2 := Wall(d, tm.h, tm.m, tm.s, loc, Later)
			switch {
			case offsetAt(t, loc) == zr.offset:
			case err2 == nil && offsetAt(t2, loc) == zr.offset:
				t = t2
			default:
				t, _, err = Wall(d, tm.h, tm.m, tm.s, loc, ctx.Policy)
			}
		} else if err == nil && c == Gap {
			t, _, err = Wall(d, tm.h, tm.m, tm.s, loc, ctx.Policy)
		}
	} else {
		t, _, err = Wall(d, tm.h, tm.m, tm.s, loc, ctx.Policy)
	}
	if err != nil {
		return time.Time{}, p.wallError(sd, d, loc, err)
	}
	return t.Add(time.Duration(tm.ns)).UTC(), nil
}

func offsetAt(t time.Time, loc *time.Location) int {
	_, off := t.In(loc).Zone()
	return off
}

func (p *parser) wallError(sd side, d Date, loc *time.Location, err error) *Error {
	name := "UTC"
	if loc != nil {
		name = loc.String()
	}
	when := fmt.Sprintf("%s %s in %s", d, p.s[sd.tm.pos:sd.tm.end], name)
	switch {
	case errors.Is(err, ErrNonexistentTime):
		return p.errf(sd.tm.pos, ErrNonexistentTime, "%s does not exist: clocks skipped it (spring forward); check the time, or write the offset meant", when)
	case errors.Is(err, ErrAmbiguousTime):
		t1, _, err1 := Wall(d, sd.tm.h, sd.tm.m, sd.tm.s, loc, Earlier)
		t2, _, err2 := Wall(d, sd.tm.h, sd.tm.m, sd.tm.s, loc, Later)
		if err1 != nil || err2 != nil || loc == nil {
			return p.errf(sd.tm.pos, ErrAmbiguousTime, "%s happened twice (clocks fell back); write the offset meant", when)
		}
		a1, o1 := t1.In(loc).Zone()
		a2, o2 := t2.In(loc).Zone()
		clock := t1.In(loc).Format("15:04")
		return p.errf(sd.tm.pos, ErrAmbiguousTime, "%s happened twice (clocks fell back): first as %s %s (%s) = %sZ, then as %s %s (%s) = %sZ; write the abbreviation or offset meant",
			when, clock, a1, FormatOffset(o1, true), t1.UTC().Format("15:04"), clock, a2, FormatOffset(o2, true), t2.UTC().Format("15:04"))
	case errors.Is(err, ErrInvalidDate):
		return p.errf(sd.tm.pos, ErrInvalidDate, "%s is not a valid date", d)
	}
	var te *Error
	if errors.As(err, &te) && te.Err != nil {
		return p.errf(sd.tm.pos, te.Err, "%s: %s", when, te.Msg)
	}
	return p.errf(sd.tm.pos, ErrInvalidDate, "%s: %v", when, err)
}

// dstMismatch returns the warning for an abbreviation whose half does not
// match the date: "PST" on a day Pacific time was PDT.
//
// With confirmedBy, the text of another form of the time that agrees with the
// literal offset, the warning says the literal reading was taken instead.
func (p *parser) dstMismatch(sd side, zr zoneRes, t time.Time, confirmedBy string) (*Error, time.Time) {
	if zr.cand == nil || zr.loc == nil {
		return nil, time.Time{}
	}
	abbr, off := t.In(zr.loc).Zone()
	if off == zr.offset {
		return nil, time.Time{}
	}
	clock := p.s[sd.tm.pos:sd.tm.end]
	wall := t.In(zr.loc).Format("15:04")
	// The same wall clock at the abbreviation's own offset.
	literal := t.Add(time.Duration(off-zr.offset) * time.Second).UTC()
	region := zr.cand.Region
	if region == "" {
		region = zr.loc.String()
	}
	if confirmedBy != "" {
		return &Error{Input: p.s, Offset: zr.spec.pos, Err: ErrDSTMismatch, Msg: fmt.Sprintf(
			"\"%s %s\" on %s: %s time was %s (%s) that day, but %q agrees with the literal %s: read as %sZ, not as the wall clock %s %s = %sZ",
			clock, zr.spec.name, DateOf(t.In(zr.loc)), region, abbr, FormatOffset(off, true),
			confirmedBy, FormatOffset(zr.offset, true), literal.Format("15:04"), wall, abbr, t.UTC().Format("15:04"))}, literal
	}
	return &Error{Input: p.s, Offset: zr.spec.pos, Err: ErrDSTMismatch, Msg: fmt.Sprintf(
		"\"%s %s\" on %s: %s time was %s (%s) that day; read as the wall clock %s %s = %sZ; the literal %s would be %sZ",
		clock, zr.spec.name, DateOf(t.In(zr.loc)), region, abbr, FormatOffset(off, true),
		wall, abbr, t.UTC().Format("15:04"), FormatOffset(zr.offset, true), literal.UTC().Format("15:04"))}, literal
}

// checkAlt checks that the form in parentheses after end i names the same
// instants as the main one: "10:36am EDT (14:36 UTC)".
func (p *parser) checkAlt(f *form, i int, r *resolved) error {
	alt := f.alts[i]
	pos := f.altPos[i]
	text := strings.TrimSpace(p.s[f.from[i] : pos-1])
	start, end := r.start, r.end
	clock := [2]int{r.utcClock[0], r.utcClock[1]}
	switch {
	case alt.window && !f.window:
		return p.errf(pos, ErrMismatch, "%q is a window but %q is an instant; write both the same way", p.s[alt.start:alt.end], text)
	case alt.window && i == 0:
		return p.errf(pos, ErrSyntax, "a window in parentheses goes after the end of the window it repeats")
	case alt.window:
		text = strings.TrimSpace(p.s[f.start : pos-1])
	case i == 1:
		start, end = r.end, time.Time{}
		clock = [2]int{r.utcClock[1], -1}
	default:
		end = time.Time{}
		clock[1] = -1
	}
	actx := Context{Location: p.ctx.Location, Policy: p.ctx.Policy, Strict: p.ctx.Strict}
	if !r.dated {
		ar, err := p.resolveForm(alt, actx, false)
		if err != nil {
			return err
		}
		if !ar.dated {
			for k := 0; k < 2; k++ {
				if clock[k] >= 0 && ar.utcClock[k] >= 0 && clock[k] != ar.utcClock[k] {
					e := p.errf(pos, ErrMismatch, "%q is %02d:%02dZ but %q is %02d:%02dZ; correct one of them",
						text, clock[k]/3600, clock[k]/60%60, p.s[alt.start:alt.end], ar.utcClock[k]/3600, ar.utcClock[k]/60%60)
					day := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
					e.Err = &MismatchError{Written: day.Add(time.Duration(clock[k]) * time.Second),
						Repeat: day.Add(time.Duration(ar.utcClock[k]) * time.Second), Zone: r.zone}
					return e
				}
			}
		}
		r.warnings = append(r.warnings, ar.warnings...)
		return nil
	}
	// Read the form in parentheses on the dates around the main one, in its own zone.
	var best resolved
	var bestErr error
	found := false
	base := DateOf(start.In(r.loc))
	if !alt.sides[0].date.has && !alt.sides[1].date.has {
		for _, k := range [3]int{0, -1, 1} {
			actx.Date = base.AddDays(k)
			ar, err := p.resolveForm(alt, actx, false)
			if err != nil {
				if bestErr == nil {
					bestErr = err
				}
				continue
			}
			if !found || absDur(ar.start.Sub(start)) < absDur(best.start.Sub(start)) {
				best, found = ar, true
			}
		}
	} else {
		actx.Date = base
		best, bestErr = p.resolveForm(alt, actx, false)
		found = bestErr == nil
	}
	if !found {
		return bestErr
	}
	if (!best.start.Equal(start) || !best.end.Equal(end)) && p.literalAgrees(f, i, r, best) {
		r.warnings = append(r.warnings, best.warnings...)
		return nil
	}
	if !best.start.Equal(start) || !best.end.Equal(end) {
		e := p.errf(pos, ErrMismatch, "%q is %s but %q is %s; correct one of them",
			text, fmtSpan(start, end), p.s[alt.start:alt.end], fmtSpan(best.start, best.end))
		me := &MismatchError{Written: start, Repeat: best.start, Zone: r.zone, Dated: true}
		if start.Equal(best.start) {
			me.Written, me.Repeat = end, best.end
		}
		e.Err = me
		return e
	}
	r.warnings = append(r.warnings, best.warnings...)
	return nil
}

// literalAgrees reports whether the form in parentheses after end i agrees
// with the literal offset of an abbreviation whose DST half did not match
// the date ("10:36am EST (15:36 UTC)" in July); if so, r takes the literal
// reading and the warning says so.
func (p *parser) literalAgrees(f *form, i int, r *resolved, alt resolved) bool {
	ends := []int{i} // the ends the form in parentheses repeats
	if f.alts[i].window {
		ends = []int{0, 1}
	}
	got := [2]time.Time{r.start, r.end}
	used := false
	for _, k := range ends {
		if !r.lit[k].IsZero() {
			got[k], used = r.lit[k], true
		}
	}
	if !used {
		return false
	}
	switch {
	case f.alts[i].window && (!alt.start.Equal(got[0]) || !alt.end.Equal(got[1])):
		return false
	case !f.alts[i].window && !alt.start.Equal(got[i]):
		return false
	}
	if !got[1].IsZero() && got[1].Before(got[0]) {
		return false
	}
	for _, k := range ends {
		if !r.lit[k].IsZero() {
			r.warnings[r.litWarn[k]], _ = p.dstMismatch(r.litSide[k], r.litZone[k], r.litWall[k], p.s[f.alts[i].start:f.alts[i].end])
		}
	}
	r.start, r.end = got[0], got[1]
	return true
}

// checkDuration applies "for 28 minutes": the end of an instant, or a check
// of a window's length.
func (p *parser) checkDuration(f *form, r *resolved) error {
	if !f.window {
		r.end = r.start.Add(f.dur)
		return nil
	}
	if got := r.end.Sub(r.start); got != f.dur && !f.durApprox {
		return p.errf(f.durPos, ErrMismatch, "the window lasts %v but the text says %v; correct one of them", fmtDur(got), fmtDur(f.dur))
	}
	return nil
}

func fmtDur(d time.Duration) string {
	s := d.String()
	s = strings.TrimSuffix(s, "0s")
	return strings.TrimSuffix(s, "h0m")
}

func kind(window bool) string {
	if window {
		return "a window"
	}
	return "an instant"
}

func fmtSpan(a, b time.Time) string {
	if b.IsZero() {
		return fmtInstant(a)
	}
	return fmtInstant(a) + " – " + fmtInstant(b)
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// inRange returns an ErrInvalidDate error if the instant t (zero: none) lies
// outside years 1 to 9999 in UTC, which RFC 3339 cannot write: a time late on
// 9999-12-31 west of Greenwich is already in year 10000 in UTC.
func (p *parser) inRange(t time.Time) error {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	switch {
	case u.Year() > 9999:
		return p.errf(0, ErrInvalidDate, "is %s in UTC, past 9999-12-31T23:59:59Z, the last instant RFC 3339 can write; write an earlier time",
			u.Format("2006-01-02T15:04:05Z"))
	case u.Year() < 1:
		return p.errf(0, ErrInvalidDate, "is %s in UTC, before 0001-01-01T00:00:00Z, the first instant RFC 3339 can write; write a later time",
			u.Format("2006-01-02T15:04:05Z"))
	}
	return nil
}
