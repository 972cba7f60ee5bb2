package types

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// BenchmarkFromDeclared covers the per-value column conversion of every
// INSERT and UPDATE: a canonical name must resolve without allocating.
func BenchmarkFromDeclared(b *testing.B) {
	for _, name := range []string{"INTEGER", "varchar(20)"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := FromDeclared(name); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestFromDeclaredCanonicalAllocFree(t *testing.T) {
	var typ Type
	var err error
	allocs := testing.AllocsPerRun(100, func() { typ, err = FromDeclared("INTEGER") })
	require.NoError(t, err)
	require.Equal(t, Integer, typ)
	require.Zero(t, allocs, "FromDeclared(INTEGER) allocates")
}
