package incident_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// added returns the lines of after that are not in before, checking that removing them
// gives before back exactly.
func added(t *testing.T, before, after string) string {
	t.Helper()
	b, a := strings.SplitAfter(before, "\n"), strings.SplitAfter(after, "\n")
	i := 0
	for i < len(b) && i < len(a) && b[i] == a[i] {
		i++
	}
	j := 0
	for j < len(b)-i && j < len(a)-i && b[len(b)-1-j] == a[len(a)-1-j] {
		j++
	}
	require.Equal(t, len(b), i+j, "the file changed outside the new lines:\n%s", after)
	return strings.Join(a[i:len(a)-j], "")
}

func TestAppendExamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "examples", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(name)
			require.NoError(t, err)
			incs, err := incident.Parse(name, data)
			require.NoError(t, err)
			for k, inc := range incs { // each incident of a stream, named by its id
				var end time.Time
				if n := len(inc.Timeline); n > 0 {
					end = inc.Timeline[n-1].At.Instant.Add(30 * time.Minute)
				} else {
					end = time.Date(inc.Date.Year, inc.Date.Month, inc.Date.Day, 12, 0, 0, 0, inc.Location)
				}
				ev := incident.Event{At: incident.Time{Instant: end}, Kind: timeline.Note, State: timeline.Operational,
					Text: "Postmortem review: all: clear"}
				which := ""
				if len(incs) > 1 {
					which = inc.ID.String()
				}
				out, err := incident.AppendTo(name, data, which, ev)
				require.NoError(t, err)
				diff := added(t, string(data), string(out))
				assert.Contains(t, diff, "- at: ")
				assert.Contains(t, diff, "text: 'Postmortem review: all: clear'")
				assert.Equal(t, 1, strings.Count(diff, "- "), "one item:\n%s", diff)
				after, err := incident.Parse(name, out)
				require.NoError(t, err)
				require.Len(t, after, len(incs))
				for j := range incs {
					if j != k {
						assert.Len(t, after[j].Timeline, len(incs[j].Timeline), "incident %d is unchanged", j)
					}
				}
				got := after[k]
				require.Len(t, got.Timeline, len(inc.Timeline)+1)
				lastEv := got.Timeline[len(got.Timeline)-1]
				assert.WithinDuration(t, end, lastEv.At.Instant, 0)
				assert.Equal(t, "Postmortem review: all: clear", lastEv.Text)
				errsBefore, _ := incident.Validate(inc)
				errsAfter, _ := incident.Validate(got)
				assert.Len(t, errsAfter, len(errsBefore))
			}
		})
	}
}

func TestAppendStyle(t *testing.T) {
	file := "title: t\ndate: 2024-05-01\ntimezone: America/New_York\ntimeline:\n  - at: \"10:00\"   # first\n    text: one\n\n# outages come next\noutages: []\n"
	at := time.Date(2024, 5, 1, 14, 30, 0, 0, time.UTC) // 10:30 EDT
	out, err := incident.Append("f.yaml", []byte(file), incident.Event{At: incident.Time{Instant: at}, Text: "two"})
	require.NoError(t, err)
	assert.Equal(t, "  - at: \"10:30\"\n    text: two\n", added(t, file, string(out)))
	next := at.Add(24 * time.Hour)
	out2, err := incident.Append("f.yaml", out, incident.Event{At: incident.Time{Instant: next}, Text: "three"})
	require.NoError(t, err)
	assert.Equal(t, "  - at: \"2024-05-02 10:30\"\n    text: three\n", added(t, string(out), string(out2)))

	// As written by --at, and a file without a timeline.
	bare := "title: t\ndate: 2024-05-01\n"
	out, err = incident.Append("f.yaml", []byte(bare), incident.Event{At: incident.Time{Written: "09:00 UTC~"}, Text: "first"})
	require.NoError(t, err)
	assert.Equal(t, bare+"timeline:\n  - at: \"09:00 UTC~\"\n    text: first\n", string(out))
}

