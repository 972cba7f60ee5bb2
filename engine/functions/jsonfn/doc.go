// Package jsonfn implements the JSON builtin functions of the Quereus dialect:
// json, json_valid, json_type, json_extract, json_quote, json_array,
// json_object, json_array_length, json_insert, json_replace, json_set,
// json_remove, json_patch (an RFC 6902 patch array, not SQLite's merge patch),
// json_schema, the aggregates json_group_array and json_group_object, and the
// table-valued functions json_each and json_tree (see Each and Tree).
//
// # Documents
//
// A JSON document is the tree used by value.JSON: nil, bool, json.Number,
// string, []any and map[string]any. Documents are immutable once built;
// functions that "modify" a document copy only the containers along the
// modified path and share everything else. Parse (parse.go) is this
// package's own strict JSON reader: it normalizes every number to the
// spelling JavaScript would print for it (2.50 becomes 2.5, 1e2 becomes 100),
// caps nesting at MaxDepth and input size at MaxInputBytes, and rejects
// trailing data. Stringify renders a document with sorted object keys and
// JavaScript's string escaping (JSON.stringify), which is the text form used
// for json_quote and for the value column of json_each/json_tree.
//
// # Input and output values
//
// Every function that takes a JSON argument accepts it the way Quereus's
// coerceToJsonValue does (Coerce): SQL NULL is the JSON null document, TEXT
// is parsed, a JSON value is used as is, integers, reals and booleans are
// JSON scalars, and BLOBs, out-of-range big integers and invalid text are
// "not JSON" (each function then answers NULL, false or an error as the
// corpus pins).
//
// Values going into a document (json_array, json_object, the value of
// json_set, the aggregates) follow prepareJsonValue (ToDocument): TEXT that
// parses as JSON is embedded as the parsed document, other TEXT as a string,
// BLOBs and non-finite reals become null, and integers beyond ±(2^53-1)
// become decimal strings.
//
// Documents coming out of a function become SQL values through Value: JSON
// null is SQL NULL, booleans, numbers and strings are BOOLEAN, INTEGER/REAL
// and TEXT, and arrays and objects are value.JSON.
//
// # Registration
//
// init() registers every scalar and aggregate (Defs) into functions.Default,
// so a blank import of this package is enough. json_each and json_tree are
// table-valued functions, outside the registry: the engine exposes the
// TableFunctions descriptors (Each and Tree, whose rows follow EachColumns
// and EachColumnTypes).
//
// # Paths
//
// Paths use SQLite's syntax as Quereus reads it (path.go): an optional
// leading '$', then steps '.key', '."quoted key"' and '[n]'. As an extension
// beyond Quereus, '[#]' and '[#-n]' count from the end of an array, as in
// SQLite. A path that does not parse, or that walks through a missing value
// or a JSON null, is invalid: lookups answer NULL and modifications skip it.
package jsonfn
