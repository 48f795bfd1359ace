package incident

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codesOf returns "path [code]" of every problem, errors first, "warning " before a warning.
func codesOf(errs, warns ErrorList) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Path+" ["+e.Code+"]")
	}
	for _, w := range warns {
		out = append(out, "warning "+w.Path+" ["+w.Code+"]")
	}
	return out
}

// check parses and validates src with c, returning every problem's code.
func check(t *testing.T, c *Config, src []byte) []string {
	t.Helper()
	incs, err := c.Parse("f.yaml", src)
	var perrs ErrorList
	if err != nil {
		require.ErrorAs(t, err, &perrs)
	}
	out := codesOf(perrs, nil)
	for _, inc := range incs {
		errs, warns := c.Validate(inc)
		out = append(out, codesOf(errs, warns)...)
	}
	return out
}

func TestCodes(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
		want []string
	}{
		{"yaml syntax", doc("title: [a"), []string{" [yaml-syntax]"}},
		{"tab", []byte("title: a\ntimeline:\n\t- at: '10:00'\n"), []string{" [tab-indent]"}},
		{"empty", doc("---", "---"), []string{" [no-incident]"}},
		{"unknown key", doc("title: a", "date: 2020-01-01", "sumary: x"), []string{"sumary [unknown-key]"}},
		{"duplicate key", doc("title: a", "date: 2020-01-01", "title: b"), []string{"title [duplicate-key]"}},
		{"missing title", doc("date: 2020-01-01"), []string{"title [missing]"}},
		{"wrong type", doc("title: a", "date: 2020-01-01", "services: {a: b}"), []string{"services [wrong-type]"}},
		{"bad state", doc("title: a", "date: 2020-01-01", "timeline:", "  - {at: '10:00', state: down}"),
			[]string{"timeline[0].state [invalid-value]"}},
		{"bad date", doc("title: a", "date: 2020-02-30"), []string{"date [invalid-date]"}},
		{"version", doc("postmortem: 2", "title: a", "date: 2020-01-01"), []string{"postmortem [unsupported-version]"}},
		{"unknown zone", doc("title: a", "timezone: Mars/Olympus", "date: 2020-01-01"), []string{"timezone [unknown-zone]"}},
		{"ambiguous abbreviation", doc("title: a", "date: 2020-01-01", "timeline:", "  - at: 10:00 IST"),
			[]string{"timeline[0].at [ambiguous-abbrev]"}},
		{"spring-forward gap", doc("title: a", "date: 2020-03-08", "timezone: America/New_York", "timeline:", "  - at: '02:30'"),
			[]string{"timeline[0].at [nonexistent-time]"}},
		{"fall-back hour", doc("title: a", "date: 2020-11-01", "timezone: America/New_York", "timeline:", "  - at: '01:30'"),
			[]string{"timeline[0].at [ambiguous-time]"}},
		{"no time", doc("title: a", "date: 2020-01-01", "timeline:", "  - at: banana"), []string{"timeline[0].at [invalid-time]"}},
		{"forms disagree", doc("title: a", "date: 2020-07-01", "timeline:", "  - at: 10:36am EDT (14:37 UTC)"),
			[]string{"timeline[0].at [forms-disagree]"}},
		{"weekday", doc("title: a", "date: 2020-07-01", "timeline:", "  - at: Monday, 2020-07-01 10:00 UTC"), []string{"timeline[0].at [weekday-mismatch]"}},
		{"backwards", doc("title: a", "date: 2020-01-01", "timeline:", "  - at: '10:00'", "  - at: '09:00'"),
			[]string{"timeline[1].at [time-backwards]"}},
		{"end before start", doc("title: a", "date: 2020-01-01", "outages:", "  - {start: '2020-01-01 10:00', end: '2020-01-01 09:00'}"),
			[]string{"outages[0].end [end-before-start]"}},
		{"resolved before started", doc("title: a", "date: 2020-01-01", "timeline:",
			"  - {at: '10:00', kind: resolved}", "  - {at: '11:00', kind: started}"),
			[]string{"timeline[0] [resolved-before-start]"}},
		{"maintenance", doc("title: a", "kind: maintenance", "date: 2020-01-01"), []string{"kind [maintenance-without-schedule]"}},
		{"source", doc("title: a", "date: 2020-01-01", "source: {system: x, url: 'ftp://a'}"), []string{"source.url [invalid-url]"}},
		{"source system", doc("title: a", "date: 2020-01-01", "source: {id: x}"), []string{"source.system [missing-system]"}},
		{"dst half", doc("title: a", "date: 2020-07-01", "timeline:", "  - at: 10:00 PST"),
			[]string{"warning timeline[0].at [abbrev-dst-mismatch]"}},
		{"undated", doc("title: a", "timeline:", "  - at: '10:00'"), []string{"warning title [undated]"}},
		{"owner and due", doc("title: a", "date: 2020-01-02", "action_items:", "  - {text: x, due: 2020-01-01}"),
			[]string{"warning action_items[0] [no-owner]", "warning action_items[0].due [due-before-incident]"}},
		{"unknown service", doc("title: a", "date: 2020-01-01", "services: [api]", "timeline:", "  - {at: '10:00', services: [web]}"),
			[]string{"warning timeline[0].services[0] [unknown-service]"}},
		{"operational outage", doc("title: a", "date: 2020-01-01", "outages:", "  - {start: '10:00', end: '11:00', level: ok}"),
			[]string{"warning outages[0] [outage-counts-nothing]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, check(t, nil, tt.src))
		})
	}
}

