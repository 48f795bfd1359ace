package incident

import (
	"strings"
	"testing"
	"unicode"

	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type enum interface {
	String() string
	MarshalText() ([]byte, error)
}

func TestEnumsRoundTrip(t *testing.T) {
	for _, tt := range []struct {
		v    enum
		name string
	}{
		{KindIncident, "incident"}, {KindMaintenance, "maintenance"},
		{StatusInvestigating, "investigating"}, {StatusIdentified, "identified"}, {StatusMonitoring, "monitoring"}, {StatusResolved, "resolved"},
		{Prevent, "prevent"}, {Mitigate, "mitigate"}, {Detect, "detect"}, {Repair, "repair"}, {Process, "process"}, {Other, "other"},
		{Open, "open"}, {InProgress, "in_progress"}, {Done, "done"}, {WontDo, "wont_do"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.name, tt.v.String())
			b, err := tt.v.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.name, string(b))
		})
	}
}

func TestEnumsUnmarshal(t *testing.T) {
	tests := []struct {
		text string
		dst  interface{ UnmarshalText([]byte) error }
		want any
	}{
		{"Maintenance", new(Kind), KindMaintenance},
		{" resolved ", new(Status), StatusResolved},
		{"in progress", new(ActionStatus), InProgress},
		{"In-Progress", new(ActionStatus), InProgress},
		{"won't do", new(ActionStatus), WontDo},
		{"PREVENT", new(ActionKind), Prevent},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			require.NoError(t, tt.dst.UnmarshalText([]byte(tt.text)))
			switch d := tt.dst.(type) {
			case *Kind:
				assert.Equal(t, tt.want, *d)
			case *Status:
				assert.Equal(t, tt.want, *d)
			case *ActionStatus:
				assert.Equal(t, tt.want, *d)
			case *ActionKind:
				assert.Equal(t, tt.want, *d)
			}
		})
	}
	for _, bad := range []string{"", "outage", "done!"} {
		var k Kind
		assert.ErrorIs(t, k.UnmarshalText([]byte(bad)), ErrInvalid, "Kind.UnmarshalText(%q)", bad)
		var s ActionStatus
		assert.ErrorIs(t, s.UnmarshalText([]byte(bad)), ErrInvalid, "ActionStatus.UnmarshalText(%q)", bad)
	}
	_, err := KindUnknown.MarshalText()
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, "", KindUnknown.String())
	assert.Equal(t, "Status(9)", Status(9).String())
}

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Harvest and Forecast outage", "harvest-and-forecast-outage"},
		{"Harvest's outage", "harvests-outage"},
		{"  --Déjà vu!! ", "deja-vu"},
		{"Straße & Ærø", "strasse-and-aero"},
		{"A/B: 50% down", "a-b-50-down"},
		{"日本語", ""},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Slugify(tt.in), "Slugify(%q)", tt.in)
	}
}

func TestDeriveSlugAndID(t *testing.T) {
	d := tz.Date{Year: 2016, Month: 7, Day: 26}
	assert.Equal(t, "2016-07-26-harvest-and-forecast-outage", DeriveSlug("Harvest and Forecast outage", d))
	assert.Equal(t, "2016-07-26", DeriveSlug("", d))
	assert.Equal(t, "tracker-down", DeriveSlug("Tracker down", tz.Date{}))
	assert.Equal(t, "incident", DeriveSlug("", tz.Date{}))

	// The namespace is what its documentation says, and derived IDs never change.
	assert.Equal(t, uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://github.com/go-postmortem/postmortem/incident")).String(), IDNamespace)
	id := DeriveID("2016-07-26-harvest-and-forecast-outage")
	assert.Equal(t, uuid.Version(5), id.Version())
	// Pinned: changing it would change the ID of every incident file without an id.
	assert.Equal(t, "974f6bda-7dc1-56be-ac75-d9b8ba8317fd", id.String())
	assert.NotEqual(t, id, DeriveID("2016-07-26-harvest-outage"))
}

// TestStateErrors checks that a bad state or event kind in a file gives an error that matches
// both packages' ErrInvalid (one value) and carries timeline's *ParseError.
func TestStateErrors(t *testing.T) {
	for _, src := range [][]byte{
		doc("title: x", "timeline:", "  - at: '10:00'", "    state: down"),
		doc("title: x", "timeline:", "  - at: '10:00'", "    kind: fixed"),
		doc("title: x", "outages:", "  - {start: '10:00', end: '11:00', level: sideways}"),
	} {
		_, err := Parse("f.yaml", src)
		require.Error(t, err)
		assert.ErrorIs(t, err, ErrInvalid)
		assert.ErrorIs(t, err, timeline.ErrInvalid)
		var pe *timeline.ParseError
		assert.ErrorAs(t, err, &pe)
		assert.NotContains(t, err.Error(), "timeline:", "the message speaks of the file, not the package")
	}
	assert.Same(t, ErrInvalid, timeline.ErrInvalid)
}

// slugifyByRune is Slugify as first written, every rune through the maps: FuzzSlugify's oracle.
func slugifyByRune(s string) string {
	var b strings.Builder
	hyphen := false
	word := func(w string) {
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		hyphen = false
		b.WriteString(w)
	}
	for _, r := range s {
		switch {
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			word(string(unicode.ToLower(r)))
		case r == '\'' || r == '’':
		case accents[r] != 0:
			word(string(accents[r]))
		case translit[r] != "":
			if r == '&' || r == '@' || r == '+' {
				hyphen = true
				word(translit[r])
				hyphen = true
				continue
			}
			word(translit[r])
		default:
			hyphen = true
		}
	}
	return b.String()
}

func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Harvest's API & DB down", "Ærøskøbing + Straße", "  --x--  ", "a@b", "Z9 ’ok’", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Slugify(s), slugifyByRune(s); got != want {
			t.Fatalf("Slugify(%q) = %q, rune by rune %q", s, got, want)
		}
	})
}
