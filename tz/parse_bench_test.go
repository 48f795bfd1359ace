package tz_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/go-postmortem/postmortem/tz"
)

type benchInput struct {
	s   string
	ctx tz.Context
}

// seedInputs returns the expressions of testdata/parse/seeds.txt, each with
// the Context of its "@" line (not carried forward).
func seedInputs(b *testing.B) []benchInput {
	data, err := os.ReadFile("testdata/parse/seeds.txt")
	require.NoError(b, err)
	var in []benchInput
	var ctx tz.Context
	for _, l := range strings.Split(string(data), "\n") {
		switch l = strings.TrimSpace(l); {
		case l == "" || l[0] == '#':
		case l[0] == '@':
			ctx = parseContextLine(b, l)
		default:
			in = append(in, benchInput{l, ctx})
		}
	}
	return in
}

// baselineLayouts is what a program without a parser of its own tries:
// time.Parse with one layout after another. It reads few of the seed forms,
// and those it reads with a made-up zero offset for an unknown abbreviation.
var baselineLayouts = []string{
	time.RFC3339, "2006-01-02 15:04:05 MST", "2006-01-02 15:04 MST", "2006-01-02 15:04",
	"3:04pm MST", "3pm MST", "15:04 MST", "15:04", "3:04pm", "3pm",
}

func baselineParse(s string) (time.Time, bool) {
	for _, layout := range baselineLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// BenchmarkParse reads the seed posts' forms (forms=seeds) and RFC 3339
// instants (forms=rfc3339), with Parse (impl=ours) and with time.Parse over a
// list of layouts (impl=baseline); forms=rfc3339/impl=general reads RFC 3339
// with the general parser instead of the fast path; form=NAME reads one form
// of the generated corpus.
func BenchmarkParse(b *testing.B) {
	ny := mustLoad(b, "America/New_York")
	rfc := []benchInput{
		{"2016-07-26T14:36:00Z", tz.Context{}},
		{"2016-07-26T10:36:00-04:00", tz.Context{}},
		{"2016-07-26T10:50:00.5-04:00", tz.Context{Location: ny}},
	}
	sets := []struct {
		name string
		in   []benchInput
	}{{"rfc3339", rfc}, {"seeds", seedInputs(b)}}
	for _, set := range sets {
		b.Run("forms="+set.name+"/impl=baseline", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				baselineParse(set.in[i%len(set.in)].s)
			}
		})
		b.Run("forms="+set.name+"/impl=ours", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				in := set.in[i%len(set.in)]
				_, _ = tz.Parse(in.s, in.ctx)
			}
		})
	}
	// The forms of the generated corpus (../shared/bench/gen_corpus.py),
	// most frequent first, each read as incident files read them: against
	// the incident's date and zone and the previous time.
	sg := mustLoad(b, "Asia/Singapore")
	file := tz.Context{Date: tz.Date{Year: 2020, Month: time.August, Day: 21}, Location: sg,
		After: time.Date(2020, 8, 20, 22, 0, 0, 0, time.UTC)}
	for _, c := range []struct{ name, s string }{
		{"rfc3339-z", "2020-08-21T06:32:25Z"},
		{"seconds-utc", "2020-08-21 06:32:25 UTC"},
		{"rfc3339-east", "2020-08-21T06:32:25+08:00"},
		{"rfc3339-west", "2020-08-21T06:32:25-05:00"},
		{"minutes-utc", "2020-08-21 06:32 UTC"},
		{"seconds-iana", "2020-08-21 06:32:25 America/Los_Angeles"},
		{"minutes-iana", "2020-08-21 06:32 Europe/Berlin"},
	} {
		b.Run("form="+c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = tz.Parse(c.s, file)
			}
		})
	}
	// The general parser on RFC 3339 (a leading space takes it off the fast
	// path of rfc3339.go): what that fast path saves.
	b.Run("forms=rfc3339/impl=general", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			in := rfc[i%len(rfc)]
			_, _ = tz.Parse(" "+in.s, in.ctx)
		}
	})
}
