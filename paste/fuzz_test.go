package paste_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/paste"
	"github.com/go-postmortem/postmortem/tz"
)

// FuzzParse checks that no text panics Parse, that every diagnostic has one of incident's
// codes, that the events' texts together are not much longer than the text (each time has
// its part of a line), and that every draft reads back.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(string(data))
		}
	}
	for _, s := range []string{"10:00 UTC a\n09:00 UTC b\n", "Yesterday 10pm PST x", "| 12:33 | a |", "3/30 from 12:30 to 12:55 hours PST", "all times are IST\n10:00 x", "10:05 UTC down, lasting twenty-five minutes", "for 28 minutes from 11:16 UTC", "2:20/1:20 PM EST/CST x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		cfg := paste.Config{Date: tz.Date{Year: 2024, Month: 3, Day: 10}}
		inc, diags := cfg.Parse("fuzz.txt", []byte(text))
		for _, d := range diags {
			if _, ok := incident.LookupCode(d.Code); !ok {
				t.Fatalf("%v: code %q is not one of incident.Codes", d, d.Code)
			}
		}
		if inc == nil {
			return
		}
		total := 0
		for _, ev := range inc.Timeline {
			total += len(ev.Text)
		}
		if total > 2*len(text)+16 {
			t.Fatalf("the events' texts are %d bytes for a text of %d: a line's text is repeated", total, len(text))
		}
		b, err := incident.Marshal(inc)
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		incs, err := incident.Parse("draft.yaml", b)
		if err != nil {
			t.Fatalf("draft does not read back: %v\n%s", err, b)
		}
		if len(incs) != 1 || len(incs[0].Timeline) != len(inc.Timeline) {
			t.Fatalf("draft has %d incidents, events differ:\n%s", len(incs), b)
		}
	})
}
