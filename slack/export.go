package slack

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/internal/edit"
	"github.com/go-postmortem/postmortem/tz"
)

// Default limits of a Config.
const (
	DefaultMaxFileBytes = 64 << 20  // one JSON file of the export
	DefaultMaxBytes     = 512 << 20 // all files read
	DefaultMaxFiles     = 100000    // files listed in one folder

	// DefaultMaxEvents is the most messages one draft holds. An incident channel has
	// hundreds; an event of a Slack draft is about 10 of the values an incident file may hold
	// (incident.DefaultMaxValues), so that a draft of this many still reads back.
	DefaultMaxEvents = 20000
)

// Config says which channel of an export becomes a draft, and how. The zero Config is not
// usable: Channel is required. A Config is safe for concurrent use as long as it is not
// modified.
type Config struct {
	// Channel is the channel to import: its name ("incident-42", "#incident-42") or its id
	// ("C0123ABCD").
	Channel string
	// Since and Until clip the messages to [Since, Until); a zero bound is no bound.
	Since, Until time.Time
	// Location is the draft's timezone; nil proposes the one zone in which every message
	// falls on its day file's date.
	Location *time.Location
	// Zone is Location's name as given; "" means Location.String().
	Zone string
	// Title is the draft's title; "" is "#" and the channel's name.
	Title string
	// Workspace is the draft's source.page; "" is the export's name without ".zip".
	Workspace string
	// MaxFileBytes bounds one file read; zero means DefaultMaxFileBytes.
	MaxFileBytes int64
	// MaxBytes bounds all bytes read; zero means DefaultMaxBytes.
	MaxBytes int64
	// MaxFiles bounds the files listed in one folder; zero means DefaultMaxFiles.
	MaxFiles int
	// MaxEvents bounds the messages of one draft; zero means DefaultMaxEvents. A channel
	// with more (between Since and Until) gives no draft but an error saying where to cut.
	MaxEvents int
}

// record is a message read from a day file.
type record struct {
	m    *message
	ts   TS
	date tz.Date // the date of its day file
	file string
	line int
	col  int
}

// reader is one Read in progress.
type reader struct {
	cfg    *Config
	fsys   fs.FS
	name   string // the export's name, and the folder in it that holds channels.json
	export string // the export's name
	read   int64  // bytes read so far
	diags  incident.ErrorList
}

// Read reads the channel Config.Channel of the export fsys, named name (its folder or .zip
// file name, used in diagnostics and as source.page), and returns a draft whose timeline has
// one event per message, with the diagnostics, errors first. The draft is nil when the
// export cannot be read: no channels.json (ErrNotExport), no such channel (ErrNoChannel, the
// message lists the channels and suggests the closest), a file beyond the limits
// (ErrTooLarge), a file that is not the JSON Slack writes (ErrSyntax, at its line and column),
// or no message to import (ErrNoMessages). A message whose ts cannot be read is left out, with
// an error matching ErrTS. Every diagnostic is an
// *incident.ParseError whose Code is one of incident's codes.
func (c *Config) Read(fsys fs.FS, name string) (*incident.Incident, incident.ErrorList) {
	r := &reader{cfg: c, fsys: fsys, name: name, export: name}
	inc := r.run()
	if inc == nil && !r.hasErrors() {
		r.diag("", 0, 0, incident.CodeNotSlackExport, ErrNotExport, false, "nothing read") // not reached
	}
	slices.SortStableFunc(r.diags, func(a, b *incident.ParseError) int {
		if a.Warning != b.Warning {
			if a.Warning {
				return 1
			}
			return -1
		}
		return 0
	})
	return inc, r.diags
}

func (r *reader) diag(file string, line, col int, code string, err error, warning bool, format string, args ...any) {
	if file == "" {
		file = r.name
	} else {
		file = r.name + "/" + file
	}
	r.diags = append(r.diags, &incident.ParseError{File: file, Line: line, Column: col, Code: code,
		Err: incident.Errorf(err, format, args...), Warning: warning})
}

