package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNestedDataModifyingCTEIsRejectedAndWritesNothing(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "create table t (k integer primary key)")
	for _, sql := range []string{
		"select * from (with c as (insert into t (k) values (1) returning k) select k from c) z",
		"select (with c as (insert into t (k) values (1) returning k) select k from c) as x",
		"select 1 as x where exists (with c as (insert into t (k) values (1) returning k) select k from c)",
		"with o as (with c as (insert into t (k) values (1) returning k) select k from c) select k from o",
	} {
		_, err := queryErr(c, sql)
		assert.ErrorContains(t, err, "only allowed in a statement's own leading WITH clause", sql)
	}
	assert.Equal(t, [][]any{{int64(0)}}, queryRows(t, c, "select count(*) from t"))
	// The statement's own leading WITH may modify data.
	assert.Equal(t, [][]any{{int64(5)}}, queryRows(t, c, "with c as (insert into t (k) values (5) returning k) select k from c"))
}
