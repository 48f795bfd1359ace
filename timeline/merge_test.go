package timeline

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var t0 = time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)

// at returns t0 plus m minutes.
func at(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }

// win is a window from minute a to minute b after t0.
func win(a, b int, l Level, svcs ...string) Window {
	var s []string
	if len(svcs) > 0 {
		s = svcs
	}
	return Window{Start: at(a), End: at(b), Level: l, Services: s}
}

func TestMerge(t *testing.T) {
	tests := []struct {
		name string
		in   []Window
		want []Window
	}{
		{"empty", nil, nil},
		{"one", []Window{win(0, 10, Major, "A")}, []Window{win(0, 10, Major, "A")}},
		{"empty and invalid windows left out",
			[]Window{win(5, 5, Major), win(9, 3, Major), win(0, 4, Operational), win(0, 4, LevelUnknown), win(0, 4, Level(42))},
			nil},
		{"overlap same level: a window per set of services",
			[]Window{win(0, 10, Major, "b"), win(5, 20, Major, "A")},
			[]Window{win(0, 5, Major, "b"), win(5, 10, Major, "A", "b"), win(10, 20, Major, "A")}},
		{"adjacent same level, same services coalesce",
			[]Window{win(10, 20, Partial, "A"), win(0, 10, Partial, "a")},
			[]Window{win(0, 20, Partial, "A")}},
		{"adjacent same level, other services stay apart",
			[]Window{win(10, 20, Partial, "A"), win(0, 10, Partial, "B")},
			[]Window{win(0, 10, Partial, "B"), win(10, 20, Partial, "A")}},
		{"one after the other at different levels (monday.com)",
			[]Window{win(0, 20, Major, "US accounts"), win(20, 82, Degraded, "US accounts"),
				win(20, 59, Major, "API", "Automations"), win(59, 82, Degraded, "API", "Automations")},
			[]Window{win(0, 20, Major, "US accounts"), win(20, 59, Major, "API", "Automations"),
				win(59, 82, Degraded, "API", "Automations", "US accounts")}},
		{"adjacent different level stay apart",
			[]Window{win(0, 10, Partial), win(10, 20, Major)},
			[]Window{win(0, 10, Partial), win(10, 20, Major)}},
		{"worse level cuts a lesser one",
			[]Window{win(0, 30, Degraded, "A"), win(10, 20, Major, "B")},
			[]Window{win(0, 10, Degraded, "A"), win(10, 20, Major, "B"), win(20, 30, Degraded, "A")}},
		{"maintenance only where nothing worse",
			[]Window{win(0, 60, Maintenance, "db"), win(20, 30, Degraded, "api")},
			[]Window{win(0, 20, Maintenance, "db"), win(20, 30, Degraded, "api"), win(30, 60, Maintenance, "db")}},
		{"lesser window inside a worse one vanishes",
			[]Window{win(0, 30, Major, "A"), win(10, 20, Partial, "B")},
			[]Window{win(0, 30, Major, "A")}},
		{"services of a level only where that level shows",
			[]Window{win(0, 10, Major, "A"), win(0, 20, Partial, "B"), win(5, 8, Partial, "C")},
			[]Window{win(0, 10, Major, "A"), win(10, 20, Partial, "B")}},
		{"case-insensitive service names, smallest spelling",
			[]Window{win(0, 10, Major, "api"), win(5, 15, Major, "API", "web")},
			[]Window{win(0, 5, Major, "API"), win(5, 15, Major, "API", "web")}},
		{"gap keeps windows apart",
			[]Window{win(0, 10, Major), win(11, 20, Major)},
			[]Window{win(0, 10, Major), win(11, 20, Major)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Merge(tt.in)
			assertWindows(t, tt.want, got)
		})
	}
}

func assertWindows(t *testing.T, want, got []Window) {
	t.Helper()
	require.Len(t, got, len(want), "got %v", got)
	for i := range want {
		assert.WithinDuration(t, want[i].Start, got[i].Start, 0, "window %d start", i)
		assert.WithinDuration(t, want[i].End, got[i].End, 0, "window %d end", i)
		assert.Equal(t, want[i].Level, got[i].Level, "window %d level", i)
		assert.Equal(t, want[i].Services, got[i].Services, "window %d services", i)
	}
}