func (r *reader) hasErrors() bool {
	for _, d := range r.diags {
		if !d.Warning {
			return true
		}
	}
	return false
}

func (r *reader) maxFile() int64  { return cmp.Or(r.cfg.MaxFileBytes, DefaultMaxFileBytes) }
func (r *reader) maxBytes() int64 { return cmp.Or(r.cfg.MaxBytes, DefaultMaxBytes) }
func (r *reader) maxFiles() int   { return cmp.Or(r.cfg.MaxFiles, DefaultMaxFiles) }
func (r *reader) maxEvents() int  { return cmp.Or(r.cfg.MaxEvents, DefaultMaxEvents) }

// readFile reads one member, within the limits; it reports false after a diagnostic.
func (r *reader) readFile(name string) ([]byte, bool) {
	f, err := r.fsys.Open(name)
	if err != nil {
		r.diag(name, 0, 0, incident.CodeNotSlackExport, ErrNotExport, false, "cannot open: %v", pathErr(err))
		return nil, false
	}
	defer f.Close()
	max := min(r.maxFile(), r.maxBytes()-r.read)
	if st, err := f.Stat(); err == nil && st.Size() > r.maxFile() {
		r.diag(name, 0, 0, incident.CodeTooLarge, ErrTooLarge, false,
			"%s, more than the %s a file of an export may hold; is this a Slack export?", size(st.Size()), size(r.maxFile()))
		return nil, false
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	r.read += int64(len(data))
	if err != nil {
		r.diag(name, 0, 0, incident.CodeNotSlackExport, ErrNotExport, false, "cannot read: %v", pathErr(err))
		return nil, false
	}
	if int64(len(data)) > max {
		if max < r.maxFile() {
			r.diag(name, 0, 0, incident.CodeTooLarge, ErrTooLarge, false,
				"the export holds more than %s to read; import from a smaller export", size(r.maxBytes()))
		} else {
			r.diag(name, 0, 0, incident.CodeTooLarge, ErrTooLarge, false,
				"more than the %s a file of an export may hold (a .zip bomb?)", size(r.maxFile()))
		}
		return nil, false
	}
	if bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data) {
		r.diag(name, 0, 0, incident.CodeNotText, ErrSyntax, false, "binary data, not the JSON a Slack export holds")
		return nil, false
	}
	return data, true
}

