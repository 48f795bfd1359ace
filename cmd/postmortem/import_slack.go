package main

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/slack"
	"github.com/go-postmortem/postmortem/tz"
)

const importSlackDoc = `
Import slack reads one channel of a Slack workspace export (EXPORT: the folder, or the .zip
Slack gives) and prints an incident draft as YAML: one event per message, thread replies
among them in order of time, each at the instant Slack recorded (its ts) and written in RFC
3339 with the draft's zone, its text "author: text" with mentions, channels and links
rewritten as Markdown. Joins, leaves, topic and purpose changes, pins and deleted messages
make no event; an edited message shows its final text.

The export does not say the workspace's zone: the draft's timezone is the one zone in
which every message falls on its day file's date, or --tz; when none or several fit, the
draft is in UTC, with a warning. --since and --until clip the messages to the incident's
window (a time without a zone is in --tz, else UTC). Every diagnostic ends with its [code].
The draft passes 'postmortem validate'. A draft holds at most 20,000 messages: a channel
with more is refused with an error saying where the part past them starts.

Exit status: 0 when the channel was read, 1 when the export cannot be read (no such
channel, malformed JSON, a file beyond the limits, too many messages; nothing is printed)
or a message's ts cannot be read (the rest is printed), 2 for a usage error.

Example:

	postmortem import slack --channel incident-db --since 2024-03-09 "Acme Slack export.zip" > db-outage.yaml
`

func runImportSlack(e *env, args []string) error {
	fs := newFlagSet("import slack", "--channel NAME [--since T] [--until T] [--tz ZONE] [--title T] [-o OUT] EXPORT", importSlackDoc)
	channel := fs.String("channel", "", "the `channel` to import: its name (incident-db, #incident-db) or id")
	since := fs.String("since", "", "leave out messages before `T` (a date or an instant)")
	until := fs.String("until", "", "leave out messages at or after `T` (a date or an instant)")
	zone := fs.String("tz", "", "the workspace's `zone` (IANA name, city or abbreviation); default: the one the day files settle")
	title := fs.String("title", "", "the draft's `title`; default #CHANNEL")
	out := fs.String("o", "", "write to `FILE` instead of standard output (atomically)")
	files, err := fs.parse(e, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return fs.usagef("want one EXPORT (a Slack export's folder or .zip), got %d", len(files))
	}
	if strings.TrimSpace(*channel) == "" {
		return fs.usagef("--channel is required: the channel to import")
	}
	cfg := slack.Config{Channel: *channel, Title: *title}
	if *zone != "" {
		loc, err := tz.Resolve(*zone)
		if err != nil {
			return fs.usagef("--tz: %s", oneLine(err.Error()))
		}
		cfg.Location, cfg.Zone = loc, *zone
	}
	if *since != "" {
		if cfg.Since, err = parseBound(*since, cfg.Location); err != nil {
			return fs.usagef("--since: %s", err)
		}
	}
	if *until != "" {
		if cfg.Until, err = parseBound(*until, cfg.Location); err != nil {
			return fs.usagef("--until: %s", err)
		}
	}
	if !cfg.Since.IsZero() && !cfg.Until.IsZero() && !cfg.Since.Before(cfg.Until) {
		return fs.usagef("--since %s is not before --until %s", *since, *until)
	}
	if err := checkOutput(*out, files); err != nil {
		return err
	}
	name := files[0]
	fsys, closer, err := openExport(name)
	if err != nil {
		return err
	}
	defer closer.Close()
	inc, diags := cfg.Read(fsys, name)
	return writeDraft(e, "import slack", "the export", name, inc, diags, false, *out)
}

// openExport opens a Slack export: a folder, or a .zip file (refused when its directory
// lists more members than an export has).
func openExport(name string) (fs.FS, io.Closer, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", name, pathError(err))
	}
	if st.IsDir() {
		return os.DirFS(name), io.NopCloser(nil), nil
	}
	zr, err := zip.OpenReader(name)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: not a Slack export: want the folder or the .zip Slack gives (%v) [%s]", name, pathError(err), incident.CodeNotSlackExport)
	}
	if len(zr.File) > slack.DefaultMaxFiles {
		zr.Close()
		return nil, nil, fmt.Errorf("%s: %d members, more than the %d a Slack export may hold [%s]", name, len(zr.File), slack.DefaultMaxFiles, incident.CodeTooLarge)
	}
	return zr, zr, nil
}

func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
