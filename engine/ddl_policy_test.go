package engine

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDDLTransactionPolicy(t *testing.T) {
	_, c := openTestDB(t)
	require.Equal(t, [][]any{{"ddl_transaction_policy", "permissive"}}, queryRows(t, c, "pragma ddl_transaction_policy"))
	mustExec(t, c, "create table p (id integer primary key)")

	// Permissive: DDL inside BEGIN is allowed.
	mustExec(t, c, "begin; alter table p add column v text null; commit")

	mustExec(t, c, "pragma ddl_transaction_policy = 'strict'")
	require.Equal(t, [][]any{{"ddl_transaction_policy", "strict"}}, queryRows(t, c, "pragma ddl_transaction_policy"))
	mustExec(t, c, "begin; insert into p values (1, 'a')")
	_, err := queryErr(c, "alter table p add column w text null")
	require.ErrorContains(t, err, "ddl_transaction_policy = strict")
	_, err = queryErr(c, "create table q (id integer primary key)")
	require.ErrorContains(t, err, "ddl_transaction_policy = strict")

	// The refusal left the transaction usable; the column was never added.
	mustExec(t, c, "insert into p values (2, 'b'); commit")
	require.Equal(t, [][]any{{int64(2)}}, queryRows(t, c, "select count(*) from p"))
	_, err = queryErr(c, "select w from p")
	require.Error(t, err)

	// Outside a transaction strict DDL runs, apply schema included.
	mustExec(t, c, "alter table p add column w text null")
	mustExec(t, c, "declare schema main { table p { id integer primary key, v text null, w text null } table q { id integer primary key } }")
	mustExec(t, c, "begin")
	_, err = queryErr(c, "apply schema main")
	require.ErrorContains(t, err, "ddl_transaction_policy = strict")
	mustExec(t, c, "rollback; apply schema main")
	require.Equal(t, [][]any{{int64(0)}}, queryRows(t, c, "select count(*) from q"))

	_, err = queryErr(c, "pragma ddl_transaction_policy = 'lax'")
	require.ErrorContains(t, err, "invalid ddl_transaction_policy")
}
