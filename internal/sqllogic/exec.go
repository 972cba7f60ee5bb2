package sqllogic

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// MaxRows bounds how many rows one statement may return to the runner.
const MaxRows = 1_000_000

// verdict is the result of running one block.
type verdict struct {
	ok     bool
	actual string
	cause  string
	detail string
}

func pass() verdict { return verdict{ok: true} }

func fail(cause, actual, detail string) verdict {
	return verdict{cause: cause, actual: actual, detail: detail}
}

// failErr reports an unexpected error; a context deadline is reported as a
// timeout.
func failErr(ctx context.Context, what string, err error) verdict {
	if ctx.Err() != nil {
		return fail("timeout", err.Error(), what+": "+ctx.Err().Error()+": "+err.Error())
	}
	return fail(what+": "+normalizeMessage(err.Error()), err.Error(), what+": "+err.Error())
}

// execBlock runs one block against db (FORMAT.md §5-§7).
func execBlock(ctx context.Context, db *sql.DB, b Block) verdict {
	switch b.Kind {
	case KindResult:
		return execResult(ctx, db, b)
	case KindError:
		return execError(ctx, db, b)
	case KindSetup, KindEOFSetup:
		// The whole block in one Exec, unsplit: the engine finds the
		// statement boundaries (§7).
		if _, err := db.ExecContext(ctx, b.SQL); err != nil {
			return failErr(ctx, "setup block failed", err)
		}
		return pass()
	default:
		return fail("bad directive", "", b.Expected)
	}
}

// execResult runs a result block: each setup statement through its own
// Exec, then the final statement through Query with the block's params,
// and compares the shaped rows with the expectation (§5).
func execResult(ctx context.Context, db *sql.DB, b Block) verdict {
	decoded, err := decodeJSON(b.Expected)
	if err != nil {
		return fail("invalid expected JSON", "", fmt.Sprintf("invalid expected JSON %q: %v", b.Expected, err))
	}
	expected, ok := canonicalJSON(decoded).([]any)
	if !ok {
		return fail("invalid expected JSON", "", fmt.Sprintf("expected JSON is not an array: %s", b.Expected))
	}
	args, err := bindArgs(b.Params)
	if err != nil {
		return fail("invalid params", "", err.Error())
	}
	setup, final := splitStatements(b.SQL)
	for i, stmt := range setup {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			return failErr(ctx, fmt.Sprintf("setup statement %d failed", i+1), err)
		}
	}
	actual, err := queryShaped(ctx, db, final, args)
	if err != nil {
		return failErr(ctx, "unexpected error", err)
	}
	if m := compareRows(expected, actual); m != nil {
		return fail("mismatch: "+m.Kind, formatValue(actual), m.String())
	}
	return pass()
}

// queryShaped runs one statement and returns its rows shaped per §5.5.
func queryShaped(ctx context.Context, db *sql.DB, stmt string, args []any) ([]any, error) {
	rows, err := db.QueryContext(ctx, stmt, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	names, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	types, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	shaped := []any{}
	raw := make([]any, len(names))
	ptrs := make([]any, len(names))
	for i := range raw {
		ptrs[i] = &raw[i]
	}
	for rows.Next() {
		if len(shaped) >= MaxRows {
			return nil, fmt.Errorf("sqllogic: more than %d rows", MaxRows)
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make([]any, len(raw))
		for i, v := range raw {
			row[i] = canonicalActual(v, types[i].DatabaseTypeName())
		}
		shaped = append(shaped, shapeRow(names, row))
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return shaped, rows.Close()
}

// execError runs an error block: the setup statements joined into one
// Exec, then the final statement prepared and drained; the first error must
// contain the expected substring, case-insensitively (§6). Params are not
// used, and nothing is cleaned up afterwards.
func execError(ctx context.Context, db *sql.DB, b Block) verdict {
	setup, final := splitStatements(b.SQL)
	var err error
	if len(setup) > 0 {
		_, err = db.ExecContext(ctx, strings.Join(setup, ";\n")+";")
	}
	if err == nil {
		err = drain(ctx, db, final)
	}
	if err == nil {
		return fail("no error (expected an error)", "no error",
			fmt.Sprintf("expected error containing %q, but the block succeeded", b.Expected))
	}
	if ctx.Err() != nil {
		return failErr(ctx, "error block", err)
	}
	msg := err.Error()
	if !strings.Contains(strings.ToLower(msg), strings.ToLower(b.Expected)) {
		return fail("wrong error: "+normalizeMessage(msg), msg,
			fmt.Sprintf("expected error containing %q, got %q", b.Expected, msg))
	}
	return pass()
}

// drain prepares and runs one statement, pulling every row so that errors
// raised during iteration surface.
func drain(ctx context.Context, db *sql.DB, stmt string) error {
	rows, err := db.QueryContext(ctx, stmt)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		if n++; n > MaxRows {
			return fmt.Errorf("sqllogic: more than %d rows", MaxRows)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return rows.Close()
}
