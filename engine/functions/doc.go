// Package functions is the SQL function registry and the core builtin scalar
// and aggregate functions of the Quereus dialect.
//
// A function is described by a Def and registered by name (case-insensitive)
// with an arity range; one name may have several Defs with disjoint arity
// ranges. Builtins register into Default from init(); sub-packages (jsonfn,
// timefn) register the same way, so importing them is enough. The engine
// gives each database its own Registry layered over Default
// (NewRegistry(Default)) for user-defined functions.
//
// Contracts with the engine:
//   - Scalar receives already-evaluated arguments; NULL handling is up to
//     the function (most return NULL for a NULL argument).
//   - Aggregates receive one Step per input row, with arguments evaluated;
//     count(*) is the 0-argument count and gets Step(nil). DISTINCT is done by
//     the engine, which deduplicates argument tuples (types.Compare) before
//     calling Step. An aggregate's Result may be called once, after the last
//     Step; a fresh Aggregate is made per group. Aggregates that implement
//     Inverter support sliding window frames.
//   - Optional aggregate interfaces: Inverter (sliding frames), Collated
//     (min/max under a collation), Typed (min/max under a semantic type
//     such as TIMESPAN). ScalarCollated variants exist for nullif,
//     greatest and least.
//   - CheckArgTypes is the plan-time argument gate (abs('abc') fails with
//     "Invalid argument types for function abs"); ResultType gives the static
//     result type used for cross-type comparison coercion.
//   - Lookup failures read "Function not found: name/nargs".
//   - Window-only functions (row_number, rank, dense_rank, percent_rank,
//     cume_dist, ntile, lag, lead, first_value, last_value, nth_value) live
//     in a separate table (LookupWindow, IsWindowFunction) and compute a
//     whole sorted Partition at once; aggregates used with OVER are driven
//     per frame by the engine.
package functions
