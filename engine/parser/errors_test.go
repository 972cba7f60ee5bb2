package parser

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSyntaxErrorMessages(t *testing.T) {
	cases := []struct {
		src, msg, token string
		line, col       int
	}{
		{"SELECT abs(1", "Unterminated '('", "", 1, 13},
		{"WITH AS (SELECT 1) SELECT 1", "Expected CTE name", "AS", 1, 6},
		{"WITH c SELECT * FROM c", "Expected 'AS' after CTE name", "SELECT", 1, 8},
		{"WITH c (1) AS (SELECT 1) SELECT * FROM c", "Expected column name in CTE definition", "1", 1, 9},
		{"WITH c AS SELECT 1", "Expected '(' before CTE query", "SELECT", 1, 11},
		{"SELECT 'unterminated", "Unterminated string", "'unterminated", 1, 8},
		{"CREATE", "Expected TABLE,", "", 1, 7},
		{"INSERT INTO", "Expected table name", "", 1, 12},
		{"UPDATE", "Expected table name", "", 1, 7},
		{"DELETE", "Expected table name", "", 1, 7},
		{"CREATE TABLE t ()", "Expected column", ")", 1, 17},
		{"DROP TRIGGER x", "Expected TABLE, VIEW, MATERIALIZED VIEW, INDEX, or ASSERTION after DROP", "TRIGGER", 1, 6},
		{"SELECT CASE WHEN 1 THEN 2", "Expected 'END'", "", 1, 26},
		{"SELECT * FROM t WHERE", "Expected expression", "", 1, 22},
		{"SELECT :", "Expected identifier or number after parameter prefix", ":", 1, 8},
		{"CREAT TABLE t (a)", "Expected statement type (SELECT, INSERT, UPDATE, DELETE, VALUES, CREATE, etc.), got 'CREAT'", "CREAT", 1, 1},
		{"select 1 from t\nwhere a = = 1", "Expected expression", "=", 2, 11},
		{"select é #", "Unexpected character", "#", 1, 10},
		{"create view v as insert into t values (1)", "cannot be used as a view body", "insert", 1, 18},
		{"update (a join b) set x = 1", "Expected table name or subquery as the statement target", "(a join b)", 1, 8},
		{"select (insert into t values (1))", "must have a RETURNING clause", "(insert into t values (1)", 1, 8},
	}
	for _, c := range cases {
		_, err := Parse(c.src)
		require.Error(t, err, c.src)
		var se *SyntaxError
		require.True(t, errors.As(err, &se), c.src)
		assert.Contains(t, se.Error(), c.msg, c.src)
		assert.Equal(t, c.token, se.Token, c.src)
		assert.Equal(t, c.line, se.Line, c.src)
		assert.Equal(t, c.col, se.Column, c.src)
	}
}

func TestSyntaxErrorText(t *testing.T) {
	_, err := Parse("INSERT INTO t")
	require.Error(t, err)
	assert.Equal(t, "Expected VALUES, SELECT or DEFAULT VALUES. (at line 1, column 14) at end of input", err.Error())
	_, err = Parse("select * from where")
	require.Error(t, err)
	assert.Equal(t, `Expected table name. (at line 1, column 15) near "where"`, err.Error())
}
