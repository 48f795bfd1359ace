package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/report"
	"github.com/go-postmortem/postmortem/tz"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runArgs calls run with args and stdin and returns its output and exit status.
func runArgs(stdin string, args ...string) (stdout, stderr string, code int) {
	var o, e bytes.Buffer
	code = run(args, strings.NewReader(stdin), &o, &e)
	return o.String(), e.String(), code
}

func TestRunUsage(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stdout string // substring; "" means empty
		stderr string // substring; "" means empty
	}{
		{nil, 2, "", "Usage:"},
		{[]string{"--help"}, 0, "Commands:", ""},
		{[]string{"help"}, 0, "Commands:", ""},
		{[]string{"help", "downtime"}, 0, "Usage: postmortem downtime", ""},
		{[]string{"nope"}, 2, "", `unknown command "nope" (see`},
		{[]string{"rendr", "x.yaml"}, 2, "", `unknown command "rendr"; did you mean "render"?`},
		{[]string{"import"}, 2, "", "missing source"},
		{[]string{"import", "statuspag", "x.json"}, 2, "", `unknown source "statuspag" (want statuspage, slack, text); did you mean "statuspage"?`},
		{[]string{"validate"}, 2, "", "postmortem validate: no FILE given (see 'postmortem validate --help')"},
		{[]string{"validate", "--bogus", "x.yaml"}, 2, "", "postmortem validate: unknown flag --bogus"},
		{[]string{"render", "--fragment", "x.yaml"}, 2, "", "--fragment needs --format html"},
		{[]string{"render", "--front-matter", "--format", "html", "x.yaml"}, 2, "", "--front-matter needs --format markdown"},
		{[]string{"downtime", "--by", "fortnight", "x.yaml"}, 2, "", `"fortnight" is not one of day, week, month, quarter, year`},
		{[]string{"downtime", "--since", "2020-02-01", "--until", "2020-01-01", "x.yaml"}, 2, "", "is not before --until"},
		{[]string{"downtime", "--maintenance", "skip", "x.yaml"}, 2, "", `"skip" is not one of ignore, up, exclude`},
		{[]string{"downtime", "--by", "day", "--since", "1700", "--until", "2100", "../../examples/harness-2021.yaml"}, 2, "",
			"1700-01-01 to 2100-01-01 holds more than 100000 periods of a day"},
		{[]string{"convert"}, 2, "", "no TIME given"},
		{[]string{"downtime", "--since"}, 2, "", "postmortem downtime: --since needs a value (see"},
		{[]string{"render", "--fragment=maybe", "x.yaml"}, 2, "", `postmortem render: --fragment: "maybe" is not true or false (see`},
		{[]string{"convert", "--year", "abc", "10:00"}, 2, "", `postmortem convert: --year: "abc" is not a number (see`},
		{[]string{"new", "-o"}, 2, "", "postmortem new: -o needs a value"},
		{[]string{"convert", "a", "b", "c"}, 2, "", "too many arguments"},
		{[]string{"convert", "--year", "-3", "10:00"}, 2, "", "--year -3"},
		{[]string{"version", "extra"}, 2, "", `unexpected argument "extra"`},
		{[]string{"new", "x.yaml"}, 2, "", "new takes no FILE"},
		{[]string{"new", "--date", "2024-02-30"}, 2, "", "no such day"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, code := runArgs("", tt.args...)
			assert.Equal(t, tt.code, code, "run(%q) stderr: %s", tt.args, errOut)
			if tt.stdout == "" {
				assert.Empty(t, out)
			} else {
				assert.Contains(t, out, tt.stdout)
			}
			if tt.stderr == "" {
				assert.Empty(t, errOut)
			} else {
				assert.Contains(t, errOut, tt.stderr)
			}
		})
	}
}

func TestRunHelpEverySubcommand(t *testing.T) {
	for _, c := range commands {
		for _, flag := range []string{"--help", "-h"} {
			out, errOut, code := runArgs("", c.name, flag)
			assert.Equal(t, 0, code, "%s %s", c.name, flag)
			assert.Empty(t, errOut)
			assert.Contains(t, out, "Usage: postmortem "+c.name)
			assert.Contains(t, out, "Example:\n\n\tpostmortem "+c.name)
		}
	}
}

