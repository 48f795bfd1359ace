package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// marshalRecord is what appendRecordJSON must write: encoding/json's indented form.
func marshalRecord(t testing.TB, rec *report.Incident) string {
	b, err := json.MarshalIndent(rec, "    ", "  ")
	require.NoError(t, err)
	return string(b)
}

func TestRecordJSON(t *testing.T) {
	at := func(s string) *report.Time {
		tm, err := time.Parse(time.RFC3339Nano, s)
		require.NoError(t, err)
		return &report.Time{Time: tm}
	}
	tests := []struct {
		name string
		rec  report.Incident
	}{
		{"zero", report.Incident{}},
		{"empty lists", report.Incident{Windows: []report.Window{}, Services: []report.Service{}}},
		{"undated window without services", report.Incident{Windows: []report.Window{{Length: 90e9, Level: "major_outage"}}}},
		{"window with empty services", report.Incident{Windows: []report.Window{{Services: []string{}}}}},
		{"dated", report.Incident{
			File: "a/b.yaml", ID: "8d9c1a52-2f0e-4c55-9d0c-6a0c2a3f4b11", Title: "Outage", Kind: "incident", Dated: true,
			Start: at("2016-07-26T14:36:00Z"), End: at("2016-07-26T16:00:00.5+02:00"),
			SpanStart: at("0001-01-01T00:00:00Z"), SpanEnd: at("9999-12-31T23:59:59Z"),
			Span: 6120e9, Totals: report.Totals{Downtime: 1, Major: 1500e6, Partial: -1e6, Degraded: 123456789, Maintenance: 1e18},
			Windows: []report.Window{
				{Start: at("2016-07-26T14:36:00Z"), End: at("2016-07-26T15:00:00Z"), Length: 1440e9, Level: "major_outage", Services: []string{"API", "Web"}},
				{Level: "degraded_performance", Services: []string{"x"}},
			},
			Services: []report.Service{{Name: "API", Span: 1, Totals: report.Totals{Major: 2}}, {Name: "Web"}},
		}},
		{"source, all fields", report.Incident{Source: &report.Source{System: "statuspage", ID: "abc", Page: "p", URL: "https://x.example/?a=1&b=<2>"}}},
		{"source, system only", report.Incident{Source: &report.Source{System: "slack"}}},
		{"strings to escape", report.Incident{
			File:     "dir/\"quoted\" \\ back.yaml",
			Title:    "<b>&amp;</b> \b\f\n\r\t\x00\x01\x1f\x7f é 😀 \u2028 \u2029 \xff\xfe bad \xe2\x80",
			Kind:     "\u00e9\u0301",
			Services: []report.Service{{Name: "tab\tand\nline"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, marshalRecord(t, &tt.rec), string(appendRecordJSON(nil, &tt.rec)))
		})
	}
}

// TestRecordJSONExamples encodes the record of every example incident both ways.
func TestRecordJSONExamples(t *testing.T) {
	names, err := filepath.Glob("../../examples/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	rep := report.New(report.Options{})
	for _, name := range names {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		incs, err := incident.Parse(name, data)
		require.NoError(t, err, name)
		for _, inc := range incs {
			rec, err := rep.Add(name, inc)
			require.NoError(t, err, name)
			require.NotNil(t, rec, name)
			assert.Equal(t, marshalRecord(t, rec), string(appendRecordJSON(nil, rec)), name)
		}
	}
}

func FuzzRecordJSON(f *testing.F) {
	f.Add("title", "API", "<&>\u2028", 1.5, int64(1469544600), int64(0), int64(3600))
	f.Add("\xff\x00\"\\", "", "\t", -0.0004, int64(-62135596800), int64(999999999), int64(-1))
	f.Add("", "", "", 0.0, int64(253402300799), int64(1), int64(9223372036))
	f.Add("", "", "", 0.0, int64(253402300800), int64(0), int64(-9223372036))
	f.Add("", "", "", 0.0, int64(-62135596801), int64(0), int64(0))
	f.Fuzz(func(t *testing.T, title, service, file string, seconds float64, unix, nsec, whole int64) {
		d := report.Duration(time.Duration(seconds * 1e9))
		w := report.Duration(time.Duration(whole) * time.Second) // wraps past the range, like any Duration
		at := &report.Time{Time: time.Unix(unix, nsec)}
		rec := &report.Incident{File: file, Title: title, Span: d, Start: at, SpanEnd: at,
			Totals:   report.Totals{Major: w, Downtime: -w},
			Windows:  []report.Window{{Start: at, Length: d, Level: title, Services: []string{service, file}}},
			Services: []report.Service{{Name: service, Span: w}},
			Source:   &report.Source{System: service, URL: title}}
		assert.Equal(t, marshalRecord(t, rec), string(appendRecordJSON(nil, rec)))
	})
}
