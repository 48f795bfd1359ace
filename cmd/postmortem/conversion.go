package main

import (
	"io"
	"time"

	"github.com/go-postmortem/postmortem/render"
	"github.com/go-postmortem/postmortem/tz"
)

// conversion is an instant or window to show in many zones.
type conversion struct {
	start, end time.Time
	source     *time.Location
	zone       string
	approx     bool
	places     []tz.Place
}

func (c conversion) printer() (*render.Printer, render.Conversion) {
	return &render.Printer{Places: c.places},
		render.Conversion{Start: c.start, End: c.end, Source: c.source, Zone: c.zone, Approx: c.approx}
}

// markdown writes the conversion table in Markdown.
func (c conversion) markdown(w io.Writer) error {
	p, rc := c.printer()
	return p.ConvertMarkdown(w, rc)
}

// html writes the conversion table as an HTML page.
func (c conversion) html(w io.Writer) error {
	p, rc := c.printer()
	return p.ConvertHTML(w, rc)
}