// TestCodeShown checks that the code ends the message, once.
func TestCodeShown(t *testing.T) {
	_, err := Parse("f.yaml", doc("title: a", "sumary: x"))
	require.Error(t, err)
	assert.Equal(t, `f.yaml:2:1: sumary: unknown key "sumary" (did you mean "summary"?) [unknown-key]`, err.Error())
	pe := &ParseError{File: "f", Err: errorf(ErrInvalid, "bad [x]"), Code: "x"}
	assert.Equal(t, "f: bad [x]", pe.Error(), "a message that ends with its code does not repeat it")
	assert.Equal(t, "f: bad", (&ParseError{File: "f", Err: errorf(ErrInvalid, "bad")}).Error())
}

func TestIgnore(t *testing.T) {
	dst := []string{"title: a", "date: 2020-07-01", "services: [api]"}
	tests := []struct {
		name   string
		strict bool
		src    []byte
		want   []string
	}{
		{"reported", false, doc(append(dst, "timeline:", "  - at: 10:00 PST")...),
			[]string{"warning timeline[0].at [abbrev-dst-mismatch]"}},
		{"strict makes it an error", true, doc(append(dst, "timeline:", "  - at: 10:00 PST")...),
			[]string{"timeline[0].at [abbrev-dst-mismatch]"}},
		{"on the incident", false, doc(append(dst, "ignore: [abbrev-dst-mismatch]", "timeline:", "  - at: 10:00 PST")...), nil},
		{"on the incident, strict", true, doc(append(dst, "ignore: [abbrev-dst-mismatch]", "timeline:", "  - at: 10:00 PST")...), nil},
		{"on the event", true, doc(append(dst, "timeline:", "  - {at: 10:00 PST, ignore: [abbrev-dst-mismatch]}", "  - at: 11:00 PST")...),
			[]string{"timeline[1].at [abbrev-dst-mismatch]"}},
		{"any case and spaces", false, doc(append(dst, "timeline:", "  - {at: 10:00 PST, ignore: [' Abbrev-DST-Mismatch']}")...), nil},
		{"another code is still reported", false, doc(append(dst, "ignore: [undated]", "timeline:", "  - at: 10:00 PST")...),
			[]string{"warning timeline[0].at [abbrev-dst-mismatch]"}},
		{"on the outage", false, doc(append(dst, "outages:",
			"  - {start: '10:00', end: '11:00', services: [web], ignore: [unknown-service]}",
			"  - {start: '12:00', end: '13:00', services: [web]}")...),
			[]string{"warning outages[1].services[0] [unknown-service]"}},
		{"on the action item", false, doc(append(dst, "action_items:", "  - {text: x, ignore: [no-owner]}", "  - {text: y}")...),
			[]string{"warning action_items[1] [no-owner]"}},
		{"an item's does not reach item 10", false, doc(append(dst, "action_items:",
			"  - {text: x, owner: a}", "  - {text: x, ignore: [no-owner]}", "  - {text: x, owner: a}", "  - {text: x, owner: a}",
			"  - {text: x, owner: a}", "  - {text: x, owner: a}", "  - {text: x, owner: a}", "  - {text: x, owner: a}",
			"  - {text: x, owner: a}", "  - {text: x, owner: a}", "  - {text: x}")...),
			[]string{"warning action_items[10] [no-owner]"}},
		{"an importer's warning", false, doc(append(dst, "ignore: [open, resolved-far]")...), nil},
		{"errors are not ignored", false, doc(append(dst, "ignore: [forms-disagree]", "timeline:", "  - at: 10:36am EDT (14:37 UTC)")...),
			[]string{"ignore[0] [not-ignorable]", "timeline[0].at [forms-disagree]"}},
		{"unknown code", false, doc(append(dst, "ignore: [abbrev-dst-missmatch]")...), []string{"ignore[0] [unknown-code]"}},
		{"not a list", false, doc(append(dst, "ignore: undated")...), []string{"ignore [wrong-type]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, check(t, &Config{Strict: tt.strict}, tt.src))
		})
	}
}

