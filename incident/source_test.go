package incident

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSource(t *testing.T) {
	incs, err := Parse("f.yaml", doc("title: x", "source:", "  system: statuspage", "  id: p1xk0y9z", "  page: 'kctbh9vrtdwd'", "  url: https://status.example.com/incidents/p1xk0y9z"))
	require.NoError(t, err)
	assert.Equal(t, &Source{System: "statuspage", ID: "p1xk0y9z", Page: "kctbh9vrtdwd", URL: "https://status.example.com/incidents/p1xk0y9z",
		pos: pos{line: 3, col: 3, path: field("source")}}, incs[0].Source)
	errs, _ := Validate(incs[0])
	assert.Empty(t, errs)

	incs, err = Parse("f.yaml", doc("title: x"))
	require.NoError(t, err)
	assert.Nil(t, incs[0].Source, "a file without source: has no Source")
}

func TestSourceErrors(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
		want error
		at   string
		msg  string
	}{
		{"unknown key", doc("title: x", "source:", "  system: slack", "  channel: ops"), ErrUnknownKey, "f.yaml:4:3: source.channel", "known keys: system, id, page, url"},
		{"typo", doc("title: x", "source:", "  sytem: slack"), ErrUnknownKey, "f.yaml:3:3: source.sytem", `did you mean "system"?`},
		{"no system", doc("title: x", "source:", "  id: abc"), ErrMissing, "f.yaml:3:3: source.system", "source without system"},
		{"empty system", doc("title: x", "source:", "  system: ''", "  id: abc"), ErrMissing, "f.yaml:3:11: source.system", "source without system"},
		{"empty mapping", doc("title: x", "source: {}"), ErrMissing, "f.yaml:2:9: source.system", "source without system"},
		{"not a mapping", doc("title: x", "source: statuspage"), ErrType, "f.yaml:2:9: source", "want a mapping with keys system, id, page, url"},
		{"ftp url", doc("title: x", "source:", "  system: text", "  url: ftp://example.com/x"), ErrInvalid, "f.yaml:4:8: source.url", "not an http or https link"},
		{"relative url", doc("title: x", "source:", "  system: text", "  url: /incidents/1"), ErrInvalid, "f.yaml:4:8: source.url", "not an http or https link"},
		{"list id", doc("title: x", "source:", "  system: text", "  id: [1, 2]"), ErrType, "f.yaml:4:7: source.id", "want a string"},
		{"duplicate", doc("title: x", "source:", "  system: text", "  system: slack"), ErrDuplicateKey, "f.yaml:4:3: source.system", "duplicate key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.yaml", tt.src)
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.want)
			var list ErrorList
			require.ErrorAs(t, err, &list)
			require.NotEmpty(t, list)
			assert.Contains(t, list[0].Error(), tt.at)
			assert.Contains(t, list[0].Error(), tt.msg)
		})
	}
}

// TestSourceValidate checks a source built in code, which Parse never saw.
func TestSourceValidate(t *testing.T) {
	inc := &Incident{Title: "x", Kind: KindIncident, Source: &Source{URL: "mailto:ops@example.com"}}
	errs, _ := Validate(inc)
	require.Len(t, errs, 2)
	assert.ErrorIs(t, errs[0], ErrMissing)
	assert.Equal(t, "source.system", errs[0].Path)
	assert.ErrorIs(t, errs[1], ErrInvalid)
	assert.Equal(t, "source.url", errs[1].Path)

	inc.Source = &Source{System: "statuspage", URL: "http://status.example.com/incidents/1"}
	errs, _ = Validate(inc)
	assert.Empty(t, errs)
}

func TestSourceRoundTrip(t *testing.T) {
	for _, src := range []*Source{
		{System: "statuspage", ID: "p1xk0y9z", Page: "kctbh9vrtdwd", URL: "https://status.example.com/incidents/p1xk0y9z"},
		{System: "slack", ID: "1700000000.000100", Page: "T0001"},
		{System: "text", ID: "123"}, // a number-looking id stays a string
		{System: "other system", ID: "true"},
	} {
		t.Run(src.System, func(t *testing.T) {
			inc := &Incident{Title: "x", Kind: KindIncident, Source: src}
			out, err := Marshal(inc)
			require.NoError(t, err)
			again, err := Parse("f.yaml", out)
			require.NoError(t, err, "Marshal output:\n%s", out)
			got := *again[0].Source
			got.pos = pos{}
			assert.Equal(t, *src, got, "Marshal output:\n%s", out)
		})
	}
}
