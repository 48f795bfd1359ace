package render

import (
	"fmt"
	"io"
	"time"

	"github.com/go-postmortem/postmortem/tz"
)

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
	Day       string // the Day column: DayShift, and the end's when it differs ("+1 day, end same day", "end +1 day")
	ISO       string // Start in UTC, RFC 3339
	EndISO    string // End in UTC, RFC 3339; ""
	Clock     string // "" or a note when clocks changed nearby: "clocks changed Sun 31 Mar"
	ShiftDays int    // the day shift as a number
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
			DayShift:  tz.FormatDayShift(r.DayShift),
			ShiftDays: r.DayShift,
			ISO:       isoUTC(st),
		}
		if row.Abbrev == "" || row.Abbrev[0] == '+' || row.Abbrev[0] == '-' {
			row.Abbrev = row.Offset
		}
		row.Day = tz.FormatDayShift(r.DayShift)
		if c.Window {
			row.Day = r.DayShifts()
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

// Conversion is an instant, or a window [Start, End), to show in other zones.
type Conversion struct {
	Start, End time.Time      // End zero: an instant
	Source     *time.Location // the zone it was written in; nil: UTC
	Zone       string         // the zone as written ("EDT"); "": Source's name
	Approx     bool           // reports whether the times are approximate
}

func (p *Printer) conversion(c Conversion, html bool) (*Document, error) {
	if c.Start.IsZero() {
		return nil, fmt.Errorf("render: conversion without a start")
	}
	if !c.End.IsZero() && c.End.Before(c.Start) {
		return nil, fmt.Errorf("render: conversion ends (%s) before it starts (%s)",
			c.End.UTC().Format(time.RFC3339), c.Start.UTC().Format(time.RFC3339))
	}
	cv, err := p.converter(c.Start, c.End, c.Source, c.Zone)
	if err != nil {
		return nil, err
	}
	if c.Approx {
		cv.Start.Clock = "about " + cv.Start.Clock
		if cv.Window {
			cv.End.Clock = "about " + cv.End.Clock
		}
	}
	d := &Document{Title: "What time is that for you?", Lang: "en", Fragment: p.Fragment, Convert: cv}
	if html {
		d.CSP, d.Style, d.Script = pageCSP, pageStyle, script(cv.Start.Time, true)
	}
	return d, nil
}

// ConvertMarkdown writes the "what time is that for you" table of c in Markdown: one row per
// place of p.Places (nil: tz.DefaultPlaces), day shifts marked. Errors: a zero Start, an End
// before Start, the default zones failing to load, the template's and w's errors.
func (p *Printer) ConvertMarkdown(w io.Writer, c Conversion) error {
	d, err := p.conversion(c, false)
	if err != nil {
		return err
	}
	return p.executeMarkdown(w, d)
}

// ConvertHTML writes the table of ConvertMarkdown as an HTML page (or fragment) whose script
// adds a row with the reader's own local time. It returns the errors of ConvertMarkdown.
func (p *Printer) ConvertHTML(w io.Writer, c Conversion) error {
	d, err := p.conversion(c, true)
	if err != nil {
		return err
	}
	return p.executeHTML(w, d)
}
