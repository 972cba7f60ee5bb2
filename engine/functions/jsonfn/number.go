package jsonfn

import (
	"encoding/json"
	"math"
	"strconv"

	"github.com/quereus/quereus/engine/types"
)

// maxSafeInteger is JavaScript's Number.MAX_SAFE_INTEGER (2^53-1).
const maxSafeInteger = 1<<53 - 1

// formatNumber spells a double the way JavaScript's Number.prototype
// toString does (types.FormatReal): "3.14", "1", "1e+21", "1e-7", "0" for -0.
func formatNumber(f float64) string { return types.FormatReal(f) }

// numberFloat returns the double a normalized json.Number denotes.
func numberFloat(n json.Number) float64 {
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil {
		return 0
	}
	return f
}

// numberIsInteger mirrors JavaScript's Number.isInteger on the number.
func numberIsInteger(n json.Number) bool {
	if _, err := strconv.ParseInt(string(n), 10, 64); err == nil {
		return true
	}
	f := numberFloat(n)
	return f == math.Trunc(f) && !math.IsInf(f, 0)
}

// intNumber converts an int64 to a document number.
func intNumber(i int64) json.Number {
	return json.Number(strconv.FormatInt(i, 10))
}
