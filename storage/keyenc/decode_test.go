package keyenc

import (
	"testing"

	"github.com/quereus/quereus/collation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeRejectsCorruptInput(t *testing.T) {
	num := func(tail ...byte) []byte {
		return append([]byte{0x01, 0xC0, 0x14, 0, 0, 0, 0, 0, 0}, tail...)
	}
	huge := []byte{0x01, 0xC3, 0x40, 0, 0, 0, 0, 0, 0} // 2^53
	cases := map[string]struct {
		key []byte
		col Column
	}{
		"empty":                   {nil, Column{}},
		"unknown tag":             {[]byte{0x02}, Column{}},
		"unknown tag desc":        {[]byte{0xFD}, Column{Desc: true}},
		"truncated numeric":       {[]byte{0x01, 0xC0, 0x14}, Column{}},
		"missing residual":        {num(), Column{}},
		"bad residual marker":     {num(0x04), Column{}},
		"negative zero":           {[]byte{0x01, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02}, Column{}},
		"non-canonical NaN":       {[]byte{0x01, 0xFF, 0xF8, 0, 0, 0, 0, 0, 1, 0x02}, Column{}},
		"residual on fraction":    {[]byte{0x01, 0xBF, 0xE0, 0, 0, 0, 0, 0, 0, 0x03, 0x01, 0x01}, Column{}},
		"residual on small int":   {num(0x03, 0x01, 0x01), Column{}},
		"residual too big":        {append(huge, 0x03, 0x08, 0x10, 0, 0, 0, 0, 0, 0, 0), Column{}},
		"residual leading zero":   {append(huge, 0x03, 0x02, 0x00, 0x01), Column{}},
		"residual zero length":    {append(huge, 0x03, 0x00), Column{}},
		"residual truncated":      {append(huge, 0x03, 0x05, 0x01), Column{}},
		"residual length garbage": {append(huge, 0x03, 0xFF), Column{}},
		"length not minimal":      {append(huge, 0x03, 0xF8, 0x01, 0x01), Column{}},
		"unterminated text":       {[]byte{0x03, 'a', 'b'}, Column{}},
		"bad escape":              {[]byte{0x03, 0x01, 0x03, 0x00}, Column{}},
		"escape at end":           {[]byte{0x03, 'a', 0x01, 0x00}, Column{}},
		"text not NOCASE form":    {[]byte{0x03, 'A', 0x00}, Column{Collation: collation.NoCase}},
		"text not RTRIM form":     {[]byte{0x03, 'a', ' ', 0x00}, Column{Collation: collation.RTrim}},
		"invalid JSON":            {[]byte{0x05, '{', 0x00}, Column{}},
		"non-canonical JSON":      {[]byte{0x05, '{', ' ', '}', 0x00}, Column{}},
		"blob unterminated desc":  {[]byte{0xFB, 0x00}, Column{Desc: true}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, _, err := DecodeValue(tc.key, tc.col)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrCorrupt)
		})
	}
}

func TestDecodeKeyNamesTheComponent(t *testing.T) {
	_, _, err := DecodeKey([]byte{0x00, 0x09}, []Column{{}, {}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "component 1")
	_, err = SkipKey([]byte{0x00}, []Column{{}, {}})
	assert.ErrorIs(t, err, ErrCorrupt)
}
