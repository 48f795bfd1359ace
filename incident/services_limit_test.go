package incident

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// servicesFile returns an incident whose services list has listed services s0…, and whose
// events name each of evNamed more services, one event each.
func servicesFile(listed, evNamed int) []byte {
	var b strings.Builder
	b.WriteString("title: many services\ndate: 2024-01-01\nservices: [")
	for i := range listed {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "s%d", i)
	}
	b.WriteString("]\ntimeline:\n  - {at: '10:00', state: major}\n")
	for i := range evNamed {
		fmt.Fprintf(&b, "  - {at: '10:%02d', state: major, services: [e%d]}\n", i%60, i)
	}
	b.WriteString("  - {at: '11:00', state: ok}\n")
	return []byte(b.String())
}

// TestServicesLimit: an incident may name at most DefaultMaxServices distinct services (in
// services, its events and its outages together); past it, Parse says where, with a hint.
func TestServicesLimit(t *testing.T) {
	tests := []struct {
		name     string
		cfg      Config
		src      []byte
		wantPath string // "" when the file is accepted
		wantLine int
	}{
		{"at the limit", Config{}, servicesFile(DefaultMaxServices, 0), "", 0},
		{"names differing in case are one service", Config{},
			[]byte("title: x\ndate: 2024-01-01\nservices: [a, A, b]\ntimeline:\n  - {at: '10:00', state: major, services: [B]}\n"), "", 0},
		{"the list passes it", Config{}, servicesFile(DefaultMaxServices+1, 0), "services", 3},
		{"an event passes it", Config{}, servicesFile(DefaultMaxServices-2, 3), "timeline[3].services", 8},
		{"a smaller configured limit", Config{MaxServices: 2}, servicesFile(2, 1), "timeline[1].services", 6},
		{"an outage passes it", Config{MaxServices: 2}, []byte("title: x\ndate: 2024-01-01\nservices: [a, b]\n" +
			"outages:\n  - {start: '2024-01-01 10:00', end: '10:30', services: [c]}\n"), "outages[0].services", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.cfg.Parse("f.yaml", tt.src)
			if tt.wantPath == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrTooLarge), "Parse(%s) = %v, want ErrTooLarge", tt.name, err)
			var pe *ParseError
			require.True(t, errors.As(err, &pe))
			assert.Equal(t, tt.wantPath, pe.Path)
			assert.Equal(t, tt.wantLine, pe.Line)
			max := tt.cfg.MaxServices
			if max == 0 {
				max = DefaultMaxServices
			}
			assert.Contains(t, pe.Error(), fmt.Sprintf("more than %d distinct services", max))
			assert.Contains(t, pe.Error(), "group services under one name")
			assert.Equal(t, CodeTooLarge, pe.Code)
		})
	}
}
