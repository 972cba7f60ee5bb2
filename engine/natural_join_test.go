package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNaturalJoinUsesTheSharedColumns(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `create table a (id integer primary key, x text);
		create table b (id integer primary key, y text, x text null);
		insert into a values (1, 'p'), (2, 'r');
		insert into b values (1, 'q', 'p'), (2, 's', 'other'), (3, 't', null);`)
	assert.Equal(t, [][]any{{int64(1), "q"}}, queryRows(t, c, "select a.id, b.y from a natural join b"))
	assert.Equal(t, [][]any{{int64(1), "q"}, {int64(2), nil}},
		queryRows(t, c, "select a.id, b.y from a natural left join b order by a.id"))
	// No shared column: a cross join.
	assert.Equal(t, [][]any{{int64(2)}}, queryRows(t, c, "select count(*) from a natural join (select 5 as z) s"))
}
