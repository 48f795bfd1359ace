package incident

import (
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUTF16 checks that a file saved as UTF-16 is named so, with what to do, rather than
// called binary or invalid YAML.
func TestUTF16(t *testing.T) {
	text := "title: x\n"
	le := []byte{0xFF, 0xFE}
	be := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(text)) {
		le = append(le, byte(u), byte(u>>8))
		be = append(be, byte(u>>8), byte(u))
	}
	for _, data := range [][]byte{le, be} {
		_, err := Parse("f.yaml", data)
		require.Error(t, err)
		assert.ErrorIs(t, err, ErrSyntax)
		assert.EqualError(t, err, "f.yaml:1:1: file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8 [not-utf8]")
	}
}
