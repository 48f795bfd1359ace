package schema_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/schema"
	"github.com/go-postmortem/postmortem/timeline"
)

// validator checks a decoded document against the schema. It knows the keywords
// incident.schema.json uses and fails on any other, so that the schema cannot grow a
// keyword this test silently ignores.
type validator struct {
	root map[string]any
}

// annotations are keywords that do not constrain a value.
var annotations = map[string]bool{
	"$schema": true, "$id": true, "$defs": true, "title": true, "description": true, "format": true,
}

func (v *validator) validate(s any, x any, path string) []string {
	sch, ok := s.(map[string]any)
	if !ok {
		return []string{fmt.Sprintf("%s: schema is %T, not an object", path, s)}
	}
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, path+": "+fmt.Sprintf(format, args...)) }
	keys := make([]string, 0, len(sch))
	for k := range sch {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		kw := sch[k]
		switch k {
		case "$ref":
			ref, _ := kw.(string)
			name, ok := strings.CutPrefix(ref, "#/$defs/")
			defs, _ := v.root["$defs"].(map[string]any)
			if !ok || defs[name] == nil {
				fail("unresolvable $ref %q", ref)
				continue
			}
			errs = append(errs, v.validate(defs[name], x, path)...)
		case "type":
			if !hasType(x, kw.(string)) {
				fail("got %s, want %s", typeName(x), kw)
			}
		case "enum":
			if !slices.ContainsFunc(kw.([]any), func(e any) bool { return equal(e, x) }) {
				fail("%v is not one of %v", x, kw)
			}
		case "pattern":
			if str, ok := x.(string); ok && !regexp.MustCompile(kw.(string)).MatchString(str) {
				fail("%q does not match %s", str, kw)
			}
		case "minLength":
			if str, ok := x.(string); ok && float64(len([]rune(str))) < kw.(float64) {
				fail("%q is shorter than %v", str, kw)
			}
		case "required":
			if m, ok := x.(map[string]any); ok {
				for _, r := range kw.([]any) {
					if _, ok := m[r.(string)]; !ok {
						fail("missing required key %q", r)
					}
				}
			}
		case "properties":
			m, ok := x.(map[string]any)
			if !ok {
				continue
			}
			props := kw.(map[string]any)
			for _, key := range sortedKeys(m) {
				if ps, ok := props[key]; ok {
					errs = append(errs, v.validate(ps, m[key], path+"."+key)...)
				}
			}
		case "additionalProperties":
			m, ok := x.(map[string]any)
			if !ok {
				continue
			}
			props, _ := sch["properties"].(map[string]any)
			for _, key := range sortedKeys(m) {
				if _, ok := props[key]; ok {
					continue
				}
				if kw == false {
					fail("unknown key %q", key)
				} else if kw != true {
					errs = append(errs, v.validate(kw, m[key], path+"."+key)...)
				}
			}
		case "items":
			if a, ok := x.([]any); ok {
				for i, item := range a {
					errs = append(errs, v.validate(kw, item, fmt.Sprintf("%s[%d]", path, i))...)
				}
			}
		case "anyOf", "oneOf":
			var matched int
			var sub []string
			for _, alt := range kw.([]any) {
				e := v.validate(alt, x, path)
				if len(e) == 0 {
					matched++
				}
				sub = append(sub, e...)
			}
			switch {
			case matched == 0:
				fail("matches none of %s: %s", k, strings.Join(sub, "; "))
			case k == "oneOf" && matched > 1:
				fail("matches %d alternatives of oneOf", matched)
			}
		default:
			if !annotations[k] {
				fail("keyword %q is not supported by this test's validator", k)
			}
		}
	}
	return errs
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func hasType(x any, t string) bool {
	switch t {
	case "object":
		_, ok := x.(map[string]any)
		return ok
	case "array":
		_, ok := x.([]any)
		return ok
	case "string":
		_, ok := x.(string)
		return ok
	case "boolean":
		_, ok := x.(bool)
		return ok
	case "null":
		return x == nil
	case "number":
		_, ok := x.(float64)
		return ok
	case "integer":
		f, ok := x.(float64)
		return ok && f == float64(int64(f))
	}
	return false
}

func typeName(x any) string {
	for _, t := range []string{"object", "array", "string", "boolean", "null", "integer", "number"} {
		if hasType(x, t) {
			return t
		}
	}
	return fmt.Sprintf("%T", x)
}

func equal(a, b any) bool {
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(ja, jb)
}

