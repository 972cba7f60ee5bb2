package engine

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReturningNewOldColumnNames checks that an unaliased NEW.x / OLD.x in
// RETURNING is named as written, so both images of a column come back.
func TestReturningNewOldColumnNames(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "CREATE TABLE r (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO r VALUES (1, 'a')")
	ctx := context.Background()
	st, err := c.Prepare(ctx, "UPDATE r SET v = 'b' WHERE id = 1 RETURNING NEW.v, OLD.v, v, old.v AS o")
	require.NoError(t, err)
	defer st.Close()
	rows, err := st.Query(ctx, nil)
	require.NoError(t, err)
	defer rows.Close()
	var names []string
	for _, col := range rows.Columns() {
		names = append(names, col.Name)
	}
	require.Equal(t, []string{"NEW.v", "OLD.v", "v", "o"}, names)
}
