package slack_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	_ "time/tzdata"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/slack"
	"github.com/go-postmortem/postmortem/tz"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// read reads cfg's channel of fsys and, when there is a draft, checks that it reads back and
// validates with the same instants.
func read(t *testing.T, cfg slack.Config, fsys fs.FS) (*incident.Incident, incident.ErrorList) {
	t.Helper()
	inc, diags := cfg.Read(fsys, "export.zip")
	if inc == nil {
		return nil, diags
	}
	b, err := incident.Marshal(inc)
	require.NoError(t, err)
	incs, err := incident.Parse("draft.yaml", b)
	require.NoError(t, err, "draft:\n%s", b)
	require.Len(t, incs, 1)
	errs, warns := incident.Validate(incs[0])
	require.Empty(t, errs, "draft:\n%s", b)
	require.Empty(t, warns, "draft:\n%s", b)
	require.Len(t, incs[0].Timeline, len(inc.Timeline), "draft:\n%s", b)
	for i, ev := range inc.Timeline {
		assert.True(t, ev.At.Instant.Equal(incs[0].Timeline[i].At.Instant), "event %d of draft:\n%s", i, b)
		assert.Equal(t, ev.Text, incs[0].Timeline[i].Text)
	}
	return inc, diags
}

func texts(inc *incident.Incident) []string {
	var out []string
	for _, ev := range inc.Timeline {
		out = append(out, ev.Text)
	}
	return out
}

func ats(inc *incident.Incident) []string {
	var out []string
	for _, ev := range inc.Timeline {
		out = append(out, ev.At.Written)
	}
	return out
}

func codes(diags incident.ErrorList) []string {
	var out []string
	for _, d := range diags {
		out = append(out, d.Code)
	}
	return out
}

