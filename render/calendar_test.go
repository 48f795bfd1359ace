package render

import (
	"bufio"
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// icalProp is one property read back from an iCalendar stream.
type icalProp struct{ name, value string }

// readICal is a minimal, independent RFC 5545 reader: it checks CRLF line ends and the
// 75-octet limit, unfolds continuation lines, splits name from value and unescapes TEXT.
func readICal(t *testing.T, data []byte) []icalProp {
	t.Helper()
	s := string(data)
	require.True(t, strings.HasSuffix(s, "\r\n"), "stream must end in CRLF")
	raw := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	var lines []string
	for _, l := range raw {
		assert.LessOrEqual(t, len(l), 75, "line %q is longer than 75 octets", l)
		assert.True(t, utf8.ValidString(l), "fold split a UTF-8 sequence: %q", l)
		assert.NotContains(t, l, "\n", "bare LF")
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			require.NotEmpty(t, lines, "continuation line first")
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	var props []icalProp
	for _, l := range lines {
		name, value, ok := strings.Cut(l, ":")
		require.True(t, ok, "no colon in %q", l)
		if i := strings.IndexByte(name, ';'); i >= 0 {
			name = name[:i]
		}
		var b strings.Builder
		for i := 0; i < len(value); i++ {
			if value[i] != '\\' || i+1 == len(value) {
				b.WriteByte(value[i])
				continue
			}
			i++
			switch value[i] {
			case 'n', 'N':
				b.WriteByte('\n')
			case '\\', ';', ',':
				b.WriteByte(value[i])
			default:
				t.Errorf("bad escape \\%c in %q", value[i], l)
			}
		}
		props = append(props, icalProp{name, b.String()})
	}
	return props
}

func icalGet(props []icalProp, name string) []string {
	var out []string
	for _, p := range props {
		if p.name == name {
			out = append(out, p.value)
		}
	}
	return out
}

func TestCalendar(t *testing.T) {
	inc := maintenanceGo(t)
	inc.Title = "Move to a new data center; phase 2, with a long title: " + strings.Repeat("é€😀", 12)
	var buf bytes.Buffer
	p := &Printer{}
	require.NoError(t, p.Calendar(&buf, inc))
	props := readICal(t, buf.Bytes())

	assert.Equal(t, icalProp{"BEGIN", "VCALENDAR"}, props[0])
	assert.Equal(t, icalProp{"END", "VCALENDAR"}, props[len(props)-1])
	assert.Equal(t, []string{"2.0"}, icalGet(props, "VERSION"))
	assert.NotEmpty(t, icalGet(props, "PRODID"))
	assert.Equal(t, []string{"VCALENDAR", "VEVENT"}, icalGet(props, "BEGIN"))
	assert.Equal(t, []string{"0b8f52a4-7d51-4f55-9c1e-5a8b1f3e2d10@postmortem"}, icalGet(props, "UID"))
	// 21:00 EDT on 28 April is 01:00 UTC on the 29th; 00:30 EDT on the 29th is 04:30 UTC.
	assert.Equal(t, []string{"20130429T010000Z"}, icalGet(props, "DTSTART"))
	assert.Equal(t, []string{"20130429T043000Z"}, icalGet(props, "DTEND"))
	// DTSTAMP comes from the incident (published 2013-04-20), never the clock.
	assert.Equal(t, []string{"20130420T000000Z"}, icalGet(props, "DTSTAMP"))
	assert.Equal(t, []string{inc.Title}, icalGet(props, "SUMMARY"))
	desc := icalGet(props, "DESCRIPTION")
	require.Len(t, desc, 1)
	assert.Contains(t, desc[0], "Sun 28 Apr 2013, 21:00 EDT to Mon 29 Apr 2013, 00:30 EDT (01:00 UTC to 04:30 UTC).\n\n")
	assert.Contains(t, desc[0], inc.Summary)
	assert.Equal(t, []string{"https://blog.example/move"}, icalGet(props, "URL"))

	// Deterministic: the same input writes the same bytes.
	var again bytes.Buffer
	require.NoError(t, p.Calendar(&again, inc))
	assert.Equal(t, buf.String(), again.String())

	// Without a published date DTSTAMP is the window's start.
	inc.Published = inc.Date
	inc.Published.Year = 0
	buf.Reset()
	require.NoError(t, p.Calendar(&buf, inc))
	assert.Equal(t, []string{"20130429T010000Z"}, icalGet(readICal(t, buf.Bytes()), "DTSTAMP"))
}

func TestCalendarNoWindow(t *testing.T) {
	var buf bytes.Buffer
	err := (&Printer{}).Calendar(&buf, harvestGo(t), undatedGo(t))
	assert.True(t, errors.Is(err, ErrNoWindow), "Calendar(incidents) = %v, want ErrNoWindow", err)
	assert.Zero(t, buf.Len())
}

func TestFold(t *testing.T) {
	for _, s := range []string{
		"",
		strings.Repeat("a", 75),
		strings.Repeat("a", 76),
		strings.Repeat("é", 100),
		strings.Repeat("😀", 60),
		"x" + strings.Repeat("€", 80),
	} {
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		writeFolded(w, "SUMMARY:"+s)
		require.NoError(t, w.Flush())
		props := readICal(t, buf.Bytes())
		require.Len(t, props, 1)
		assert.Equal(t, s, props[0].value, "fold/unfold of %d bytes", len(s))
	}
}

func TestICalText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a;b,c\\d\ne", `a\;b\,c\\d\ne`},
		{"tab\there", "tab\there"},
		{"bell\a", "bell"},
		{"\u202Ex", "x"},
	} {
		assert.Equal(t, tc.want, icalText(tc.in), "icalText(%q)", tc.in)
	}
}

func TestCalendarDerivedUID(t *testing.T) {
	inc := maintenanceGo(t)
	inc.ID = [16]byte{}
	var a, b bytes.Buffer
	require.NoError(t, (&Printer{}).Calendar(&a, inc))
	require.NoError(t, (&Printer{}).Calendar(&b, inc))
	uid := icalGet(readICal(t, a.Bytes()), "UID")
	require.Len(t, uid, 1)
	assert.NotContains(t, uid[0], "00000000-0000")
	assert.Equal(t, a.String(), b.String())
}

func TestCalendarFromStates(t *testing.T) {
	// A maintenance without an announced window: its under_maintenance windows are the events.
	inc := maintenanceGo(t)
	inc.Scheduled = nil
	var buf bytes.Buffer
	require.NoError(t, (&Printer{}).Calendar(&buf, inc))
	props := readICal(t, buf.Bytes())
	assert.Equal(t, []string{"20130429T010000Z"}, icalGet(props, "DTSTART"))
	assert.Equal(t, []string{"20130429T043000Z"}, icalGet(props, "DTEND"))
}
