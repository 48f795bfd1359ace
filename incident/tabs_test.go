package incident

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTabIndent checks that a tab used as indentation is reported at its line and column
// with what to do, not with the YAML decoder's bare "found character that cannot start any
// token".
func TestTabIndent(t *testing.T) {
	for _, tt := range []struct {
		src  []byte
		line int
	}{
		{doc("title: x", "timeline:", "\t- at: '10:00'"), 3},
		{doc("title: x", "lessons:", "  went_well: [a]", "\tlucky: [b]"), 4},
	} {
		_, err := Parse("f.yaml", tt.src)
		require.Error(t, err)
		assert.ErrorIs(t, err, ErrSyntax)
		var list ErrorList
		require.ErrorAs(t, err, &list)
		require.Len(t, list, 1)
		assert.Equal(t, tt.line, list[0].Line, "%v", err)
		assert.Equal(t, 1, list[0].Column)
		assert.Contains(t, err.Error(), "a tab indents this line")
		assert.Contains(t, err.Error(), "replace the tab with spaces")
		assert.NotContains(t, err.Error(), "cannot start any token")
	}
}