// value turns a YAML node into what encoding/json would decode from the same document, as
// yaml-language-server sees it: mappings with string keys, float64 numbers, and timestamps
// such as 2016-07-26 kept as the strings they are written as.
func value(t *testing.T, n *yaml.Node) any {
	t.Helper()
	switch n.Kind {
	case yaml.DocumentNode:
		require.Len(t, n.Content, 1)
		return value(t, n.Content[0])
	case yaml.AliasNode:
		return value(t, n.Alias)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = value(t, n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		a := make([]any, len(n.Content))
		for i, c := range n.Content {
			a[i] = value(t, c)
		}
		return a
	}
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool", "!!int", "!!float":
		var x any
		require.NoError(t, n.Decode(&x))
		switch x := x.(type) {
		case int:
			return float64(x)
		case int64:
			return float64(x)
		case uint64:
			return float64(x)
		}
		return x
	}
	return n.Value // !!str, !!timestamp, !!binary
}

// decodeStream returns the documents of a YAML stream.
func decodeStream(t *testing.T, data []byte) []any {
	t.Helper()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var docs []any
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return docs
		}
		require.NoError(t, err)
		docs = append(docs, value(t, &doc))
	}
}

func newValidator(t *testing.T) *validator {
	t.Helper()
	var root map[string]any
	require.NoError(t, json.Unmarshal(schema.JSON(), &root), "schema.JSON() is not valid JSON")
	return &validator{root: root}
}

func TestSchemaHeader(t *testing.T) {
	v := newValidator(t)
	assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", v.root["$schema"])
	assert.Equal(t, "object", v.root["type"])
	assert.Equal(t, false, v.root["additionalProperties"])
}

// TestExamples validates every document of every examples/*.yaml file.
func TestExamples(t *testing.T) {
	v := newValidator(t)
	files, err := filepath.Glob("../examples/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files, "no examples found")
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			first, _, _ := strings.Cut(string(data), "\n")
			assert.Equal(t, "# yaml-language-server: $schema=../schema/incident.schema.json", first,
				"first line of %s", file)
			docs := decodeStream(t, data)
			require.NotEmpty(t, docs)
			for i, doc := range docs {
				assert.Empty(t, v.validate(v.root, doc, fmt.Sprintf("doc[%d]", i)), "validate(%s doc %d)", file, i)
			}
		})
	}
}

// TestImported validates the incident test file that has a source, so that the schema
// accepts what an importer writes.
func TestImported(t *testing.T) {
	v := newValidator(t)
	data, err := os.ReadFile("../incident/testdata/imported.yaml")
	require.NoError(t, err)
	docs := decodeStream(t, data)
	require.Len(t, docs, 1)
	assert.Empty(t, v.validate(v.root, docs[0], "$"))
}

// TestReject checks that the schema rejects documents the loader rejects, so that the
// example test above can fail.
func TestReject(t *testing.T) {
	v := newValidator(t)
	tests := []struct {
		name, doc, want string
	}{
		{"unknown top-level key", "title: x\ntitel: y\n", `$: unknown key "titel"`},
		{"unknown event key", "title: x\ntimeline:\n  - at: '10:00'\n    stat: major\n", `$.timeline[0]: unknown key "stat"`},
		{"unknown state", "title: x\ntimeline:\n  - at: '10:00'\n    state: down\n", `$.timeline[0].state: down is not one of`},
		{"unknown kind", "title: x\nkind: outage\n", `$.kind: outage is not one of`},
		{"unknown status", "title: x\nstatus: closed\n", `$.status: closed is not one of`},
		{"unknown event kind", "title: x\ntimeline:\n  - at: '10:00'\n    kind: fixed\n", `$.timeline[0].kind: fixed is not one of`},
		{"unknown action status", "title: x\naction_items:\n  - text: t\n    status: finished\n", `$.action_items[0].status: finished is not one of`},
		{"missing title", "kind: incident\n", `$: missing required key "title"`},
		{"missing at", "title: x\ntimeline:\n  - text: t\n", `$.timeline[0]: missing required key "at"`},
		{"services not a list", "title: x\nservices: Harvest\n", `$.services: got string, want array`},
		{"bad version", "title: x\npostmortem: 2\n", `$.postmortem: 2 is not one of`},
		{"bad date", "title: x\ndate: 26/07/2016\n", `$.date: "26/07/2016" does not match`},
		{"bad id", "title: x\nid: 1234\n", `$.id: got integer, want string`},
		{"scheduled extra key", "title: x\nscheduled:\n  start: 9am\n  end: 12pm\n  length: 3h\n", `$.scheduled: matches none of oneOf`},
		{"cause with unknown key", "title: x\nroot_causes:\n  - text: t\n    why: w\n", `$.root_causes[0]: matches none of anyOf`},
		{"lessons unknown key", "title: x\nlessons:\n  good: [a]\n", `$.lessons: unknown key "good"`},
		{"source without system", "title: x\nsource:\n  id: abc\n", `$.source: missing required key "system"`},
		{"source unknown key", "title: x\nsource:\n  system: slack\n  channel: ops\n", `$.source: unknown key "channel"`},
		{"source ftp url", "title: x\nsource:\n  system: text\n  url: ftp://example.com/x\n", `$.source.url: "ftp://example.com/x" does not match`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := decodeStream(t, []byte(tt.doc))
			require.Len(t, docs, 1)
			errs := v.validate(v.root, docs[0], "$")
			require.NotEmpty(t, errs, "validate(%q) = no errors, want %q", tt.doc, tt.want)
			assert.True(t, slices.ContainsFunc(errs, func(e string) bool { return strings.HasPrefix(e, tt.want) }),
				"validate(%q) = %q, want an error starting %q", tt.doc, errs, tt.want)
		})
	}
}

