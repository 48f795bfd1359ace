package main

import (
	"testing"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/paste"
	"github.com/go-postmortem/postmortem/statuspage"
	"github.com/stretchr/testify/assert"
)

// TestImporterCodesKnown checks that every code an importer reports is one of incident's,
// so that one condition has one code everywhere and a file may acknowledge an importer's
// warning with ignore:.
func TestImporterCodesKnown(t *testing.T) {
	tests := []struct {
		from string
		code string
	}{
		{"paste", paste.CodeNoZone}, {"paste", paste.CodeAmbiguous}, {"paste", paste.CodeMismatch},
		{"paste", paste.CodeDSTMismatch}, {"paste", paste.CodeRelative}, {"paste", paste.CodeNoYear},
		{"paste", paste.CodeWeekday}, {"paste", paste.CodeBadTime}, {"paste", paste.CodeNonexistent},
		{"paste", paste.CodeAmbigTime}, {"paste", paste.CodeBadDate}, {"paste", paste.CodeNextDay},
		{"paste", paste.CodeOrder}, {"paste", paste.CodeUndated}, {"paste", paste.CodeNoTime},
		{"paste", paste.CodeNotText},
		{"statuspage", statuspage.CodeOpen}, {"statuspage", statuspage.CodeZeroDuration},
		{"statuspage", statuspage.CodeUpdatesBeforeStart}, {"statuspage", statuspage.CodeResolvedFar},
		{"statuspage", statuspage.CodeUnknownComponent}, {"statuspage", statuspage.CodeMaintenanceWithoutSchedule},
		{"statuspage", statuspage.CodeEmbeddedTimeline}, {"statuspage", statuspage.CodeResolvedBeforeStart},
		{"statuspage", statuspage.CodeBadTime}, {"statuspage", statuspage.CodeType},
		{"statuspage", statuspage.CodeSyntax}, {"statuspage", statuspage.CodeDepth},
		{"statuspage", statuspage.CodeTooLarge}, {"statuspage", statuspage.CodeShape},
	}
	for _, tt := range tests {
		t.Run(tt.from+"/"+tt.code, func(t *testing.T) {
			info, ok := incident.LookupCode(tt.code)
			if !assert.True(t, ok, "%s code %q is not in incident.Codes", tt.from, tt.code) {
				return
			}
			if tt.from == "statuspage" && info.From == "import statuspage" {
				assert.Equal(t, statuspage.Warning(tt.code), info.Warning, "severity of %q", tt.code)
			}
		})
	}
}
