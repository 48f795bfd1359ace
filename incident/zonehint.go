package incident

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/tz"
)

// maxHintLines is how many lines the one-offset hint names before "and N more".
const maxHintLines = 10

// zoneHint looks at the pairs of this document that disagree ("11:36 (10:36 UTC)") where the
// time was read in the incident's zone. When there are several and all disagree by the same
// offset, the zone is what is wrong: it replaces their errors by one that says so and names
// a zone in which every pair agrees. Otherwise it says, in each of their errors, in which zone
// the bare time was read.
func (d *decoder) zoneHint() {
	var idx []int
	var mes []*tz.MismatchError
	for i, e := range d.errs {
		var me *tz.MismatchError
		if errors.As(e.Err, &me) && me.Zone == "" {
			idx = append(idx, i)
			mes = append(mes, me)
		}
	}
	if len(mes) == 0 {
		return
	}
	inc := d.inc
	zone := "UTC, as no timezone: is given"
	if inc.TimeZone != "" {
		zone = strconv.Quote(inc.TimeZone) + ", the incident's timezone"
	}
	same := len(mes) > 1
	for _, me := range mes[1:] {
		same = same && me.Shift() == mes[0].Shift() && me.Dated == mes[0].Dated
	}
	if !same {
		for _, i := range idx {
			e := *d.errs[i]
			e.Err = &fieldError{msg: e.Err.Error() + " (the time alone was read in " + zone + ")", err: e.Err}
			d.errs[i] = &e
		}
		return
	}
	shift := mes[0].Shift()
	lines := make([]string, 0, min(len(idx), maxHintLines))
	for _, i := range idx[:min(len(idx), maxHintLines)] {
		lines = append(lines, strconv.Itoa(d.errs[i].Line))
	}
	list := strings.Join(lines, ", ")
	if len(idx) > maxHintLines {
		list += fmt.Sprintf(" and %d more", len(idx)-maxHintLines)
	}
	dir := "later"
	if shift > 0 {
		dir = "earlier"
	}
	msg := fmt.Sprintf("the %d times alone at lines %s were read in %s, and each is %s %s than the repeat written with it: the zone is off, not the times",
		len(idx), list, zone, roundDuration(shift.Abs()), dir)
	if names := agreeingZones(mes, inc.Location); len(names) > 0 {
		msg += fmt.Sprintf("; in %s every pair agrees: write timezone: %s", strings.Join(names, " or "), names[0])
	} else {
		msg += "; write the zone the post was written in as timezone:"
	}
	first := d.errs[idx[0]]
	pe := &ParseError{File: d.file, Line: first.Line, Column: first.Column, Path: "timezone", Code: CodeZoneOff,
		Err: &fieldError{msg: msg, err: mes[0]}}
	if p, ok := d.src.key("timezone"); ok {
		pe.Line, pe.Column = p.line, p.col
	}
	out := d.errs[:0]
	j := 0
	for i, e := range d.errs {
		if j < len(idx) && idx[j] == i {
			if j == 0 {
				out = append(out, pe)
			}
			j++
			continue
		}
		out = append(out, e)
	}
	d.errs = out
}

// agreeingZones returns up to three zones of tz.DefaultPlaces in which the wall clock of
// every time, as read in loc, names the instant of its repeat; for undated times, or when
// none does, the fixed offset that does when there is one.
func agreeingZones(mes []*tz.MismatchError, loc *time.Location) []string {
	if loc == nil {
		loc = time.UTC
	}
	agrees := func(z *time.Location) bool {
		for _, me := range mes {
			w := me.Written.In(loc)
			if !time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), z).Equal(me.Repeat) {
				return false
			}
		}
		return true
	}
	var names []string
	if mes[0].Dated {
		places, _ := tz.DefaultPlaces() // none without a tz database: the offset is named instead
		for _, p := range places {
			if p.Loc != loc && p.Loc.String() != loc.String() && agrees(p.Loc) {
				names = append(names, p.Loc.String())
				if len(names) == 3 {
					break
				}
			}
		}
		if len(names) > 0 {
			return names
		}
	} else if loc.String() != "UTC" {
		return nil // undated clocks say nothing of another zone's offset that day
	}
	_, off := mes[0].Written.In(loc).Zone()
	z := tz.Fixed(off - int(mes[0].Shift()/time.Second))
	if agrees(z) {
		return []string{"UTC" + tz.FormatOffset(off-int(mes[0].Shift()/time.Second), true)}
	}
	return nil
}
