package timeline

import (
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ev(m int, l Level, svcs ...string) Event {
	var s []string
	if len(svcs) > 0 {
		s = svcs
	}
	return Event{At: at(m), State: l, Services: s}
}

func TestDerive(t *testing.T) {
	both := []string{"Harvest", "Forecast"}
	tests := []struct {
		name     string
		events   []Event
		services []string
		end      int
		want     []Window
	}{
		{"no events", nil, both, 60, nil},
		{"no state changes", []Event{{At: at(0), Kind: Detected}}, both, 60, nil},
		{"harvest: degraded, major, ok, major, ok", []Event{
			ev(0, Degraded), ev(14, Major), ev(17, Operational), ev(23, Major), ev(122, Operational),
		}, both, 122, []Window{
			win(0, 14, Degraded, "Forecast", "Harvest"),
			win(14, 17, Major, "Forecast", "Harvest"),
			win(23, 122, Major, "Forecast", "Harvest"),
		}},
		{"last state holds until end", []Event{ev(0, Partial)}, both, 45,
			[]Window{win(0, 45, Partial, "Forecast", "Harvest")}},
		{"unsorted events", []Event{ev(30, Operational), ev(0, Major)}, []string{"A"}, 60,
			[]Window{win(0, 30, Major, "A")}},
		{"per service", []Event{
			ev(0, Major, "Harvest"), ev(10, Degraded, "Forecast"), ev(20, Operational, "Harvest"), ev(40, Operational),
		}, both, 60, []Window{
			win(0, 20, Major, "Harvest"),
			win(10, 40, Degraded, "Forecast"),
		}},
		{"same instant: later in input wins", []Event{ev(0, Major), ev(10, Partial), ev(10, Degraded)}, []string{"A"}, 20,
			[]Window{win(0, 10, Major, "A"), win(10, 20, Degraded, "A")}},
		{"same instant undoing a change coalesces", []Event{ev(0, Major), ev(10, Partial), ev(10, Major)}, []string{"A"}, 20,
			[]Window{win(0, 20, Major, "A")}},
		{"repeated state joins", []Event{ev(0, Major), ev(5, Major), ev(9, Operational)}, []string{"A"}, 20,
			[]Window{win(0, 9, Major, "A")}},
		{"cut at end, states after end ignored", []Event{ev(0, Major), ev(50, Partial)}, []string{"A"}, 30,
			[]Window{win(0, 30, Major, "A")}},
		{"end before every event", []Event{ev(10, Major)}, []string{"A"}, 5, nil},
		{"no services: unnamed windows", []Event{ev(0, Major), ev(10, Operational)}, nil, 20,
			[]Window{win(0, 10, Major)}},
		{"event names a service outside the list", []Event{ev(0, Major, "Other")}, both, 5,
			[]Window{win(0, 5, Major, "Other")}},
		{"names differ only in case", []Event{ev(0, Major, "harvest"), ev(5, Operational, "HARVEST")}, both, 10,
			[]Window{win(0, 5, Major, "Harvest")}},
		{"maintenance makes a window", []Event{ev(0, Maintenance), ev(60, Operational)}, []string{"db"}, 90,
			[]Window{win(0, 60, Maintenance, "db")}},
		{"out-of-range level ends a state without a window", []Event{ev(0, Major), ev(5, Level(99)), ev(8, Major)}, []string{"A"}, 10,
			[]Window{win(0, 5, Major, "A"), win(8, 10, Major, "A")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Derive(tt.events, tt.services, at(tt.end))
			assertWindows(t, tt.want, got)
		})
	}
}

func TestClip(t *testing.T) {
	ws := []Window{win(0, 10, Major, "A"), win(20, 40, Partial), win(50, 60, Degraded), win(-5, 70, Maintenance)}
	got := Clip(ws, at(5), at(30))
	assertWindows(t, []Window{win(5, 10, Major, "A"), win(20, 30, Partial), win(5, 30, Maintenance)}, got)
	assert.Nil(t, Clip(ws, at(30), at(30)))
	assert.Nil(t, Clip(ws, at(30), at(5)))
	assert.Empty(t, Clip(ws, at(100), at(200)))
}

func TestMeasure(t *testing.T) {
	tests := []struct {
		name   string
		weight string // as ParseWeight reads it; "": the zero Weight
		ws     []Window
		want   Totals
	}{
		{"empty", "", nil, Totals{}},
		{"statuspage weight", "", []Window{win(0, 60, Major), win(60, 160, Partial)},
			Totals{Major: time.Hour, Partial: 100 * time.Minute, Downtime: time.Hour + 30*time.Minute}},
		{"custom weight", "0.5", []Window{win(0, 100, Partial)},
			Totals{Partial: 100 * time.Minute, Downtime: 50 * time.Minute}},
		{"no weight", "0", []Window{win(0, 100, Partial)},
			Totals{Partial: 100 * time.Minute}},
		{"overlaps never double-count", "", []Window{win(0, 60, Major, "A"), win(30, 90, Major, "B"), win(0, 90, Major, "C")},
			Totals{Major: 90 * time.Minute, Downtime: 90 * time.Minute}},
		{"worst level wins", "", []Window{win(0, 60, Partial), win(20, 40, Major), win(0, 100, Degraded), win(0, 200, Maintenance)},
			Totals{Major: 20 * time.Minute, Partial: 40 * time.Minute, Degraded: 40 * time.Minute, Maintenance: 100 * time.Minute,
				Downtime: 20*time.Minute + 12*time.Minute}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Policy // the zero Weight is Statuspage's
			if tt.weight != "" {
				w, err := ParseWeight(tt.weight)
				require.NoError(t, err)
				c.PartialWeight = w
			}
			assert.Equal(t, tt.want, c.Measure(tt.ws))
		})
	}
	assert.Equal(t, Measure([]Window{win(0, 10, Partial)}), (*Policy)(nil).Measure([]Window{win(0, 10, Partial)}))
}

