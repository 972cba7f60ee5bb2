package engine

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAlterTable(t *testing.T) {
	_, c := openTestDB(t)
	ctx := context.Background()
	mustExec(t, c, `CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER NULL);
		CREATE INDEX t_name ON t (name);
		CREATE VIEW tv AS SELECT id, name FROM t;
		INSERT INTO t VALUES (1, 'a', 1), (2, 'b', 2)`)

	mustExec(t, c, "ALTER TABLE t ADD COLUMN d INTEGER DEFAULT (new.id * 10)")
	require.Equal(t, [][]any{{int64(1), int64(10)}, {int64(2), int64(20)}}, queryRows(t, c, "SELECT id, d FROM t ORDER BY id"))

	mustExec(t, c, "ALTER TABLE t RENAME COLUMN name TO label")
	require.Equal(t, [][]any{{int64(1), "a"}}, queryRows(t, c, "SELECT id, label FROM tv WHERE id = 1"))
	require.Equal(t, []string{"SEARCH t USING INDEX t_name (label=?)"}, plan(t, c, "SELECT id FROM t WHERE label = 'b'"))

	mustExec(t, c, "ALTER TABLE t RENAME TO t2")
	require.Equal(t, [][]any{{int64(2)}}, queryRows(t, c, "SELECT count(*) FROM tv"))
	require.Equal(t, [][]any{{int64(2)}}, queryRows(t, c, "SELECT id FROM t2 WHERE label = 'b'"))

	mustExec(t, c, "ALTER TABLE t2 DROP COLUMN n")
	require.Equal(t, []string{"id", "label", "d"}, columnNames(t, c, "SELECT * FROM t2"))

	mustExec(t, c, "ALTER TABLE t2 ADD CONSTRAINT small CHECK (d < 100)")
	_, err := c.ExecScript(ctx, "UPDATE t2 SET d = 500", nil)
	require.ErrorContains(t, err, "CHECK constraint failed: small")
	_, err = c.ExecScript(ctx, "ALTER TABLE t2 ADD CONSTRAINT tiny CHECK (d < 15)", nil)
	require.ErrorContains(t, err, "CHECK constraint failed: tiny")
	mustExec(t, c, "ALTER TABLE t2 DROP CONSTRAINT small; UPDATE t2 SET d = 500 WHERE id = 1")

	_, err = c.ExecScript(ctx, "ALTER TABLE t2 ADD COLUMN label TEXT", nil)
	require.ErrorContains(t, err, "already exists")
	mustExec(t, c, "ALTER TABLE t2 ALTER COLUMN label SET NOT NULL")
	_, err = c.ExecScript(ctx, "INSERT INTO t2 (id) VALUES (9)", nil)
	require.ErrorContains(t, err, "NOT NULL constraint failed")
}

func TestForeignKeyActions(t *testing.T) {
	_, c := openTestDB(t)
	ctx := context.Background()
	mustExec(t, c, `CREATE TABLE p (id INTEGER PRIMARY KEY);
		CREATE TABLE cas (id INTEGER PRIMARY KEY, pid INTEGER NULL REFERENCES p(id) ON DELETE CASCADE ON UPDATE CASCADE);
		CREATE TABLE nul (id INTEGER PRIMARY KEY, pid INTEGER NULL REFERENCES p(id) ON DELETE SET NULL);
		INSERT INTO p VALUES (1), (2);
		INSERT INTO cas VALUES (10, 1), (11, 2);
		INSERT INTO nul VALUES (20, 1)`)
	mustExec(t, c, "UPDATE p SET id = 5 WHERE id = 2")
	require.Equal(t, [][]any{{int64(5)}}, queryRows(t, c, "SELECT pid FROM cas WHERE id = 11"))
	mustExec(t, c, "DELETE FROM p WHERE id = 1")
	require.Equal(t, [][]any{{int64(11)}}, queryRows(t, c, "SELECT id FROM cas"))
	require.Equal(t, [][]any{{nil}}, queryRows(t, c, "SELECT pid FROM nul"))
	mustExec(t, c, "PRAGMA foreign_keys = off; INSERT INTO cas VALUES (12, 99)")
	require.Equal(t, [][]any{{"foreign_keys", false}}, queryRows(t, c, "PRAGMA foreign_keys"))
	mustExec(t, c, "PRAGMA foreign_keys = on")
	_, err := c.ExecScript(ctx, "INSERT INTO cas VALUES (13, 98)", nil)
	require.ErrorContains(t, err, "CHECK constraint failed: _fk_cas_pid")
}

func TestCreateTableAsSelect(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE src (id INTEGER PRIMARY KEY, v TEXT NULL);
		INSERT INTO src VALUES (1, 'a'), (2, NULL), (3, 'c');
		CREATE TABLE dst AS SELECT id, upper(v) AS u FROM src WHERE id > 1`)
	require.Equal(t, [][]any{{int64(2), nil}, {int64(3), "C"}}, queryRows(t, c, "SELECT id, u FROM dst ORDER BY id"))
	require.Equal(t, [][]any{{int64(0), "id", "INTEGER"}, {int64(1), "u", "TEXT"}}, queryRows(t, c, "SELECT cid, name, type FROM table_info('dst')"))
}
