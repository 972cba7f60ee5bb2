package engine

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nullability returns the reported Nullable flag of each result column.
func nullability(t *testing.T, c *Conn, sql string) []bool {
	t.Helper()
	st, err := c.Prepare(context.Background(), sql)
	require.NoError(t, err, sql)
	defer st.Close()
	var out []bool
	for _, col := range st.Columns() {
		out = append(out, col.Nullable)
	}
	return out
}

func TestResultColumnNullability(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `create table p (id integer primary key, req text, opt text null);
		create table q (id integer primary key, pid integer, note text);`)
	assert.Equal(t, []bool{false, false, true}, nullability(t, c, "select id, req, opt from p"))
	assert.Equal(t, []bool{false, false, true}, nullability(t, c, "select * from p"))
	assert.Equal(t, []bool{false, true, true}, nullability(t, c, "select p.id, q.note, p.req || 'x' from p left join q on q.pid = p.id"))
	assert.Equal(t, []bool{true, false}, nullability(t, c, "select p.req, q.note from p right join q on q.pid = p.id"))
	assert.Equal(t, []bool{true, true}, nullability(t, c, "select p.req, q.note from p full join q on q.pid = p.id"))
	assert.Equal(t, []bool{false, false}, nullability(t, c, "select p.req, q.note from p join q on q.pid = p.id"))
	assert.Equal(t, []bool{false}, nullability(t, c, "select req from (select req from p) as d"))
	assert.Equal(t, []bool{true}, nullability(t, c, "select req from p union all select opt from p"))
	assert.Equal(t, []bool{true}, nullability(t, c, "with recursive r(n) as (select id from p union all select null from r where n < 3) select n from r"))
}