func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func size(n int64) string {
	switch {
	case n >= 1<<30:
		return strconv.FormatFloat(float64(n)/(1<<30), 'f', 1, 64) + " GiB"
	case n >= 1<<20:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// decode reads data as JSON into v; it reports false after a diagnostic at the error's place.
func (r *reader) decode(name string, data []byte, v any) bool {
	err := json.Unmarshal(data, v)
	if err == nil {
		return true
	}
	r.jsonError(name, data, err)
	return false
}

func (r *reader) jsonError(name string, data []byte, err error) {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	msg, code := err.Error(), incident.CodeJSONSyntax
	switch {
	case errors.As(err, &se):
		off, msg = se.Offset-1, se.Error() // Offset is past the byte at fault
	case errors.As(err, &te):
		code, off = incident.CodeJSONType, te.Offset
		msg = fmt.Sprintf("%s is a JSON %s, want a %s", cmp.Or(te.Field, "value"), te.Value, te.Type)
	case errors.Is(err, io.ErrUnexpectedEOF):
		off, msg = int64(len(data)), "unexpected end of JSON input"
	}
	msg = strings.TrimPrefix(msg, "json: ")
	line, col := position(data, off)
	r.diag(name, line, col, code, ErrSyntax, false, "%s; is this file from a Slack export?", msg)
}

// lines turns the increasing offsets of one file into lines and columns, counting each
// byte once, so that placing every message of a day file costs the file's size, not its
// size for each message.
type lines struct {
	data      []byte
	off       int64 // of line, col
	line, col int
}

func newLines(data []byte) *lines { return &lines{data: data, line: 1, col: 1} }

// at returns the 1-based line and column of byte offset off; an offset before the last
// one asked for is counted from the start.
func (l *lines) at(off int64) (line, col int) {
	off = min(off, int64(len(l.data)))
	if off < l.off {
		return position(l.data, off)
	}
	seg := l.data[l.off:off]
	if i := bytes.LastIndexByte(seg, '\n'); i >= 0 {
		l.line += bytes.Count(seg, []byte("\n"))
		l.col = len(seg) - i
	} else {
		l.col += len(seg)
	}
	l.off = off
	return l.line, l.col
}

// position returns the 1-based line and column of byte offset off of data; 0, 0 when off < 0.
func position(data []byte, off int64) (line, col int) {
	if off < 0 {
		return 0, 0
	}
	off = min(off, int64(len(data)))
	before := data[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	col = int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// root finds the folder of fsys that holds channels.json: the top, or the one folder there
// (a re-zipped export).
func (r *reader) root() bool {
	if _, err := fs.Stat(r.fsys, "channels.json"); err == nil {
		return true
	}
	entries, err := fs.ReadDir(r.fsys, ".")
	if err == nil && len(entries) <= r.maxFiles() {
		var dirs []string
		for _, e := range entries {
			if e.IsDir() && !strings.HasPrefix(e.Name(), "__MACOSX") {
				dirs = append(dirs, e.Name())
			}
		}
		if len(dirs) == 1 {
			if _, err := fs.Stat(r.fsys, dirs[0]+"/channels.json"); err == nil {
				if sub, err := fs.Sub(r.fsys, dirs[0]); err == nil {
					r.fsys = sub
					r.name += "/" + dirs[0]
					return true
				}
			}
		}
	}
	r.diag("", 0, 0, incident.CodeNotSlackExport, ErrNotExport, false,
		"not a Slack workspace export: no channels.json; give the folder or the .zip Slack's export gives")
	return false
}

func (r *reader) run() *incident.Incident {
	if !r.root() {
		return nil
	}
	var chans []channel
	data, ok := r.readFile("channels.json")
	if !ok || !r.decode("channels.json", data, &chans) {
		return nil
	}
	if _, err := fs.Stat(r.fsys, "groups.json"); err == nil {
		var groups []channel
		data, ok := r.readFile("groups.json")
		if !ok || !r.decode("groups.json", data, &groups) {
			return nil
		}
		chans = append(chans, groups...)
	}
	dir := &directory{users: make(map[string]string), channels: make(map[string]string)}
	for _, ch := range chans {
		dir.channels[ch.ID] = ch.Name
	}
	if _, err := fs.Stat(r.fsys, "users.json"); err == nil {
		var users []user
		data, ok := r.readFile("users.json")
		if !ok || !r.decode("users.json", data, &users) {
			return nil
		}
		for _, u := range users {
			dir.users[u.ID] = u.shown()
		}
	} else {
		r.diag("users.json", 0, 0, incident.CodeNoUsers, ErrNotExport, true,
			"missing: authors are shown by the names their messages carry, else by user id")
	}
	ch, ok := r.channel(chans)
	if !ok {
		return nil
	}
	recs, ok := r.messages(ch)
	if !ok {
		return nil
	}
	return r.draft(dir, ch, recs)
}

// channel finds Config.Channel in chans.
func (r *reader) channel(chans []channel) (channel, bool) {
	want := strings.TrimPrefix(strings.TrimSpace(r.cfg.Channel), "#")
	for _, ch := range chans {
		if ch.Name == want || ch.ID == want {
			return ch, true
		}
	}
	names := make([]string, 0, len(chans))
	for _, ch := range chans {
		names = append(names, ch.Name)
	}
	slices.Sort(names)
	msg := fmt.Sprintf("no channel %q in the export", want)
	if want == "" {
		msg = "no channel given"
	}
	const show = 20
	list := names
	if len(list) > show {
		list = list[:show]
	}
	switch {
	case len(names) == 0:
		msg += " (it has no channels)"
	case len(names) > show:
		msg += fmt.Sprintf(" (it has %s and %d more)", strings.Join(list, ", "), len(names)-show)
	default:
		msg += " (it has " + strings.Join(list, ", ") + ")"
	}
	if s := edit.Closest(want, names); s != "" && want != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	r.diag("channels.json", 0, 0, incident.CodeNoChannel, ErrNoChannel, false, "%s", msg)
	return channel{}, false
}

// messages reads every day file of ch, in order of ts.
func (r *reader) messages(ch channel) ([]record, bool) {
	folder := ch.Name
	if _, err := fs.Stat(r.fsys, folder); err != nil {
		folder = ch.ID
	}
	entries, err := fs.ReadDir(r.fsys, folder)
	if err != nil {
		r.diag(ch.Name, 0, 0, incident.CodeNotSlackExport, ErrNotExport, false,
			"channel %q has no folder of messages in the export: %v", ch.Name, pathErr(err))
		return nil, false
	}
	if len(entries) > r.maxFiles() {
		r.diag(folder, 0, 0, incident.CodeTooLarge, ErrTooLarge, false,
			"%d files, more than the %d a channel's folder may hold", len(entries), r.maxFiles())
		return nil, false
	}
	var recs []record
	for _, e := range entries {
		name := path.Join(folder, e.Name())
		date, ok := dayFile(e.Name())
		if !ok || e.IsDir() {
			r.diag(name, 0, 0, incident.CodeUnexpectedFile, ErrNotExport, true, "not a day file (YYYY-MM-DD.json): left out")
			continue
		}
		data, ok := r.readFile(name)
		if !ok {
			return nil, false
		}
		day, ok := r.day(name, date, data)
		if !ok {
			return nil, false
		}
		recs = append(recs, day...)
	}
	slices.SortStableFunc(recs, func(a, b record) int { return a.ts.Compare(b.ts) })
	return recs, true
}

// dayFile reads a day file's name, "2024-03-10.json".
func dayFile(name string) (tz.Date, bool) {
	s, ok := strings.CutSuffix(name, ".json")
	if !ok || len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return tz.Date{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return tz.Date{}, false
	}
	return tz.DateOf(t), true
}

// day decodes one day file, message by message, so that each keeps its place.
func (r *reader) day(name string, date tz.Date, data []byte) ([]record, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		r.jsonError(name, data, err)
		return nil, false
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		line, col := position(data, dec.InputOffset()-1)
		r.diag(name, line, col, incident.CodeJSONType, ErrSyntax, false, "want a JSON array of messages, as a Slack export's day file holds")
		return nil, false
	}
	var recs []record
	at := newLines(data)
	for dec.More() {
		off := dec.InputOffset()
		m := new(message)
		if err := dec.Decode(m); err != nil {
			r.jsonError(name, data, err)
			return nil, false
		}
		line, col := at.at(off + int64(len(data[off:])-len(bytes.TrimLeft(data[off:], " \t\r\n,"))))
		ts, err := ParseTS(m.TS)
		if err != nil {
			r.diag(name, line, col, incident.CodeInvalidTS, ErrTS, false, "message left out: %s", strings.TrimPrefix(err.Error(), ErrTS.Error()+" "))
			continue
		}
		recs = append(recs, record{m: m, ts: ts, date: date, file: name, line: line, col: col})
	}
	if _, err := dec.Token(); err != nil {
		r.jsonError(name, data, err)
		return nil, false
	}
	if _, err := dec.Token(); err != io.EOF {
		line, col := position(data, dec.InputOffset())
		r.diag(name, line, col, incident.CodeJSONSyntax, ErrSyntax, false, "text after the array of messages")
		return nil, false
	}
	return recs, true
}
