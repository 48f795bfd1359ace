package slack

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/go-postmortem/postmortem/incident"
)

// FuzzText checks that no message text panics the rewriting, that it never grows out of
// proportion, and that no Slack markup survives it.
func FuzzText(f *testing.F) {
	for _, s := range []string{"paging <@U2>", "<#C1|general> <#C9>", "<!here> <!subteam^S1|@oncall>",
		"<https://x.example/a?b=1&amp;c=2|the graph>", "<https://x.example/(x)|a [b]>", "&amp;lt;", "<", "<<>>", "<|>", "<@>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := testDir.text(s)
		if len(out) > 4*len(s)+64 {
			t.Fatalf("text %q grew to %d bytes", s, len(out))
		}
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("text %q became invalid UTF-8: %q", s, out)
		}
		if !strings.Contains(s, "&") && strings.Contains(out, "&amp;") {
			t.Fatalf("text %q gained an escape: %q", s, out)
		}
	})
}

// FuzzParseTS checks that ParseTS never panics, and that what it reads it writes back to the
// same ts (leading zeros of the seconds aside).
func FuzzParseTS(f *testing.F) {
	for _, s := range []string{"1710057000.000200", "1710065400.999999", "0.000000", "1.5", "", ".", "99999999999.999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ts, err := ParseTS(s)
		if err != nil {
			return
		}
		if back, err := ParseTS(ts.String()); err != nil || back != ts || strings.TrimLeft(ts.String(), "0") != strings.TrimLeft(s, "0") {
			t.Fatalf("ParseTS(%q).String() = %q", s, ts.String())
		}
		if ts.Time().Unix() != ts.Sec || ts.Time().Nanosecond() != int(ts.Micro)*1000 {
			t.Fatalf("ParseTS(%q).Time() = %v", s, ts.Time())
		}
	})
}

// FuzzRead checks that no day file panics Read, and that every draft reads back and validates.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		`[{"type":"message","user":"U1","text":"hi <@U1>","ts":"1710057000.000200"}]`,
		`[{"type":"message","subtype":"message_changed","ts":"1710057001.000000","message":{"text":"x","ts":"1710057000.000200"}},{"ts":"1710057000.000200","text":"a"}]`,
		`[{"type":"message","subtype":"bot_message","attachments":[{"fallback":"f"}],"ts":"1.000000"}]`,
		`[{"subtype":"file_share","files":[{"title":"]","permalink":"https://x/"}],"ts":"99999999999.999999"}]`,
		`[`, `{}`, `[] []`,
	} {
		f.Add(s)
	}
	channels := []byte(`[{"id":"C1","name":"inc"}]`)
	users := []byte(`[{"id":"U1","name":"a","profile":{"display_name":"A"}}]`)
	f.Fuzz(func(t *testing.T, day string) {
		fsys := fstest.MapFS{"channels.json": {Data: channels}, "users.json": {Data: users},
			"inc/2024-03-10.json": {Data: []byte(day)}}
		for _, cfg := range []Config{{Channel: "inc"}, {Channel: "inc", Location: time.UTC}} {
			inc, diags := cfg.Read(fsys, "fuzz.zip")
			for _, d := range diags {
				if _, ok := incident.LookupCode(d.Code); !ok {
					t.Fatalf("%v: code %q is not one of incident.Codes", d, d.Code)
				}
			}
			if inc == nil {
				continue
			}
			b, err := incident.Marshal(inc)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			incs, err := incident.Parse("draft.yaml", b)
			if err != nil {
				t.Fatalf("draft does not read back: %v\n%s", err, b)
			}
			if errs, _ := incident.Validate(incs[0]); len(errs) > 0 {
				t.Fatalf("draft does not validate: %v\n%s", errs, b)
			}
			if len(incs) != 1 || len(incs[0].Timeline) != len(inc.Timeline) {
				t.Fatalf("draft differs:\n%s", b)
			}
		}
	})
}