// fixture is the export under testdata/export as a map, to which a test adds files.
func fixture(t *testing.T, extra map[string]string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	root := filepath.Join("testdata", "export")
	for _, name := range []string{"channels.json", "users.json"} {
		data, err := os.ReadFile(filepath.Join(root, name))
		require.NoError(t, err)
		m[name] = &fstest.MapFile{Data: data}
	}
	for name, data := range extra {
		m[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return m
}

// zipOf returns the files of fsys as a .zip read back through archive/zip.
func zipOf(t *testing.T, fsys fs.FS) *zip.Reader {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	require.NoError(t, zw.AddFS(fsys))
	require.NoError(t, zw.Close())
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	return zr
}

var fixtureTexts = []string{
	"alice: @here db primary is down, paging @Bob Builder",
	"PagerDuty: Triggered #1234: DB primary down & replica lagging",
	"Bob Builder: ack, looking",
	"alice: failover started at 00:03 PST, see [dashboard](https://grafana.example.com/d/db?from=1&to=2)",
	"Bob Builder: failover done, <2% errors & dropping",
	"carol: error graph (shared [errors.png](https://acme.slack.com/files/U3/F1/errors.png))",
	"dave.oncall: I'll write the postmortem, cc #general and #random (see https://status.example.com)",
	"alice: all clear at 19:00 PST yesterday? no: resolved now",
}

var fixtureAts = []string{
	"2024-03-09T23:50:00-08:00", "2024-03-09T23:52:00-08:00", "2024-03-10T00:05:00-08:00",
	"2024-03-10T00:06:00-08:00", "2024-03-10T00:07:00-08:00", "2024-03-10T00:08:00-08:00",
	"2024-03-10T00:10:00-08:00", "2024-03-10T03:10:00-07:00",
}

// TestReadFixture reads the test export as a folder and as a .zip: the same draft.
func TestReadFixture(t *testing.T) {
	dir := os.DirFS(filepath.Join("testdata", "export"))
	for name, fsys := range map[string]fs.FS{"folder": dir, "zip": zipOf(t, dir)} {
		t.Run(name, func(t *testing.T) {
			inc, diags := read(t, slack.Config{Channel: "#incident-db"}, fsys)
			require.NotNil(t, inc, "%v", diags)
			assert.Equal(t, []string{incident.CodeZoneProposed}, codes(diags))
			assert.Contains(t, diags[0].Message(), "America/Los_Angeles proposed")
			assert.Equal(t, "America/Los_Angeles", inc.TimeZone)
			assert.Equal(t, tz.Date{Year: 2024, Month: 3, Day: 9}, inc.Date)
			assert.Equal(t, "#incident-db", inc.Title)
			assert.Equal(t, &incident.Source{System: "slack", ID: "C0001", Page: "export"}, inc.Source)
			assert.Equal(t, fixtureTexts, texts(inc))
			assert.Equal(t, fixtureAts, ats(inc))
		})
	}
}

func TestReadNestedFolder(t *testing.T) {
	m := fstest.MapFS{}
	for name, f := range fixture(t, map[string]string{"incident-db/2024-03-10.json": `[{"type":"message","user":"U1","text":"hi","ts":"1710057000.000200"}]`}) {
		m["Acme export/"+name] = f
	}
	inc, diags := read(t, slack.Config{Channel: "C0001", Location: time.UTC}, m)
	require.NotNil(t, inc, "%v", diags)
	assert.Equal(t, []string{"alice: hi"}, texts(inc))
}

// day is one day file of #incident-db holding msgs.
func day(date string, msgs ...string) map[string]string {
	return map[string]string{"incident-db/" + date + ".json": "[" + strings.Join(msgs, ",\n") + "]"}
}

func TestReadRules(t *testing.T) {
	utc := time.UTC
	ny, err := tz.Load("America/New_York")
	require.NoError(t, err)
	tests := []struct {
		name  string
		files map[string]string
		cfg   slack.Config
		texts []string
		ats   []string
		codes []string
	}{
		{"ts is two integers, not a float", day("2024-03-10",
			`{"type":"message","user":"U1","text":"b","ts":"1710065400.999999"}`,
			`{"type":"message","user":"U1","text":"a","ts":"1710065400.999998"}`),
			slack.Config{Location: utc}, []string{"alice: a", "alice: b"}, []string{"2024-03-10T10:10:00Z", "2024-03-10T10:10:00Z"}, nil},
		{"never edited.ts", day("2024-03-10",
			`{"type":"message","user":"U1","text":"x","ts":"1710065400.000000","edited":{"user":"U1","ts":"1710090000.000000"}}`),
			slack.Config{Location: utc}, []string{"alice: x"}, []string{"2024-03-10T10:10:00Z"}, nil},
		{"never the file's date", day("2024-03-12",
			`{"type":"message","user":"U1","text":"x","ts":"1710065400.000000"}`),
			slack.Config{Location: utc}, []string{"alice: x"}, []string{"2024-03-10T10:10:00Z"}, []string{incident.CodeDayMismatch}},
		{"files sorted by ts", map[string]string{
			"incident-db/2024-03-11.json": `[{"type":"message","user":"U1","text":"second","ts":"1710150000.000000"}]`,
			"incident-db/2024-03-10.json": `[{"type":"message","user":"U1","text":"first","ts":"1710065400.000000"}]`},
			slack.Config{Location: utc}, []string{"alice: first", "alice: second"}, nil, nil},
		{"thread replies interleave by time", day("2024-03-10",
			`{"type":"message","user":"U1","text":"parent","ts":"1710065400.000000","thread_ts":"1710065400.000000"}`,
			`{"type":"message","user":"U2","text":"reply late","ts":"1710065700.000000","thread_ts":"1710065400.000000"}`,
			`{"type":"message","user":"U3","text":"other","ts":"1710065500.000000"}`),
			slack.Config{Location: utc}, []string{"alice: parent", "carol: other", "Bob Builder: reply late"}, nil, nil},
		{"thread_broadcast once", day("2024-03-10",
			`{"type":"message","user":"U2","text":"b","ts":"1710065400.000000","thread_ts":"1710065000.000000"}`,
			`{"type":"message","subtype":"thread_broadcast","user":"U2","text":"b","ts":"1710065400.000000","thread_ts":"1710065000.000000"}`),
			slack.Config{Location: utc}, []string{"Bob Builder: b"}, nil, nil},
		{"bot_message: fallback when no text", day("2024-03-10",
			`{"type":"message","subtype":"bot_message","username":"deploybot","text":"","attachments":[{"fallback":"deploy &lt;v2&gt; done"},{"fallback":"second"}],"ts":"1710065400.000000"}`,
			`{"type":"message","subtype":"bot_message","bot_profile":{"name":"Grafana"},"text":"alert <https://g.example/|firing>","ts":"1710065401.000000"}`),
			slack.Config{Location: utc}, []string{"deploybot: deploy <v2> done", "Grafana: alert [firing](https://g.example/)"}, nil, nil},
		{"file_share", day("2024-03-10",
			`{"type":"message","subtype":"file_share","user":"U3","text":"","files":[{"name":"a.log","title":"a.log"},{"name":"b.png","title":"graph","permalink":"https://acme.slack.com/files/F2"}],"ts":"1710065400.000000"}`),
			slack.Config{Location: utc}, []string{"carol: shared a.log, [graph](https://acme.slack.com/files/F2)"}, nil, nil},
		{"no event for housekeeping", day("2024-03-10",
			`{"type":"message","subtype":"channel_join","user":"U1","text":"<@U1> has joined","ts":"1710065400.000000"}`,
			`{"type":"message","subtype":"channel_leave","user":"U1","text":"left","ts":"1710065401.000000"}`,
			`{"type":"message","subtype":"channel_topic","user":"U1","text":"topic","ts":"1710065402.000000"}`,
			`{"type":"message","subtype":"channel_purpose","user":"U1","text":"purpose","ts":"1710065403.000000"}`,
			`{"type":"message","subtype":"channel_name","user":"U1","text":"renamed","ts":"1710065404.000000"}`,
			`{"type":"message","subtype":"bot_add","user":"U1","text":"added","ts":"1710065405.000000"}`,
			`{"type":"message","subtype":"pinned_item","user":"U1","text":"pinned","ts":"1710065406.000000"}`,
			`{"type":"message","user":"U1","text":"real","ts":"1710065407.000000"}`),
			slack.Config{Location: utc}, []string{"alice: real"}, nil, nil},
		{"tombstone: none, its replies are events", day("2024-03-10",
			`{"type":"message","subtype":"tombstone","user":"USLACKBOT","text":"This message was deleted.","ts":"1710065400.000000","thread_ts":"1710065400.000000"}`,
			`{"type":"message","user":"U2","text":"reply","ts":"1710065500.000000","thread_ts":"1710065400.000000"}`),
			slack.Config{Location: utc}, []string{"Bob Builder: reply"}, nil, nil},
		{"final text of an edited message", day("2024-03-10",
			`{"type":"message","user":"U2","text":"teh db","ts":"1710065400.000000"}`,
			`{"type":"message","subtype":"message_changed","hidden":true,"ts":"1710065900.000000","message":{"user":"U2","text":"the db","ts":"1710065400.000000"}}`),
			slack.Config{Location: utc}, []string{"Bob Builder: the db"}, []string{"2024-03-10T10:10:00Z"}, nil},
		{"a deleted message", day("2024-03-10",
			`{"type":"message","user":"U2","text":"oops","ts":"1710065400.000000"}`,
			`{"type":"message","user":"U2","text":"kept","ts":"1710065401.000000"}`,
			`{"type":"message","subtype":"message_deleted","hidden":true,"ts":"1710065900.000000","deleted_ts":"1710065400.000000"}`),
			slack.Config{Location: utc}, []string{"Bob Builder: kept"}, nil, nil},
		{"names: display, real, handle, profile, id", day("2024-03-10",
			`{"type":"message","user":"U1","text":"<@U1> <@U2> <@U3> <@U4>","ts":"1710065400.000000"}`,
			`{"type":"message","user":"U7","user_profile":{"real_name":"Eve Guest"},"text":"hi","ts":"1710065401.000000"}`,
			`{"type":"message","user":"U8","text":"hi","ts":"1710065402.000000"}`),
			slack.Config{Location: utc}, []string{"alice: @alice @Bob Builder @carol @dave.oncall", "Eve Guest: hi", "U8: hi"}, nil, nil},
		{"a quoted time is text", day("2024-03-10",
			`{"type":"message","user":"U1","text":"started 19:00 PST","ts":"1710065400.000000"}`),
			slack.Config{Location: utc}, []string{"alice: started 19:00 PST"}, []string{"2024-03-10T10:10:00Z"}, nil},
		{"--since and --until clip", day("2024-03-10",
			`{"type":"message","user":"U1","text":"before","ts":"1710065399.999999"}`,
			`{"type":"message","user":"U1","text":"in","ts":"1710065400.000000"}`,
			`{"type":"message","user":"U1","text":"until is open","ts":"1710065460.000000"}`),
			slack.Config{Location: utc, Since: time.Unix(1710065400, 0), Until: time.Unix(1710065460, 0)}, []string{"alice: in"}, nil, nil},
		{"--tz writes its offset", day("2024-03-10",
			`{"type":"message","user":"U1","text":"x","ts":"1710065400.000000"}`),
			slack.Config{Location: ny, Zone: "America/New_York"}, []string{"alice: x"}, []string{"2024-03-10T06:10:00-04:00"}, nil},
		{"several zones fit: UTC", day("2024-03-10",
			`{"type":"message","user":"U1","text":"x","ts":"1710065400.000000"}`),
			slack.Config{}, []string{"alice: x"}, []string{"2024-03-10T10:10:00Z"}, []string{incident.CodeZoneUnsettled}},
		{"no zone fits: UTC", map[string]string{
			"incident-db/2024-03-10.json": `[{"type":"message","user":"U1","text":"a","ts":"1710065400.000000"}]`,
			"incident-db/2024-03-12.json": `[{"type":"message","user":"U1","text":"b","ts":"1710065500.000000"}]`},
			slack.Config{}, []string{"alice: a", "alice: b"}, []string{"2024-03-10T10:10:00Z", "2024-03-10T10:11:40Z"}, []string{incident.CodeZoneUnsettled}},
		{"unknown subtype kept, with a warning", day("2024-03-10",
			`{"type":"message","subtype":"huddle_thread","user":"U1","text":"huddle","ts":"1710065400.000000"}`),
			slack.Config{Location: utc}, []string{"alice: huddle"}, nil, []string{incident.CodeUnknownSubtype}},
		{"empty message left out, with a warning", day("2024-03-10",
			`{"type":"message","user":"U1","text":"","ts":"1710065400.000000"}`,
			`{"type":"message","user":"U1","text":"x","ts":"1710065401.000000"}`),
			slack.Config{Location: utc}, []string{"alice: x"}, nil, []string{incident.CodeEmptyMessage}},
		{"bad ts left out, an error", day("2024-03-10",
			`{"type":"message","user":"U1","text":"a","ts":"1710065400.5"}`,
			`{"type":"message","user":"U1","text":"b","ts":"1710065401.000000"}`),
			slack.Config{Location: utc}, []string{"alice: b"}, nil, []string{incident.CodeInvalidTS}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := tt.cfg
			cfg.Channel = "incident-db"
			inc, diags := read(t, cfg, fixture(t, tt.files))
			require.NotNil(t, inc, "%v", diags)
			assert.Equal(t, tt.texts, texts(inc))
			if tt.ats != nil {
				assert.Equal(t, tt.ats, ats(inc))
			}
			assert.Equal(t, tt.codes, codes(diags), "%v", diags)
		})
	}
}

func TestReadBadInput(t *testing.T) {
	ok := day("2024-03-10", `{"type":"message","user":"U1","text":"x","ts":"1710065400.000000"}`)
	tests := []struct {
		name string
		fsys fs.FS
		cfg  slack.Config
		err  error
		code string
		msg  string // the whole first diagnostic
	}{
		{"no such channel", fixture(t, ok), slack.Config{Channel: "incident-bd"}, slack.ErrNoChannel, incident.CodeNoChannel,
			`export.zip/channels.json: no channel "incident-bd" in the export (it has general, incident-db, random); did you mean "incident-db"? [no-channel]`},
		{"not an export", fstest.MapFS{"readme.txt": {Data: []byte("hi")}}, slack.Config{Channel: "x"}, slack.ErrNotExport, incident.CodeNotSlackExport,
			"export.zip: not a Slack workspace export: no channels.json; give the folder or the .zip Slack's export gives [not-slack-export]"},
		{"malformed day file", fixture(t, day("2024-03-10", "{\"type\":\"message\",\n \"ts\": 17}")), slack.Config{Channel: "incident-db"}, slack.ErrSyntax, incident.CodeJSONType,
			"export.zip/incident-db/2024-03-10.json:2:9: ts is a JSON number, want a string; is this file from a Slack export? [json-type]"},
		{"truncated day file", fixture(t, map[string]string{"incident-db/2024-03-10.json": "[\n{\"ts\": \"1"}), slack.Config{Channel: "incident-db"}, slack.ErrSyntax, incident.CodeJSONSyntax,
			"export.zip/incident-db/2024-03-10.json:2:10: unexpected end of JSON input; is this file from a Slack export? [json-syntax]"},
		{"day file not an array", fixture(t, map[string]string{"incident-db/2024-03-10.json": `{"ts": "1"}`}), slack.Config{Channel: "incident-db"}, slack.ErrSyntax, incident.CodeJSONType,
			"export.zip/incident-db/2024-03-10.json:1:1: want a JSON array of messages, as a Slack export's day file holds [json-type]"},
		{"malformed channels.json", fstest.MapFS{"channels.json": {Data: []byte("[{\"id\": \"C1\",,}]")}}, slack.Config{Channel: "x"}, slack.ErrSyntax, incident.CodeJSONSyntax,
			"export.zip/channels.json:1:14: invalid character ',' looking for beginning of object key string; is this file from a Slack export? [json-syntax]"},
		{"binary day file", fixture(t, map[string]string{"incident-db/2024-03-10.json": "\x89PNG\r\n\x1a\n\x00\x00"}), slack.Config{Channel: "incident-db"}, slack.ErrSyntax, incident.CodeNotText,
			"export.zip/incident-db/2024-03-10.json: binary data, not the JSON a Slack export holds [not-text]"},
		{"file too large", fixture(t, day("2024-03-10", `{"type":"message","user":"U1","text":"`+strings.Repeat("x", 2000)+`","ts":"1710065400.000000"}`)),
			slack.Config{Channel: "incident-db", MaxFileBytes: 1000}, slack.ErrTooLarge, incident.CodeTooLarge,
			"export.zip/incident-db/2024-03-10.json: 2 KiB, more than the 1000 bytes a file of an export may hold; is this a Slack export? [too-large]"},
		{"too many bytes in all", fixture(t, ok), slack.Config{Channel: "incident-db", MaxBytes: 300}, slack.ErrTooLarge, incident.CodeTooLarge,
			"export.zip/channels.json: the export holds more than 300 bytes to read; import from a smaller export [too-large]"},
		{"too many day files", fixture(t, map[string]string{"incident-db/2024-03-10.json": "[]", "incident-db/2024-03-11.json": "[]", "incident-db/2024-03-12.json": "[]"}),
			slack.Config{Channel: "incident-db", MaxFiles: 2}, slack.ErrTooLarge, incident.CodeTooLarge,
			"export.zip/incident-db: 3 files, more than the 2 a channel's folder may hold [too-large]"},
		{"no messages", fixture(t, ok), slack.Config{Channel: "incident-db", Since: time.Unix(1710065401, 0)}, slack.ErrNoMessages, incident.CodeNoMessages,
			"export.zip/incident-db: channel #incident-db has no messages between --since and --until to import [no-messages]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inc, diags := tt.cfg.Read(tt.fsys, "export.zip")
			assert.Nil(t, inc)
			require.NotEmpty(t, diags)
			assert.False(t, diags[0].Warning)
			assert.True(t, errors.Is(diags[0], tt.err), "%v", diags[0])
			assert.Equal(t, tt.code, diags[0].Code)
			assert.Equal(t, tt.msg, diags[0].Error())
		})
	}
}

