package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCreateIndexIfNotExistsOverAConstraintIndexAddsNothing(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "create table a (id integer primary key, email text, constraint uq_email unique (email))")
	_, err := queryErr(c, "create index uq_email on a (email)")
	require.ErrorContains(t, err, "already exists on table a")
	mustExec(t, c, "create index if not exists uq_email on a (email)")
	mustExec(t, c, "insert into a values (1, 'x')")
	_, err = queryErr(c, "insert into a values (2, 'x')")
	assert.ErrorContains(t, err, "UNIQUE constraint failed", "the constraint still backs the name")
}

func TestStrictPolicyReportsAMissingIndexFirst(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "create table a (id integer primary key, email text, constraint uq_email unique (email)); create index a_id on a (id); pragma ddl_transaction_policy = 'strict'; begin;")
	_, err := queryErr(c, "drop index uq_email")
	assert.ErrorContains(t, err, "no such index")
	_, err = queryErr(c, "drop index a_id")
	assert.ErrorContains(t, err, "ddl_transaction_policy = strict")
	mustExec(t, c, "rollback")
}