func TestMeasureSaturates(t *testing.T) {
	far := time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
	early := time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC)
	tot := Measure([]Window{{Start: early, End: far, Level: Major}, {Start: far, End: far.AddDate(300, 0, 0), Level: Major}})
	assert.Equal(t, time.Duration(math.MaxInt64), tot.Major)
	assert.Equal(t, time.Duration(math.MaxInt64), tot.Downtime)
}

func TestSpan(t *testing.T) {
	tests := []struct {
		name       string
		ws         []Window
		start, end time.Time
	}{
		{"none", nil, time.Time{}, time.Time{}},
		{"degraded and maintenance only", []Window{win(0, 10, Degraded), win(0, 10, Maintenance)}, time.Time{}, time.Time{}},
		{"partial to major with a gap", []Window{win(0, 5, Degraded), win(5, 10, Partial), win(30, 40, Major), win(40, 50, Degraded)}, at(5), at(40)},
		{"unsorted", []Window{win(30, 40, Major), win(5, 10, Partial)}, at(5), at(40)},
		{"empty windows ignored", []Window{win(3, 3, Major), win(5, 10, Partial)}, at(5), at(10)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, e := Span(tt.ws)
			assert.WithinDuration(t, tt.start, s, 0)
			assert.WithinDuration(t, tt.end, e, 0)
			assert.Equal(t, tt.start.IsZero(), s.IsZero())
		})
	}
}

func TestFilter(t *testing.T) {
	ws := []Window{win(0, 10, Major, "Harvest", "Forecast"), win(10, 20, Partial, "Forecast"), win(20, 30, Major), win(30, 40, Degraded, "API")}
	assertWindows(t, []Window{win(0, 10, Major, "Harvest")}, Filter(ws, "harvest"))
	assertWindows(t, []Window{win(0, 10, Major, "Forecast"), win(10, 20, Partial, "Forecast"), win(30, 40, Degraded, "API")},
		Filter(ws, "api", "Forecast"))
	assert.Empty(t, Filter(ws, "nothing"))
	all := Filter(ws)
	assertWindows(t, ws, all)
	all[0].Services[0] = "changed"
	assert.Equal(t, "Harvest", ws[0].Services[0], "Filter shares no Services with its input")
}

func TestDeriveSharesHistories(t *testing.T) {
	// 2,000 services and 2,000 alternating events that name none: one history, so every
	// window names all of them through one shared slice.
	var svcs []string
	for i := range 2000 {
		svcs = append(svcs, fmt.Sprintf("s%d", i))
	}
	var evs []Event
	for i := range 2000 {
		l := Major
		if i%2 == 1 {
			l = Operational
		}
		evs = append(evs, ev(i, l))
	}
	ws := Derive(evs, svcs, at(2000))
	require.Len(t, ws, 1000)
	assert.Len(t, ws[0].Services, 2000)
	assert.Same(t, &ws[0].Services[0], &ws[999].Services[0])
	merged := Merge(ws)
	require.Len(t, merged, 1000)
	assert.Same(t, &merged[0].Services[0], &merged[999].Services[0])
	per := ByService(ws)
	require.Len(t, per, 2000)
	assert.Same(t, &per[0].Windows[0], &per[1999].Windows[0])
	assert.Equal(t, 1000*time.Minute, Measure(per[7].Windows).Major)
	allocs := testing.AllocsPerRun(3, func() { ByService(Merge(Derive(evs, svcs, at(2000)))) })
	assert.Less(t, allocs, 20_000.0, "allocations grow with services + events, not their product")
}

