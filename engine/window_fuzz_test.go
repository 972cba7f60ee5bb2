package engine

import (
	"context"
	"strings"
	"testing"
	"time"
)

// FuzzWindowQuery runs mutated window queries over a small table: any
// outcome but a panic (or a hang past the deadline) is acceptable.
//
//	go test ./engine/ -run XXX -fuzz FuzzWindowQuery -fuzztime 30s
func FuzzWindowQuery(f *testing.F) {
	for _, s := range []string{
		`SELECT row_number() OVER (PARTITION BY g ORDER BY v) FROM t`,
		`SELECT sum(v) OVER (ORDER BY v RANGE BETWEEN 2 PRECEDING AND 1 FOLLOWING EXCLUDE TIES) FROM t`,
		`SELECT min(v) OVER (ORDER BY id GROUPS BETWEEN 1 PRECEDING AND 2 FOLLOWING EXCLUDE GROUP) FROM t`,
		`SELECT count(DISTINCT g) FILTER (WHERE v > 1) OVER w, lag(v, 2, 0) OVER w FROM t WINDOW w AS (ORDER BY id ROWS 1 PRECEDING)`,
		`SELECT g, rank() OVER (ORDER BY count(*) DESC), ntile(2) OVER () FROM t GROUP BY g`,
		`SELECT nth_value(id, 2) OVER (ORDER BY v DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW) FROM t`,
	} {
		f.Add(s)
	}
	c := openWindowDB(f)
	if _, err := c.ExecScript(context.Background(), `CREATE TABLE t (id INTEGER PRIMARY KEY, g TEXT NULL, v INTEGER NULL);
		INSERT INTO t VALUES (1, 'a', 3), (2, 'a', NULL), (3, 'b', 1), (4, NULL, 3), (5, 'b', 7)`, nil); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, sql string) {
		if len(sql) > 2000 || !strings.HasPrefix(strings.ToUpper(strings.TrimSpace(sql)), "SELECT") {
			return // read-only statements keep the table as seeded
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		st, err := c.Prepare(ctx, sql)
		if err != nil {
			return
		}
		defer st.Close()
		rows, err := st.Query(ctx, nil)
		if err != nil {
			return
		}
		defer rows.Close()
		for i := 0; i < 10000; i++ {
			if r, err := rows.Next(ctx); err != nil || r == nil {
				return
			}
		}
	})
}