func TestRunNewValidates(t *testing.T) {
	for _, zone := range []string{"UTC", "Europe/Paris", "America/Los_Angeles", "Asia/Kolkata", "+05:30", "UTC-4", "EDT"} {
		t.Run(zone, func(t *testing.T) {
			out, errOut, code := runArgs("", "new", "--tz", zone, "--title", "Queue backlog: 'retries' & \"timeouts\"\t#1")
			require.Equal(t, 0, code, errOut)
			assert.True(t, strings.HasPrefix(out, "# yaml-language-server: $schema="+schemaURL+"\n"),
				"new's first line is the editor modeline of docs/format.md: %.100s", out)
			incs, err := incident.Parse("new.yaml", []byte(out))
			require.NoError(t, err, out)
			require.Len(t, incs, 1)
			var cfg incident.Config
			errs, warns := cfg.Validate(incs[0])
			assert.Empty(t, errs)
			assert.Empty(t, warns)
			assert.Equal(t, "Queue backlog: 'retries' & \"timeouts\"\t#1", incs[0].Title)

			_, errOut, code = runArgs(out, "validate", "--strict", "-")
			assert.Equal(t, 0, code, errOut)
			assert.Empty(t, errOut)
		})
	}
}

func TestSchemaURLDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/format.md")
	require.NoError(t, err)
	assert.Contains(t, string(doc), "# yaml-language-server: $schema="+schemaURL+"\n")
}

func TestRunNewDate(t *testing.T) {
	var o, e bytes.Buffer
	env := &env{stdin: strings.NewReader(""), stdout: &o, stderr: &e,
		now: func() time.Time { return time.Date(2024, 3, 31, 23, 30, 0, 0, time.UTC) }}
	require.Equal(t, 0, env.main([]string{"new", "--tz", "Asia/Tokyo"}), e.String())
	assert.Contains(t, o.String(), "\ndate: 2024-04-01 ", "today in the zone")
	assert.Contains(t, o.String(), "\ntimezone: Asia/Tokyo ")
}

func TestRunNewOutput(t *testing.T) {
	path := filepath.Join(t.TempDir(), "incident.yaml")
	_, errOut, code := runArgs("", "new", "-o", path)
	require.Equal(t, 0, code, errOut)
	first, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(first), "postmortem: 1")

	_, errOut, code = runArgs("", "new", "--title", "Other", "-o", path)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "file exists")
	kept, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, first, kept)

	_, errOut, code = runArgs("", "new", "--title", "Other", "--force", "-o", path)
	require.Equal(t, 0, code, errOut)
	replaced, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(replaced), `title: "Other"`)
}

func TestVersionLine(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.24.1", Main: debug.Module{Version: "v1.2.0"},
		Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"},
			{Key: "vcs.time", Value: "2026-11-23T10:00:00Z"},
			{Key: "vcs.modified", Value: "true"},
		}}
	assert.Equal(t, "postmortem v1.2.0 (commit 0123456789ab, modified, 2026-11-23T10:00:00Z, go1.24.1)", versionLine(info, true))
	assert.Regexp(t, `^postmortem \(unknown\) \(go1\.\d+`, versionLine(nil, false))
	out, _, code := runArgs("", "version")
	assert.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "postmortem "), out)
}

