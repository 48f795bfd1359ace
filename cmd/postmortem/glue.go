package main

import (
	"errors"
	"io"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/tz"
)

// This file is all the command asks of package render.

// renderOptions are render's flags.
type renderOptions struct {
	format                            string // markdown, html or ical
	fragment, frontMatter, unsafeHTML bool
	templateName, templateText        string // "" for the built-in template
}

// docPrinter renders documents as renderOptions say.
type docPrinter struct {
	opts renderOptions
}

// printer returns the printer of o, with its template parsed.
func (o renderOptions) printer() (*docPrinter, error) {
	return &docPrinter{opts: o}, nil
}

// render writes the document of incs to w.
func (p *docPrinter) render(w io.Writer, incs []*incident.Incident) error {
	return errors.New("rendering is not available yet")
}

// conversion is an instant or window to show in many zones.
type conversion struct {
	start, end time.Time
	source     *time.Location
	zone       string
	approx     bool
	places     []tz.Place
}

func (c conversion) markdown(w io.Writer) error {
	return errors.New("markdown conversion is not available yet")
}

func (c conversion) html(w io.Writer) error {
	return errors.New("html conversion is not available yet")
}