// TestEnums checks that every name the schema offers is one the loader accepts.
func TestEnums(t *testing.T) {
	v := newValidator(t)
	defs := v.root["$defs"].(map[string]any)
	props := v.root["properties"].(map[string]any)
	action := defs["actionItem"].(map[string]any)["properties"].(map[string]any)
	enum := func(s any) []string {
		var names []string
		for _, e := range s.(map[string]any)["enum"].([]any) {
			names = append(names, e.(string))
		}
		require.NotEmpty(t, names)
		return names
	}
	tests := []struct {
		what  string
		names []string
		parse func(string) error
	}{
		{"state", enum(defs["state"]), func(s string) error { _, err := timeline.ParseLevel(s); return err }},
		{"event kind", enum(defs["eventKind"]), func(s string) error { _, err := timeline.ParseEventKind(s); return err }},
		{"kind", enum(props["kind"]), func(s string) error { var k incident.Kind; return k.UnmarshalText([]byte(s)) }},
		{"status", enum(props["status"]), func(s string) error { var x incident.Status; return x.UnmarshalText([]byte(s)) }},
		{"action kind", enum(action["kind"]), func(s string) error { var x incident.ActionKind; return x.UnmarshalText([]byte(s)) }},
		{"action status", enum(action["status"]), func(s string) error { var x incident.ActionStatus; return x.UnmarshalText([]byte(s)) }},
	}
	for _, tt := range tests {
		for _, name := range tt.names {
			assert.NoError(t, tt.parse(name), "%s %q: parse(%q) = error, want nil", tt.what, name, name)
		}
	}
}

// TestIgnoreCodes checks that the codes the schema offers for ignore are exactly the
// warnings' codes.
func TestIgnoreCodes(t *testing.T) {
	v := newValidator(t)
	items := v.root["$defs"].(map[string]any)["ignore"].(map[string]any)["items"].(map[string]any)
	var got, want []string
	for _, e := range items["enum"].([]any) {
		got = append(got, e.(string))
	}
	for _, c := range incident.Codes() {
		if c.Warning {
			want = append(want, c.Code)
		}
	}
	assert.ElementsMatch(t, want, got)
	docs := decodeStream(t, []byte("title: a\nignore: [undated]\ntimeline:\n  - {at: '10:00', ignore: [abbrev-dst-mismatch]}\n"))
	assert.Empty(t, v.validate(v.root, docs[0], "$"))
	docs = decodeStream(t, []byte("title: a\nignore: [forms-disagree]\n"))
	assert.NotEmpty(t, v.validate(v.root, docs[0], "$"), "an error's code")
}

// TestOutageForms checks the three forms of an outage, and that start beside window is refused.
func TestOutageForms(t *testing.T) {
	v := newValidator(t)
	tests := []struct {
		item string
		ok   bool
	}{
		{`"from 5:45 AM to 7:00 AM UTC"`, true},
		{`{window: "5:45-7:00", level: partial, services: [api], ignore: [unknown-service]}`, true},
		{`{start: "5:45", end: "7:00", level: partial}`, true},
		{`{window: "5:45-7:00", start: "5:45"}`, false},
		{`{start: "5:45"}`, false},
	}
	for _, tt := range tests {
		docs := decodeStream(t, []byte("title: a\noutages:\n  - "+tt.item+"\n"))
		errs := v.validate(v.root, docs[0], "$")
		assert.Equal(t, tt.ok, len(errs) == 0, "%s: %q", tt.item, errs)
	}
}

// TestMarshal validates what incident.Marshal writes for every example, so that the schema
// accepts every key and value the library itself produces.
func TestMarshal(t *testing.T) {
	v := newValidator(t)
	files, err := filepath.Glob("../examples/*.yaml")
	require.NoError(t, err)
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		incs, err := incident.Parse(file, data)
		require.NoError(t, err, "Parse(%s)", file)
		for i, inc := range incs {
			out, err := incident.Marshal(inc)
			require.NoError(t, err, "Marshal(%s[%d])", file, i)
			docs := decodeStream(t, out)
			require.Len(t, docs, 1, "Marshal(%s[%d]) documents", file, i)
			assert.Empty(t, v.validate(v.root, docs[0], "$"), "validate(Marshal(%s[%d]))", file, i)
		}
	}
}

// TestJSONCopy checks that a caller that modifies the schema it got changes no one else's.
func TestJSONCopy(t *testing.T) {
	a := schema.JSON()
	a[0] = 'x'
	assert.Equal(t, byte('{'), schema.JSON()[0])
}
