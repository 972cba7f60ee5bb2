package keyenc

import (
	"testing"

	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func jsonKey(t *testing.T, text string) []byte {
	t.Helper()
	v, err := value.ParseJSON(text)
	require.NoError(t, err)
	return AppendValue(nil, v, Column{})
}

func TestJSONKeysFollowStructuralEquality(t *testing.T) {
	equal := [][2]string{
		{`{"a":1,"b":[2.50,"x"]}`, `{"b":[2.5,"x"],"a":1.0}`},
		{`1e3`, `1000`},
		{`-0`, `0`},
		{`-0.0`, `0`},
		{`0.1e1`, `1`},
		{`1E-7`, `0.0000001`},
		{`[1.0, true, null]`, `[1,true,null]`},
	}
	for _, p := range equal {
		assert.Equal(t, jsonKey(t, p[0]), jsonKey(t, p[1]), "%s == %s", p[0], p[1])
	}
	distinct := [][2]string{
		{`12345678901234567890`, `12345678901234567891`},
		{`[1,2]`, `[2,1]`},
		{`{"a":1}`, `{"a":"1"}`},
		{`1e400`, `2e400`},
		{`null`, `false`},
	}
	for _, p := range distinct {
		assert.NotEqual(t, jsonKey(t, p[0]), jsonKey(t, p[1]), "%s != %s", p[0], p[1])
	}
}

func TestJSONKeyText(t *testing.T) {
	cases := map[string]string{
		`{"z":"<&>","a":[1e400,-0,2.50,1e21]}`: `{"a":[1e400,0,2.5,1000000000000000000000],"z":"<&>"}`,
		`"a\u0000b"`:                           `"a\u0000b"`,
		`99999999999999999999999999`:           `99999999999999999999999999`,
		`0.000001`:                             `1e-06`,
	}
	for in, want := range cases {
		v, err := value.ParseJSON(in)
		require.NoError(t, err)
		assert.Equal(t, want, string(appendJSONKey(nil, v.JSONDoc())), in)
	}
}

func TestJSONKeyDecodesToCanonicalDocument(t *testing.T) {
	key := jsonKey(t, `{"b":2.50,"a":"\u0000"}`)
	v, rest, err := DecodeValue(key, Column{Desc: false})
	require.NoError(t, err)
	assert.Empty(t, rest)
	assert.Equal(t, `{"a":"\u0000","b":2.5}`, v.JSONText())
}
