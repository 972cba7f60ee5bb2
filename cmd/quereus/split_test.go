package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSplitterFindsStatementEndsOutsideQuotesAndComments(t *testing.T) {
	var sp statementSplitter
	assert.Empty(t, sp.add("select 'a;b', \"c;d\", [e;f], `g;h` -- x;y", 1))
	assert.Empty(t, sp.add("/* ; */ from t", 2))
	got := sp.add("where x = 'it''s;'; select 2;", 3)
	if assert.Len(t, got, 2) {
		assert.Equal(t, 1, got[0].line)
		assert.Contains(t, got[0].text, "where x = 'it''s;';")
		assert.Equal(t, "select 2;", got[1].text)
		assert.Equal(t, 3, got[1].line)
	}
	assert.Equal(t, "", sp.pending())
}

func TestSplitterKeepsIncompleteInput(t *testing.T) {
	var sp statementSplitter
	assert.Empty(t, sp.add("select 'unterminated;", 1))
	assert.Equal(t, "select 'unterminated;", sp.pending())
	got := sp.add("';", 2)
	if assert.Len(t, got, 1) {
		assert.Equal(t, "select 'unterminated;\n';", got[0].text)
	}
	sp.add("select 1", 3)
	sp.reset()
	assert.Equal(t, "", sp.pending())
}

func TestHasContentIgnoresComments(t *testing.T) {
	assert.False(t, hasContent("-- only a comment\n  /* and this */ ;"))
	assert.True(t, hasContent("-- c\nselect 1"))
}
