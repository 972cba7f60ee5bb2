package storage

import "strings"

// Store names follow the seed: "{schema}.{table}" for a table's data,
// "{schema}.{table}_idx_{index}" for a secondary index, plus the fixed
// "__stats__" and "__catalog__". Names are case-insensitive: every
// component is lowercased. Because "_idx_" may appear inside identifiers,
// two logical objects can map to one name; the directory remembers each
// name's owner so such collisions are detected (see provider.go).

// tableStoreName is the data store name of schema.table.
func tableStoreName(schema, table string) string {
	return strings.ToLower(schema) + "." + strings.ToLower(table)
}

// indexStoreName is the store name of index on schema.table.
func indexStoreName(schema, table, index string) string {
	return tableStoreName(schema, table) + "_idx_" + strings.ToLower(index)
}

// statsKey is the key of a table's record in the __stats__ store.
func statsKey(schema, table string) string {
	return tableStoreName(schema, table)
}

func tableOwner(schema, table string) storeOwner {
	return storeOwner{kind: ownerTable, schema: strings.ToLower(schema), table: strings.ToLower(table)}
}

func indexOwner(schema, table, index string) storeOwner {
	return storeOwner{kind: ownerIndex, schema: strings.ToLower(schema), table: strings.ToLower(table), index: strings.ToLower(index)}
}
