package types

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTimespanSeconds(t *testing.T) {
	good := map[string]float64{
		"PT1H": 3600, "PT60M": 3600, "PT3600S": 3600, "PT90M": 5400, "PT2H": 7200, "P2D": 172800,
		"P1W": 604800, "PT0.5S": 0.5, "-PT1H": -3600, "pt1h30m": 5400, "P1DT1H": 90000,
		"P1Y": 365 * 86400, "P1M": 30 * 86400, "P1Y2M3W4DT5H6M7.5S": 365*86400 + 60*86400 + 21*86400 + 4*86400 + 5*3600 + 6*60 + 7.5,
	}
	for in, want := range good {
		got, ok := TimespanSeconds(in)
		require.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "P", "PT", "1H", "PT1", "P1H", "PT1D", "P1M1Y", "not-a-duration", "PT1H1H", "P1DT"} {
		_, ok := TimespanSeconds(bad)
		assert.False(t, ok, bad)
	}
}

func TestCompareAsTimespan(t *testing.T) {
	assert.Equal(t, 0, CompareAs(s("PT1H"), s("PT60M"), Timespan, nil))
	assert.Equal(t, -1, CompareAs(s("PT90M"), s("PT2H"), Timespan, nil))
	assert.Equal(t, 1, CompareAs(s("PT90M"), s("PT2H"), Text, nil), "text order otherwise")
	assert.Equal(t, 1, CompareAs(s("PT100M"), s("PT90M"), Timespan, nil))
	assert.NotEqual(t, 0, CompareAs(s("PT1H"), s("not-a-duration"), Timespan, nil))
	assert.Equal(t, -1, CompareAs(null, s("PT1H"), Timespan, nil))
	k1, _ := KeyStringAs(s("PT1H"), Timespan, nil)
	k2, _ := KeyStringAs(s("PT3600S"), Timespan, nil)
	k3, _ := KeyStringAs(s("PT59M"), Timespan, nil)
	assert.Equal(t, k1, k2)
	assert.NotEqual(t, k1, k3)
	k4, _ := KeyStringAs(s("PT1H"), Text, nil)
	assert.NotEqual(t, k1, k4)
	k5, _ := KeyStringAs(i(3600), Timespan, nil)
	assert.NotEqual(t, k1, k5, "a number is not a timespan")
}
