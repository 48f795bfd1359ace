package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
)

// Duration formats d for people: "45 s", "3 min 20 s", "1 h 48 min", "2 d 3 h".
// Below an hour it shows seconds when there are any; from an hour on it truncates to minutes,
// from a day on to hours. Negative durations get a leading minus sign.
func Duration(d time.Duration) string {
	if d < 0 {
		if d == math.MinInt64 { // -d overflows: a saturated time.Sub of instants 292 years apart
			d++
		}
		return "-" + Duration(-d)
	}
	d = d.Truncate(time.Second)
	days := int64(d / (24 * time.Hour))
	h := int64(d/time.Hour) % 24
	m := int64(d/time.Minute) % 60
	s := int64(d/time.Second) % 60
	b := make([]byte, 0, 16)
	unit := func(n int64, name string) {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(strconv.AppendInt(b, n, 10), name...)
	}
	switch {
	case days > 0:
		unit(days, " d")
		if h != 0 {
			unit(h, " h")
		}
	case h > 0:
		unit(h, " h")
		if m != 0 {
			unit(m, " min")
		}
	case m > 0:
		unit(m, " min")
		if s != 0 {
			unit(s, " s")
		}
	default:
		unit(s, " s")
	}
	return string(b)
}

// offsetText formats seconds east of UTC as "UTC", "UTC+9", "UTC-4", "UTC+5:30".
func offsetText(sec int) string {
	if sec == 0 {
		return "UTC"
	}
	sign := "+"
	if sec < 0 {
		sign = "-"
		sec = -sec
	}
	h, m := sec/3600, sec%3600/60
	if m == 0 {
		return fmt.Sprintf("UTC%s%d", sign, h)
	}
	return fmt.Sprintf("UTC%s%d:%02d", sign, h, m)
}

// zoneAbbrev returns the abbreviation clocks in t's location show at t, or its offset
// ("UTC+5:30") where the tz database has none.
func zoneAbbrev(t time.Time) string {
	name, off := t.Zone()
	if name == "" || name[0] == '+' || name[0] == '-' {
		return offsetText(off)
	}
	return name
}

// clock formats the time of day, "15:04", with seconds ("15:04:05") only when there are some.
func clock(t time.Time) string {
	return string(appendClock(make([]byte, 0, 8), t))
}

// append2 appends n (0 to 99) as two digits.
func append2(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }

var (
	weekdays = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	months   = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

// shortDate formats t as "Mon 2 Jan", or with its year, "Mon 2 Jan 2006".
func shortDate(t time.Time, year bool) string {
	y, mo, d := t.Date()
	if y < 0 || y > 9999 {
		if year {
			return t.Format("Mon 2 Jan 2006")
		}
		return t.Format("Mon 2 Jan")
	}
	return string(appendShortDate(make([]byte, 0, 16), t, y, mo, d, year))
}

// appendClock appends what clock returns.
func appendClock(b []byte, t time.Time) []byte {
	h, m, sec := t.Clock()
	b = append2(append(append2(b, h), ':'), m)
	if sec != 0 {
		b = append2(append(b, ':'), sec)
	}
	return b
}

// appendShortDate appends what shortDate returns for t, whose date (year 0 to 9999) is
// y, mo, d.
func appendShortDate(b []byte, t time.Time, y int, mo time.Month, d int, year bool) []byte {
	b = append(b, weekdays[t.Weekday()]...)
	b = append(b, ' ')
	if d >= 10 {
		b = append(b, byte('0'+d/10))
	}
	b = append(b, byte('0'+d%10), ' ')
	b = append(b, months[mo-1]...)
	if year {
		b = append(b, ' ', byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
	}
	return b
}

// appendDay appends what dayKey returns for the date y (0 to 9999), mo, d.
func appendDay(b []byte, y int, mo time.Month, d int) []byte {
	b = append2(append2(b, y/100), y%100)
	b = append2(append(b, '-'), int(mo))
	return append2(append(b, '-'), d)
}

// appendISO appends what isoUTC returns for u, a UTC time whose date (year 0 to 9999) is
// y, mo, d.
func appendISO(b []byte, u time.Time, y int, mo time.Month, d int) []byte {
	h, m, sec := u.Clock()
	b = append(appendDay(b, y, mo, d), 'T')
	b = append2(b, h)
	b = append2(append(b, ':'), m)
	b = append2(append(b, ':'), sec)
	return append(b, 'Z')
}

// isoUTC formats t in UTC as RFC 3339 ("2016-07-26T14:36:00Z").
func isoUTC(t time.Time) string {
	u := t.UTC()
	y, mo, d := u.Date()
	if y < 0 || y > 9999 {
		return u.Format(time.RFC3339)
	}
	return string(appendISO(make([]byte, 0, 20), u, y, mo, d))
}

// dayKey formats t's date as "2006-01-02".
func dayKey(t time.Time) string {
	y, mo, d := t.Date()
	if y < 0 || y > 9999 {
		return t.Format("2006-01-02")
	}
	return string(appendDay(make([]byte, 0, 10), y, mo, d))
}

// isUTC reports whether loc shows UTC: nil, time.UTC or a zone named UTC/Etc/UTC with offset 0.
func isUTC(loc *time.Location) bool {
	if loc == nil || loc == time.UTC {
		return true
	}
	switch loc.String() {
	case "UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu":
		return true
	}
	return false
}

// levelText is a level in prose: its name with spaces ("major outage", "degraded
// performance"); "" for none or a level out of range.
func levelText(l timeline.Level) string {
	if l >= 0 && int(l) < len(levelTexts) {
		return levelTexts[l]
	}
	return ""
}

// levelTexts and eventKindTexts are levelText and eventKindText of every level and kind,
// from timeline's names, computed once: a long timeline asks for them per event and window.
var (
	levelTexts = func() (t [timeline.Maintenance + 1]string) {
		for l := range t {
			if b, err := timeline.Level(l).MarshalText(); err == nil {
				t[l] = strings.ReplaceAll(string(b), "_", " ")
			}
		}
		return t
	}()
	eventKindTexts = func() (t [timeline.Note + 1]string) {
		for k := range t {
			if b, err := timeline.EventKind(k).MarshalText(); err == nil {
				t[k] = string(b)
			}
		}
		t[timeline.Update] = "status update"
		return t
	}()
)

// levelClass is the CSS class of a state, and the machine name of the file format.
func levelClass(l timeline.Level) string {
	if l == timeline.LevelUnknown {
		return ""
	}
	return l.String()
}

// eventKindText is an event kind in prose: its name ("detected"), "status update" for an
// update (which alone reads as a verb); "" for none or a kind out of range.
func eventKindText(k timeline.EventKind) string {
	if k >= 0 && int(k) < len(eventKindTexts) {
		return eventKindTexts[k]
	}
	return ""
}

func statusText(s incident.Status) string { return s.String() }

func kindText(k incident.Kind) string {
	if k == incident.KindMaintenance {
		return "maintenance"
	}
	return "incident"
}

func actionKindText(k incident.ActionKind) string { return k.String() }

func actionStatusText(s incident.ActionStatus) string {
	switch s {
	case incident.Open:
		return "open"
	case incident.InProgress:
		return "in progress"
	case incident.Done:
		return "done"
	case incident.WontDo:
		return "won't do"
	}
	return ""
}

// clean makes text from a file safe to place anywhere: invalid UTF-8 becomes U+FFFD,
// bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed,
// so that no field can reorder the text around it, and so are control characters other than
// tab and newline ("\r\n" becomes "\n").
func clean(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if !plainByte[s[i]] {
			ascii = false
			break
		}
	}
	if ascii {
		return s // printable ASCII, tabs and newlines: nothing to drop
	}
	ok := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if dropRune(r) || (r == utf8.RuneError && size == 1) {
			ok = false
			break
		}
		i += size
	}
	if ok {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		if r == '\r' {
			return '\n'
		}
		if dropRune(r) {
			return -1
		}
		return r
	}, s)
}

// plainByte reports which bytes clean keeps as they are without decoding: printable ASCII,
// tab and newline.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = true
	}
	t['\t'], t['\n'] = true, true
	return t
}()

func dropRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r == 0x7f:
		return true
	case r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// oneLine is clean(s) with runs of white space, newlines included, made one space.
func oneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	return strings.Join(strings.Fields(clean(s)), " ")
}

// isOneLine reports whether oneLine(s) is s: printable ASCII, no space at either end, no
// two spaces in a row.
func isOneLine(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' || (c == ' ' && s[i-1] == ' ') {
			return false
		}
	}
	return true
}

// yamlQuote returns s as a YAML double-quoted scalar.
func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x2028 || r == 0x2029 || r == 0xfeff:
			b.WriteString(`\u` + strconv.FormatInt(int64(r)+0x10000, 16)[1:])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