// TestAppendStream checks that a stream of incidents is refused unless one is named, with
// the incidents listed, and that the event lands in the one named, inside its document.
func TestAppendStream(t *testing.T) {
	file := "title: First\ndate: 2020-01-01\ntimeline:\n  - at: \"10:00\"\n    text: a\n\n# about the next\n---\n" +
		"title: Second\nslug: two\ndate: 2020-01-02\n---\ntitle: Second\ndate: 2020-01-03\ntimeline:\n  - at: \"10:00\"\n    text: c\n"
	ev := incident.Event{At: incident.Time{Written: "11:00"}, Text: "new"}
	_, err := incident.Append("s.yaml", []byte(file), ev)
	require.ErrorIs(t, err, incident.ErrAppend)
	require.ErrorIs(t, err, incident.ErrWhichIncident)
	assert.Contains(t, err.Error(), `s.yaml: cannot append an event: the file holds 3 incidents; name the one to add to by its id, slug or title: 1. "First" (id `)
	assert.Contains(t, err.Error(), `3. "Second" (id `)

	_, err = incident.AppendTo("s.yaml", []byte(file), "second", ev)
	require.ErrorIs(t, err, incident.ErrWhichIncident)
	assert.Contains(t, err.Error(), `2 incidents have the id, slug or title "second"`)
	_, err = incident.AppendTo("s.yaml", []byte(file), "third", ev)
	require.ErrorIs(t, err, incident.ErrWhichIncident)

	out, err := incident.AppendTo("s.yaml", []byte(file), "first", ev)
	require.NoError(t, err)
	assert.Equal(t, strings.Replace(file, "text: a\n", "text: a\n  - at: \"11:00\"\n    text: new\n", 1), string(out),
		"before the blank line and comment that end the document")

	out, err = incident.AppendTo("s.yaml", []byte(file), "TWO", ev)
	require.NoError(t, err)
	assert.Equal(t, strings.Replace(file, "date: 2020-01-02\n", "date: 2020-01-02\ntimeline:\n  - at: \"11:00\"\n    text: new\n", 1), string(out))

	incs, err := incident.Parse("s.yaml", []byte(file))
	require.NoError(t, err)
	out, err = incident.AppendTo("s.yaml", []byte(file), incs[2].ID.String(), ev)
	require.NoError(t, err)
	assert.Equal(t, file+"  - at: \"11:00\"\n    text: new\n", string(out))
}

// TestAppendCRLF checks that the lines added to a file of CRLF lines end in CRLF too.
func TestAppendCRLF(t *testing.T) {
	for _, file := range []string{
		"title: t\r\ndate: 2020-01-01\r\ntimeline:\r\n  - at: \"10:00\"\r\n    text: x\r\n",
		"title: t\r\ndate: 2020-01-01\r\ntimeline:\r\n  - at: \"10:00\"\r\n    text: x", // no final line end
		"title: t\r\ndate: 2020-01-01\r\n",
	} {
		out, err := incident.Append("crlf.yaml", []byte(file), incident.Event{At: incident.Time{Written: "10:30"}, Kind: timeline.Note, Text: "y"})
		require.NoError(t, err)
		assert.True(t, strings.HasPrefix(string(out), file), "%q", out)
		assert.Equal(t, strings.Count(string(out), "\n"), strings.Count(string(out), "\r\n"), "every line ends in CRLF: %q", out)
		assert.True(t, strings.HasSuffix(string(out), "  - at: \"10:30\"\r\n    kind: note\r\n    text: y\r\n"), "%q", out)
	}
}

func TestAppendRefuses(t *testing.T) {
	for name, tt := range map[string]struct {
		file string
		at   string
		want error
	}{
		"does not parse": {"title: [\n", "10:00", incident.ErrSyntax},
		"unknown key":    {"title: t\ntitel: x\n", "10:00", incident.ErrUnknownKey},
		"empty timeline": {"title: t\ndate: 2024-05-01\ntimeline: []\n", "10:00", incident.ErrAppend},
		"flow timeline":  {"title: t\ndate: 2024-05-01\ntimeline: [{at: \"10:00\"}]\n", "11:00", incident.ErrAppend},
		"backwards":      {"title: t\ndate: 2024-05-01\ntimeline:\n  - at: \"10:00\"\n", "09:00", incident.ErrAppend},
		"not a time":     {"title: t\ndate: 2024-05-01\ntimeline:\n  - at: \"10:00\"\n", "soon", incident.ErrAppend},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := incident.Append("f.yaml", []byte(tt.file), incident.Event{At: incident.Time{Written: tt.at}, Text: "x"})
			require.Error(t, err)
			assert.True(t, errors.Is(err, tt.want), "%v", err)
			assert.Contains(t, err.Error(), "f.yaml")
		})
	}
}

// FuzzAppend checks that Append never panics, and that what it returns reads back with one
// more event and otherwise the same bytes around it.
func FuzzAppend(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "examples", "*.yaml"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(string(data), "23:59")
		}
	}
	f.Add("title: t\ndate: 2024-05-01\ntimeline:\n  - at: \"10:00\"\n    text: a\n# end\n", "10:30")
	f.Add("title: t\n", "2024-05-01 10:00 UTC")
	f.Add("title: a\r\ntimeline:\r\n  - at: \"10:00\"\r\n---\r\ntitle: b\r\n# c\r\n...\r\n", "10:30")
	f.Fuzz(func(t *testing.T, file, at string) {
		// In a stream, the first incident (which tells the end of a document from that of
		// the file); Append refuses a stream itself.
		before, _ := incident.Parse("f.yaml", []byte(file))
		which := ""
		if len(before) > 1 {
			which = before[0].ID.String()
		}
		out, err := incident.AppendTo("f.yaml", []byte(file), which, incident.Event{At: incident.Time{Written: at}, Text: "x"})
		if err != nil {
			return
		}
		incs, err := incident.Parse("f.yaml", out)
		if err != nil {
			t.Fatalf("Append's result does not parse: %v\n%s", err, out)
		}
		if len(incs) != len(before) || len(incs[0].Timeline) != len(before[0].Timeline)+1 {
			t.Fatalf("not one more event:\n%s", out)
		}
	})
}