func TestParseBound(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	tests := []struct {
		in   string
		loc  *time.Location
		want time.Time
	}{
		{"2016", nil, time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"2016", ny, time.Date(2016, 1, 1, 5, 0, 0, 0, time.UTC)},
		{"2016-Q3", ny, time.Date(2016, 7, 1, 4, 0, 0, 0, time.UTC)},
		{"2016-q4", nil, time.Date(2016, 10, 1, 0, 0, 0, 0, time.UTC)},
		{"2016-07", ny, time.Date(2016, 7, 1, 4, 0, 0, 0, time.UTC)},
		{"2016-07-26", ny, time.Date(2016, 7, 26, 4, 0, 0, 0, time.UTC)},
		{" 2016-07-26 ", nil, time.Date(2016, 7, 26, 0, 0, 0, 0, time.UTC)},
		{"2016-07-26T14:50:00Z", ny, time.Date(2016, 7, 26, 14, 50, 0, 0, time.UTC)},
		{"2016-07-26 10:50", ny, time.Date(2016, 7, 26, 14, 50, 0, 0, time.UTC)},
		{"2016-07-26 10:50 UTC", ny, time.Date(2016, 7, 26, 10, 50, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		got, err := parseBound(tt.in, tt.loc)
		if assert.NoError(t, err, "parseBound(%q)", tt.in) {
			assert.WithinDuration(t, tt.want, got, 0, "parseBound(%q)", tt.in)
			assert.Equal(t, time.UTC, got.Location())
		}
	}
	for _, bad := range []string{"", "2016-13", "2016-02-30", "2016-Q5", "0000", "10:50", "yesterday", "2016-07-26 25:00"} {
		_, err := parseBound(bad, ny)
		if assert.Error(t, err, "parseBound(%q)", bad) {
			assert.NotContains(t, err.Error(), "\n")
		}
	}
}

func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.yaml")
	require.NoError(t, os.WriteFile(in, []byte("x"), 0o644))
	assert.NoError(t, checkOutput("", []string{in}))
	assert.NoError(t, checkOutput("-", []string{in}))
	assert.NoError(t, checkOutput(filepath.Join(dir, "new.md"), []string{in, "-"}))
	assert.ErrorContains(t, checkOutput(in, []string{in}), "refusing to overwrite")
	assert.ErrorContains(t, checkOutput(filepath.Join(dir, ".", "in.yaml"), []string{in}), "refusing to overwrite")
	hard := filepath.Join(dir, "hard.yaml")
	require.NoError(t, os.Link(in, hard))
	assert.ErrorContains(t, checkOutput(hard, []string{in}), "same file")
	assert.ErrorContains(t, checkOutput(dir, []string{in}), "is a directory")
}

func TestWriteFileKeepsMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.md")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o600))
	require.NoError(t, writeFile(path, []byte("new")))
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "new", string(got))
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	assert.ErrorContains(t, writeFile(filepath.Join(t.TempDir(), "no", "such", "dir.md"), nil), "cannot create")
}

func TestCheckText(t *testing.T) {
	assert.NoError(t, checkText("a", []byte("title: Café\n")))
	assert.EqualError(t, checkText("a", []byte("x: 1\ny: \x00")), "a:2:4: binary file (NUL byte), not an incident file")
	assert.EqualError(t, checkText("a", []byte("x: 1\ny: caf\xe9\n")), "a:2:7: invalid UTF-8 (byte 0xe9); save the file as UTF-8")
}

func TestValidateFormats(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad,1.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("title: One\ndate: 2020-01-01\ntitel: typo\n"), 0o644))
	missing := filepath.Join(dir, "missing.yaml")

	out, errOut, code := runArgs("", "validate", "--format", "json", bad, missing)
	assert.Equal(t, 1, code)
	assert.Empty(t, errOut)
	var got []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &got), out)
	require.Len(t, got, 2)
	assert.Equal(t, bad, got[0]["file"])
	assert.Equal(t, float64(3), got[0]["line"])
	assert.Equal(t, float64(1), got[0]["column"])
	assert.Equal(t, "error", got[0]["severity"])
	assert.Contains(t, got[0]["message"], "titel")
	assert.Equal(t, map[string]any{"file": missing, "severity": "error", "message": "no such file"}, got[1])

	out, _, code = runArgs("", "validate", "--format", "json", "../../examples/harvest-2016-07-26.yaml")
	assert.Equal(t, 0, code)
	assert.Equal(t, "[]\n", out)

	out, errOut, code = runArgs("", "validate", "--format", "github", bad)
	assert.Equal(t, 1, code)
	assert.Empty(t, errOut)
	assert.Regexp(t, `^::error file=[^,:]*bad%2C1\.yaml,line=3,col=1(,title=[^:]*)?::.*titel.*\n$`, out)
}

func TestPlaceName(t *testing.T) {
	for _, tt := range []struct{ given, want string }{
		{"America/New_York", "New York"},
		{"Tokyo", "Tokyo"},
		{"EDT", "New York"},
		{"UTC", "UTC"},
	} {
		loc, err := tz.Resolve(tt.given)
		require.NoError(t, err, tt.given)
		assert.Equal(t, tt.want, placeName(tt.given, loc), "placeName(%q)", tt.given)
	}
}

func TestPercentAndHuman(t *testing.T) {
	assert.Equal(t, "100 %", percent(1))
	assert.Equal(t, "99.7715 %", percent(1-6120.0/(744*3600)))
	assert.Equal(t, "99.9999 %", percent(0.99999999), "never rounds up to 100")
	assert.Equal(t, "-", human(0))
	assert.Equal(t, "1 h 48 min", human(report.Duration(108*time.Minute)))
}