func TestMergeDoesNotModifyInput(t *testing.T) {
	in := []Window{win(10, 20, Major, "b", "a"), win(0, 15, Partial, "c")}
	keep := slices.Clone(in)
	keep[0].Services = slices.Clone(in[0].Services)
	Merge(in)
	assert.Equal(t, keep, in)
}

// reference merges by brute force: every elementary interval between window boundaries gets
// the worst level of the windows that cover it and the services of those at that level;
// neighbours of one level and one set of services join.
func reference(ws []Window) []Window {
	// Names that differ only in case are one, spelled as the smallest spelling in a window
	// that holds time.
	spelling := map[string]string{}
	for _, w := range ws {
		if rank(w.Level, false) < 0 || !w.Start.Before(w.End) {
			continue
		}
		for _, n := range w.Services {
			k := strings.ToLower(n)
			if sp, ok := spelling[k]; !ok || n < sp {
				spelling[k] = n
			}
		}
	}
	var cuts []time.Time
	for _, w := range ws {
		cuts = append(cuts, w.Start, w.End)
	}
	slices.SortFunc(cuts, time.Time.Compare)
	cuts = slices.CompactFunc(cuts, time.Time.Equal)
	var out []Window
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		lvl := LevelUnknown
		for _, w := range ws {
			if rank(w.Level, false) >= 0 && !a.Before(w.Start) && b.Compare(w.End) <= 0 && w.Level.Worse(lvl) {
				lvl = w.Level
			}
		}
		if lvl == LevelUnknown {
			continue
		}
		var svcs []string
		for _, w := range ws {
			if w.Level == lvl && !a.Before(w.Start) && b.Compare(w.End) <= 0 {
				for _, n := range w.Services {
					svcs = append(svcs, spelling[strings.ToLower(n)])
				}
			}
		}
		slices.SortFunc(svcs, CompareServices)
		svcs = slices.Compact(svcs)
		if n := len(out); n > 0 && out[n-1].Level == lvl && out[n-1].End.Equal(a) && slices.Equal(out[n-1].Services, svcs) {
			out[n-1].End = b
			continue
		}
		out = append(out, Window{Start: a, End: b, Level: lvl, Services: svcs})
	}
	return out
}

func randomWindows(r *rand.Rand, n, span int) []Window {
	levels := []Level{Degraded, Partial, Major, Maintenance, Operational}
	names := []string{"api", "db", "web", "queue"}
	ws := make([]Window, n)
	for i := range ws {
		a := r.IntN(span)
		ws[i] = win(a, a+r.IntN(span/3+1), levels[r.IntN(len(levels))])
		for _, s := range names {
			if r.IntN(3) == 0 {
				ws[i].Services = append(ws[i].Services, s)
			}
		}
	}
	return ws
}

func TestMergeMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		ws := randomWindows(r, 1+r.IntN(12), 10+r.IntN(60))
		want := reference(ws)
		got := Merge(ws)
		if !assert.Equal(t, len(want), len(got), "case %d: Merge(%v)", i, ws) {
			continue
		}
		for j := range want {
			assert.True(t, want[j].Start.Equal(got[j].Start) && want[j].End.Equal(got[j].End) &&
				want[j].Level == got[j].Level, "case %d window %d: got %v, want %v", i, j, got[j], want[j])
			assert.Equal(t, want[j].Services, got[j].Services, "case %d window %d services", i, j)
		}
		// Measure agrees with the merged windows.
		var major, partial time.Duration
		for _, w := range want {
			switch w.Level {
			case Major:
				major += w.End.Sub(w.Start)
			case Partial:
				partial += w.End.Sub(w.Start)
			}
		}
		tot := Measure(ws)
		assert.Equal(t, major, tot.Major)
		assert.Equal(t, partial, tot.Partial)
	}
}

func TestMergeManyWindowsOneSet(t *testing.T) {
	// Many merged windows of one level and a service that appears only at the start and the
	// end: the service is given to exactly the windows it is in.
	var ws []Window
	for i := range 100 {
		ws = append(ws, win(2*i, 2*i+1, Major, "x"))
	}
	ws = append(ws, win(0, 1, Major, "late"), win(198, 199, Major, "late"))
	got := Merge(ws)
	require.Len(t, got, 100)
	assert.Equal(t, []string{"late", "x"}, got[0].Services)
	assert.Same(t, &got[1].Services[0], &got[50].Services[0], "windows of one set of services share it")
	assert.Equal(t, []string{"x"}, got[50].Services)
	assert.Equal(t, []string{"late", "x"}, got[99].Services)
}