func TestByService(t *testing.T) {
	tests := []struct {
		name string
		ws   []Window
		want map[string]Totals // per service: major, partial, degraded
	}{
		{"services change level at different instants",
			[]Window{win(0, 20, Major, "US accounts"), win(20, 82, Degraded, "US accounts"),
				win(20, 59, Major, "API", "Automations"), win(59, 82, Degraded, "API", "Automations")},
			map[string]Totals{
				"API":         {Major: 39 * time.Minute, Degraded: 23 * time.Minute},
				"Automations": {Major: 39 * time.Minute, Degraded: 23 * time.Minute},
				"US accounts": {Major: 20 * time.Minute, Degraded: 62 * time.Minute},
			}},
		{"overlapping services at different levels",
			[]Window{win(0, 60, Partial, "db"), win(10, 30, Major, "api"), win(20, 40, Partial, "api", "DB")},
			map[string]Totals{
				"api": {Major: 20 * time.Minute, Partial: 10 * time.Minute},
				"DB":  {Partial: 60 * time.Minute},
			}},
		{"a window naming no service belongs to none",
			[]Window{win(0, 10, Major), win(0, 5, Partial, "web")},
			map[string]Totals{"web": {Partial: 5 * time.Minute}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ByService(tt.ws)
			var names []string
			for _, s := range got {
				names = append(names, s.Service)
				m := Measure(s.Windows)
				w := tt.want[s.Service]
				assert.Equal(t, w.Major, m.Major, "%s major", s.Service)
				assert.Equal(t, w.Partial, m.Partial, "%s partial", s.Service)
				assert.Equal(t, w.Degraded, m.Degraded, "%s degraded", s.Service)
				for _, x := range s.Windows {
					assert.Nil(t, x.Services)
				}
			}
			assert.Len(t, names, len(tt.want))
			assert.True(t, slices.IsSortedFunc(names, CompareServices), "sorted: %v", names)
		})
	}
}

// FuzzDeriveManyServices checks that Derive with many services, a few named by events of
// their own, gives every service the windows a one-service derivation gives it.
func FuzzDeriveManyServices(f *testing.F) {
	f.Add([]byte{0, 4, 1, 1, 2, 3, 4, 0, 200, 1})
	f.Add([]byte{5, 4, 255, 3, 3, 2, 9, 4, 7, 1, 1, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 1 {
			return
		}
		n := 1 + int(data[0])%64
		var svcs []string
		for i := range n {
			svcs = append(svcs, fmt.Sprintf("s%d", i))
		}
		data = data[1:]
		levels := []Level{Operational, Degraded, Partial, Major, Maintenance}
		var evs []Event
		for len(data) >= 2 && len(evs) < 64 {
			e := ev(int(data[0]%40), levels[int(data[1])%len(levels)])
			if data[1]&0x80 != 0 { // an event of its own for a few services
				for i := 0; i < n; i += 1 + int(data[1]>>3&7) {
					e.Services = append(e.Services, svcs[i])
				}
			}
			evs = append(evs, e)
			data = data[2:]
		}
		end := at(40)
		ws := Derive(evs, svcs, end)
		per := ByService(ws)
		got := map[string][]Window{}
		for _, s := range per {
			got[s.Service] = s.Windows
		}
		for _, s := range svcs {
			// The events that apply to s alone, derived for s alone.
			var own []Event
			for _, e := range evs {
				if len(e.Services) == 0 || slices.Contains(e.Services, s) {
					e.Services = nil
					own = append(own, e)
				}
			}
			want := Merge(Derive(own, nil, end))
			g := got[s]
			if len(g) != len(want) {
				t.Fatalf("service %s: %d windows, want %d (%v, want %v)", s, len(g), len(want), g, want)
			}
			for i := range want {
				if !want[i].Start.Equal(g[i].Start) || !want[i].End.Equal(g[i].End) || want[i].Level != g[i].Level {
					t.Fatalf("service %s window %d: %v, want %v", s, i, g[i], want[i])
				}
			}
		}
		assertWindows(t, reference(ws), Merge(ws))
	})
}