func TestIgnoreMessages(t *testing.T) {
	_, err := Parse("f.yaml", doc("title: a", "ignore: [abbrev-dst-missmatch, forms-disagree, zzz]"))
	var l ErrorList
	require.ErrorAs(t, err, &l)
	require.Len(t, l, 3)
	assert.Equal(t, `f.yaml:2:10: ignore[0]: ignore: no warning has the code "abbrev-dst-missmatch" (did you mean "abbrev-dst-mismatch"?) [unknown-code]`, l[0].Error())
	assert.Equal(t, `f.yaml:2:32: ignore[1]: ignore: "forms-disagree" is the code of an error, and errors cannot be ignored; fix what it reports and remove it from ignore [not-ignorable]`, l[1].Error())
	assert.Contains(t, l[2].Error(), `no warning has the code "zzz"; the codes are those shown in brackets`)
}

func TestIgnoreBuilt(t *testing.T) {
	inc := &Incident{Title: "a", Ignore: []string{"undated", "nope"},
		ActionItems: []ActionItem{{Text: "x", Ignore: []string{"no-owner"}}, {Text: "y"}}}
	errs, warns := Validate(inc)
	assert.Equal(t, []string{"ignore[1] [unknown-code]", "warning action_items[1] [no-owner]"}, codesOf(errs, warns))
}

func TestIgnoreRoundTrip(t *testing.T) {
	src := doc("title: a", "date: 2020-07-01",
		"timeline:", "  - {at: 10:00 PST, ignore: [abbrev-dst-mismatch]}",
		"outages:", "  - {start: '10:00', end: '11:00', ignore: [unknown-service]}",
		"action_items:", "  - {text: x, ignore: [no-owner]}",
		"ignore: [undated]")
	incs, err := Parse("f.yaml", src)
	require.NoError(t, err)
	out, err := Marshal(incs[0])
	require.NoError(t, err)
	back, err := Parse("f.yaml", out)
	require.NoError(t, err, "%s", out)
	assert.Equal(t, []string{"undated"}, back[0].Ignore)
	assert.Equal(t, []string{"abbrev-dst-mismatch"}, back[0].Timeline[0].Ignore)
	assert.Equal(t, []string{"unknown-service"}, back[0].Outages[0].Ignore)
	assert.Equal(t, []string{"no-owner"}, back[0].ActionItems[0].Ignore)
	assert.Contains(t, string(out), "\nignore: [undated]\n")
}

// TestCodesDocumented checks that docs/format.md's table of codes lists every code, once, as
// a warning exactly when it is one.
func TestCodesDocumented(t *testing.T) {
	data, err := os.ReadFile("../docs/format.md")
	require.NoError(t, err)
	row := regexp.MustCompile("(?m)^\\| `([a-z0-9-]+)` \\| (error|warning) \\|")
	documented := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(string(data), -1) {
		assert.NotContains(t, documented, m[1], "code %q documented twice", m[1])
		documented[m[1]] = m[2]
	}
	for _, c := range Codes() {
		want := "error"
		if c.Warning {
			want = "warning"
		}
		assert.Equal(t, want, documented[c.Code], "docs/format.md on %q", c.Code)
		delete(documented, c.Code)
		assert.NotEmpty(t, strings.TrimSpace(c.Meaning))
	}
	assert.Empty(t, documented, "documented codes that do not exist")
}