// TestReadZipBomb reads a .zip whose member inflates far beyond the limit (honestly
// declared, and declared small), and one that declares a 1 GiB member: each is refused
// after reading at most the limit.
func TestReadZipBomb(t *testing.T) {
	base := fixture(t, day("2024-03-10", `{"type":"message","user":"U1","text":"x","ts":"1710065400.000000"}`))
	const limit = 1 << 20
	build := func(t *testing.T, write func(zw *zip.Writer)) *zip.Reader {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, name := range []string{"channels.json", "users.json"} {
			w, err := zw.Create(name)
			require.NoError(t, err)
			_, err = w.Write(base[name].Data)
			require.NoError(t, err)
		}
		write(zw)
		require.NoError(t, zw.Close())
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		require.NoError(t, err)
		return zr
	}
	t.Run("inflates beyond the limit", func(t *testing.T) {
		zr := build(t, func(zw *zip.Writer) {
			w, err := zw.Create("incident-db/2024-03-10.json")
			require.NoError(t, err)
			_, err = w.Write(bytes.Repeat([]byte(" "), 8*limit))
			require.NoError(t, err)
		})
		assert.Less(t, zr.File[2].CompressedSize64, uint64(limit/64), "a bomb: small when compressed")
		inc, diags := (&slack.Config{Channel: "incident-db", MaxFileBytes: limit}).Read(zr, "bomb.zip")
		assert.Nil(t, inc)
		require.NotEmpty(t, diags)
		assert.Equal(t, incident.CodeTooLarge, diags[0].Code)
		assert.Contains(t, diags[0].Error(), "bomb.zip/incident-db/2024-03-10.json: 8 MiB, more than the 1 MiB")
	})
	t.Run("a 1 GiB member", func(t *testing.T) {
		zr := build(t, func(zw *zip.Writer) {
			// A header that declares 1 GiB: refused by its size, before any byte is read.
			w, err := zw.CreateRaw(&zip.FileHeader{Name: "incident-db/2024-03-10.json", Method: zip.Store,
				CompressedSize64: 2, UncompressedSize64: 1 << 30})
			require.NoError(t, err)
			_, err = w.Write([]byte("[]"))
			require.NoError(t, err)
		})
		inc, diags := (&slack.Config{Channel: "incident-db"}).Read(zr, "big.zip")
		assert.Nil(t, inc)
		require.NotEmpty(t, diags)
		assert.Equal(t, "big.zip/incident-db/2024-03-10.json: 1.0 GiB, more than the 64 MiB a file of an export may hold; is this a Slack export? [too-large]", diags[0].Error())
	})
	t.Run("declared small, inflates large", func(t *testing.T) {
		zr := build(t, func(zw *zip.Writer) {
			// Stored data longer than its header says: archive/zip stops at the declared size.
			w, err := zw.CreateRaw(&zip.FileHeader{Name: "incident-db/2024-03-10.json", Method: zip.Store,
				CompressedSize64: 4 * limit, UncompressedSize64: 2})
			require.NoError(t, err)
			_, err = w.Write(bytes.Repeat([]byte(" "), 4*limit))
			require.NoError(t, err)
		})
		inc, diags := (&slack.Config{Channel: "incident-db", MaxFileBytes: limit}).Read(zr, "liar.zip")
		assert.Nil(t, inc)
		require.NotEmpty(t, diags)
		assert.False(t, diags[0].Warning)
	})
}