func TestMergeCenturiesApart(t *testing.T) {
	// Starts further apart than an int64 of nanoseconds reaches take the general sort.
	old := time.Date(1700, 1, 1, 0, 0, 0, 5, time.UTC)
	ws := []Window{
		{Start: t0, End: t0.Add(time.Hour), Level: Major},
		{Start: old, End: old.Add(time.Hour), Level: Partial},
		{Start: old.Add(30 * time.Minute), End: old.Add(2 * time.Hour), Level: Partial},
		{Start: time.Time{}, End: time.Time{}.Add(time.Second), Level: Degraded},
	}
	assertWindows(t, reference(ws), Merge(ws))
	assertWindows(t, []Window{
		{Start: time.Time{}, End: time.Time{}.Add(time.Second), Level: Degraded},
		{Start: old, End: old.Add(2 * time.Hour), Level: Partial},
		{Start: t0, End: t0.Add(time.Hour), Level: Major},
	}, Merge(ws))
}

func TestMergeNanosecondsAndUTC(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	a := time.Date(2024, 1, 1, 9, 0, 0, 1, ny)
	got := Merge([]Window{{Start: a, End: a.Add(time.Nanosecond), Level: Major}})
	require.Len(t, got, 1)
	assert.Equal(t, time.UTC, got[0].Start.Location())
	assert.True(t, got[0].Start.Equal(a))
	assert.Equal(t, time.Nanosecond, got[0].End.Sub(got[0].Start))
}

func TestMergeMatchesReferenceLarge(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 5 {
		ws := randomWindows(r, 300, 2000)
		for j := range ws { // nanoseconds apart, to exercise the sort key's low bits
			ns := time.Duration(r.IntN(3))
			ws[j].Start = ws[j].Start.Add(ns)
			ws[j].End = ws[j].End.Add(time.Duration(r.IntN(3)))
		}
		want, got := reference(ws), Merge(ws)
		require.Equal(t, len(want), len(got), "case %d", i)
		for j := range want {
			require.True(t, want[j].Start.Equal(got[j].Start) && want[j].End.Equal(got[j].End) &&
				want[j].Level == got[j].Level, "case %d window %d: got %v, want %v", i, j, got[j], want[j])
			require.Equal(t, want[j].Services, got[j].Services, "case %d window %d services", i, j)
		}
	}
}

// FuzzMerge checks Merge against the brute-force reference on windows decoded from bytes:
// four a window (start, length, level, services as a bit set).
func FuzzMerge(f *testing.F) {
	f.Add([]byte{0, 10, 4, 1, 5, 10, 2, 2})
	f.Add([]byte{0, 60, 5, 7, 20, 10, 3, 8, 30, 0, 4, 1, 250, 5, 4, 15})
	names := []string{"api", "API", "db", "web"}
	f.Fuzz(func(t *testing.T, data []byte) {
		var ws []Window
		for len(data) >= 4 && len(ws) < 32 {
			w := win(int(data[0]), int(data[0])+int(data[1])-20, Level(data[2]%8))
			for i, n := range names {
				if data[3]&(1<<i) != 0 {
					w.Services = append(w.Services, n)
				}
			}
			ws = append(ws, w)
			data = data[4:]
		}
		want, got := reference(ws), Merge(ws)
		if len(want) != len(got) {
			t.Fatalf("Merge(%v) = %v, want %v", ws, got, want)
		}
		for i := range want {
			if !want[i].Start.Equal(got[i].Start) || !want[i].End.Equal(got[i].End) ||
				want[i].Level != got[i].Level || !slices.Equal(want[i].Services, got[i].Services) {
				t.Fatalf("Merge(%v)[%d] = %v, want %v", ws, i, got[i], want[i])
			}
		}
	})
}

// refTotals measures by brute force, every elementary interval at its highest rank.
func refTotals(ws []Window, maintenanceFirst bool) Totals {
	var cuts []time.Time
	for _, w := range ws {
		cuts = append(cuts, w.Start, w.End)
	}
	slices.SortFunc(cuts, time.Time.Compare)
	var t Totals
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		best := -1
		for _, w := range ws {
			if r := rank(w.Level, maintenanceFirst); r > best && !a.Before(w.Start) && b.Compare(w.End) <= 0 {
				best = r
			}
		}
		if best < 0 {
			continue
		}
		d := b.Sub(a)
		switch rankLevel[b2i(maintenanceFirst)][best] {
		case Major:
			t.Major += d
		case Partial:
			t.Partial += d
		case Degraded:
			t.Degraded += d
		case Maintenance:
			t.Maintenance += d
		}
	}
	t.Downtime = t.Major + scale(t.Partial, DefaultPartialWeight)
	return t
}

func TestMeasureMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	for i := range 1000 {
		ws := randomWindows(r, 1+r.IntN(15), 10+r.IntN(100))
		for _, first := range []bool{false, true} {
			assert.Equal(t, refTotals(ws, first), measure(ws, DefaultPartialWeight, first), "case %d, maintenance first %v: %v", i, first, ws)
		}
		// Merged windows take the path for disjoint windows, and measure the same.
		merged := Merge(ws)
		_, disjoint := measureDisjoint(merged, DefaultPartialWeight)
		assert.True(t, disjoint, "case %d: Merge(%v) not disjoint", i, ws)
		assert.Equal(t, refTotals(ws, false), Measure(merged), "case %d: Measure(Merge(%v))", i, ws)
		assert.Equal(t, refTotals(ws, false), Measure(ws), "case %d: Measure(%v)", i, ws)
	}
}

func TestMeasureDisjoint(t *testing.T) {
	tests := []struct {
		name     string
		ws       []Window
		disjoint bool
	}{
		{"none", nil, true},
		{"adjacent", []Window{win(0, 10, Major), win(10, 20, Partial)}, true},
		{"overlapping", []Window{win(0, 10, Major), win(5, 20, Partial)}, false},
		{"unsorted", []Window{win(10, 20, Major), win(0, 5, Partial)}, false},
		{"empty and operational windows count nothing", []Window{win(0, 10, Major), win(3, 3, Partial), win(2, 8, Operational), win(10, 20, Degraded)}, true},
		{"a window ending before it starts", []Window{win(0, 10, Major), win(8, 2, Partial), win(10, 12, Partial)}, true},
		{"first windows empty", []Window{win(-50, -60, Major), win(-40, -30, Major)}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := measureDisjoint(tt.ws, DefaultPartialWeight)
			assert.Equal(t, tt.disjoint, ok, "measureDisjoint(%v)", tt.ws)
			if ok {
				assert.Equal(t, refTotals(tt.ws, false), got)
			}
			assert.Equal(t, refTotals(tt.ws, false), Measure(tt.ws))
		})
	}
}

// TestMergeManyServices checks Merge and ByService against the references with more services
// and more sets of services than are told apart without a map (fewServices), spelled in
// several cases.
func TestMergeManyServices(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 13))
	var names []string
	for i := range 3 * fewServices {
		n := "svc-" + string(rune('a'+i))
		names = append(names, n, strings.ToUpper(n))
	}
	levels := []Level{Degraded, Partial, Major, Maintenance}
	for i := range 20 {
		ws := make([]Window, 20+r.IntN(60))
		for j := range ws {
			a := r.IntN(500)
			ws[j] = win(a, a+1+r.IntN(100), levels[r.IntN(len(levels))])
			for range 1 + r.IntN(3) {
				ws[j].Services = append(ws[j].Services, names[r.IntN(len(names))])
			}
		}
		want, got := reference(ws), Merge(ws)
		require.Equal(t, len(want), len(got), "case %d", i)
		for j := range want {
			require.True(t, want[j].Start.Equal(got[j].Start) && want[j].End.Equal(got[j].End) &&
				want[j].Level == got[j].Level, "case %d window %d: got %v, want %v", i, j, got[j], want[j])
			require.Equal(t, want[j].Services, got[j].Services, "case %d window %d services", i, j)
		}
		per := ByService(ws)
		require.True(t, slices.IsSortedFunc(per, func(a, b ServiceWindows) int { return CompareServices(a.Service, b.Service) }), "case %d", i)
		for _, s := range per {
			var own []Window
			for _, w := range ws {
				if slices.ContainsFunc(w.Services, func(n string) bool { return strings.EqualFold(n, s.Service) }) {
					w.Services = nil
					own = append(own, w)
				}
			}
			require.Equal(t, len(reference(own)), len(s.Windows), "case %d service %s", i, s.Service)
			for j, w := range reference(own) {
				require.True(t, w.Start.Equal(s.Windows[j].Start) && w.End.Equal(s.Windows[j].End) && w.Level == s.Windows[j].Level,
					"case %d service %s window %d", i, s.Service, j)
			}
		}
	}
}
