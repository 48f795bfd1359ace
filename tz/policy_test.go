package tz

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPolicyText(t *testing.T) {
	for _, p := range []Policy{Reject, Earlier, Later, Compatible} {
		b, err := p.MarshalText()
		require.NoError(t, err)
		var q Policy
		require.NoError(t, q.UnmarshalText(b))
		assert.Equal(t, p, q, "round trip of %s", p)
	}
	var p Policy = Later
	require.NoError(t, p.UnmarshalText([]byte("")))
	assert.Equal(t, Reject, p)
	require.NoError(t, p.UnmarshalText([]byte("Compatible")))
	assert.Equal(t, Compatible, p)
	assert.ErrorContains(t, p.UnmarshalText([]byte("latest")), `tz: unknown policy "latest"`)
	assert.Equal(t, "Policy(9)", Policy(9).String())
	_, err := Policy(9).MarshalText()
	assert.Error(t, err)
}

func TestCaseText(t *testing.T) {
	for _, c := range []Case{CaseUnknown, Unique, Gap, Fold} {
		var d Case
		require.NoError(t, d.UnmarshalText([]byte(c.String())))
		assert.Equal(t, c, d)
	}
	var c Case
	assert.Error(t, c.UnmarshalText([]byte("overlap")))
	assert.Equal(t, "Case(-1)", Case(-1).String())
}
