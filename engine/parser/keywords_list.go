package parser

// Keyword identifies a keyword; kwNone for an ordinary identifier.
type Keyword uint8

// Keywords.
const (
	kwNone Keyword = iota
	kwABORT
	kwACTION
	kwADD
	kwAFTER
	kwALL
	kwALTER
	kwALWAYS
	kwANALYZE
	kwAND
	kwAPPLY
	kwAS
	kwASC
	kwASSERTION
	kwAUTOINCREMENT
	kwBEGIN
	kwBETWEEN
	kwBY
	kwCASCADE
	kwCASE
	kwCAST
	kwCHECK
	kwCOLLATE
	kwCOLUMN
	kwCOMMIT
	kwCOMMITTED
	kwCONFLICT
	kwCONSTRAINT
	kwCONTEXT
	kwCREATE
	kwCROSS
	kwCURRENT
	kwDATA
	kwDECLARE
	kwDEFAULT
	kwDEFERRABLE
	kwDEFERRED
	kwDELETE
	kwDESC
	kwDIFF
	kwDISTINCT
	kwDO
	kwDROP
	kwELSE
	kwEND
	kwESCAPE
	kwEXCEPT
	kwEXCLUDE
	kwEXCLUSIVE
	kwEXISTS
	kwEXPLAIN
	kwFALSE
	kwFILTER
	kwFIRST
	kwFOLLOWING
	kwFOR
	kwFOREIGN
	kwFROM
	kwFULL
	kwGENERATED
	kwGLOB
	kwGROUP
	kwGROUPS
	kwHAVING
	kwIF
	kwIGNORE
	kwIMMEDIATE
	kwIN
	kwINDEX
	kwINITIALLY
	kwINNER
	kwINSERT
	kwINTERSECT
	kwINTO
	kwINVERSE
	kwIS
	kwISNULL
	kwJOIN
	kwKEY
	kwLAST
	kwLATERAL
	kwLEFT
	kwLENS
	kwLIKE
	kwLIMIT
	kwLOGICAL
	kwMAINTAINED
	kwMATCH
	kwMATERIALIZED
	kwNATURAL
	kwNO
	kwNOT
	kwNOTHING
	kwNOTNULL
	kwNULL
	kwNULLS
	kwOFFSET
	kwON
	kwOPTIONS
	kwOR
	kwORDER
	kwOTHERS
	kwOUTER
	kwOVER
	kwPARTITION
	kwPLAN
	kwPRAGMA
	kwPRECEDING
	kwPRIMARY
	kwQUERY
	kwRANGE
	kwRECURSIVE
	kwREFERENCES
	kwREFRESH
	kwREGEXP
	kwRELEASE
	kwRENAME
	kwREPLACE
	kwRESTRICT
	kwRETURNING
	kwRIGHT
	kwROLLBACK
	kwROW
	kwROWS
	kwSAVEPOINT
	kwSCHEMA
	kwSEED
	kwSELECT
	kwSET
	kwSTORED
	kwTABLE
	kwTAGS
	kwTEMP
	kwTEMPORARY
	kwTHEN
	kwTIES
	kwTO
	kwTRANSACTION
	kwTRUE
	kwTYPE
	kwUNBOUNDED
	kwUNION
	kwUNIQUE
	kwUPDATE
	kwUSING
	kwVALUES
	kwVIEW
	kwVIRTUAL
	kwWHEN
	kwWHERE
	kwWINDOW
	kwWITH
	kwWITHOUT
	kwXOR
	kwCount
)

// keywordText is the upper-case spelling of each keyword.
var keywordText = [kwCount]string{
	kwABORT:         "ABORT",
	kwACTION:        "ACTION",
	kwADD:           "ADD",
	kwAFTER:         "AFTER",
	kwALL:           "ALL",
	kwALTER:         "ALTER",
	kwALWAYS:        "ALWAYS",
	kwANALYZE:       "ANALYZE",
	kwAND:           "AND",
	kwAPPLY:         "APPLY",
	kwAS:            "AS",
	kwASC:           "ASC",
	kwASSERTION:     "ASSERTION",
	kwAUTOINCREMENT: "AUTOINCREMENT",
	kwBEGIN:         "BEGIN",
	kwBETWEEN:       "BETWEEN",
	kwBY:            "BY",
	kwCASCADE:       "CASCADE",
	kwCASE:          "CASE",
	kwCAST:          "CAST",
	kwCHECK:         "CHECK",
	kwCOLLATE:       "COLLATE",
	kwCOLUMN:        "COLUMN",
	kwCOMMIT:        "COMMIT",
	kwCOMMITTED:     "COMMITTED",
	kwCONFLICT:      "CONFLICT",
	kwCONSTRAINT:    "CONSTRAINT",
	kwCONTEXT:       "CONTEXT",
	kwCREATE:        "CREATE",
	kwCROSS:         "CROSS",
	kwCURRENT:       "CURRENT",
	kwDATA:          "DATA",
	kwDECLARE:       "DECLARE",
	kwDEFAULT:       "DEFAULT",
	kwDEFERRABLE:    "DEFERRABLE",
	kwDEFERRED:      "DEFERRED",
	kwDELETE:        "DELETE",
	kwDESC:          "DESC",
	kwDIFF:          "DIFF",
	kwDISTINCT:      "DISTINCT",
	kwDO:            "DO",
	kwDROP:          "DROP",
	kwELSE:          "ELSE",
	kwEND:           "END",
	kwESCAPE:        "ESCAPE",
	kwEXCEPT:        "EXCEPT",
	kwEXCLUDE:       "EXCLUDE",
	kwEXCLUSIVE:     "EXCLUSIVE",
	kwEXISTS:        "EXISTS",
	kwEXPLAIN:       "EXPLAIN",
	kwFALSE:         "FALSE",
	kwFILTER:        "FILTER",
	kwFIRST:         "FIRST",
	kwFOLLOWING:     "FOLLOWING",
	kwFOR:           "FOR",
	kwFOREIGN:       "FOREIGN",
	kwFROM:          "FROM",
	kwFULL:          "FULL",
	kwGENERATED:     "GENERATED",
	kwGLOB:          "GLOB",
	kwGROUP:         "GROUP",
	kwGROUPS:        "GROUPS",
	kwHAVING:        "HAVING",
	kwIF:            "IF",
	kwIGNORE:        "IGNORE",
	kwIMMEDIATE:     "IMMEDIATE",
	kwIN:            "IN",
	kwINDEX:         "INDEX",
	kwINITIALLY:     "INITIALLY",
	kwINNER:         "INNER",
	kwINSERT:        "INSERT",
	kwINTERSECT:     "INTERSECT",
	kwINTO:          "INTO",
	kwINVERSE:       "INVERSE",
	kwIS:            "IS",
	kwISNULL:        "ISNULL",
	kwJOIN:          "JOIN",
	kwKEY:           "KEY",
	kwLAST:          "LAST",
	kwLATERAL:       "LATERAL",
	kwLEFT:          "LEFT",
	kwLENS:          "LENS",
	kwLIKE:          "LIKE",
	kwLIMIT:         "LIMIT",
	kwLOGICAL:       "LOGICAL",
	kwMAINTAINED:    "MAINTAINED",
	kwMATCH:         "MATCH",
	kwMATERIALIZED:  "MATERIALIZED",
	kwNATURAL:       "NATURAL",
	kwNO:            "NO",
	kwNOT:           "NOT",
	kwNOTHING:       "NOTHING",
	kwNOTNULL:       "NOTNULL",
	kwNULL:          "NULL",
	kwNULLS:         "NULLS",
	kwOFFSET:        "OFFSET",
	kwON:            "ON",
	kwOPTIONS:       "OPTIONS",
	kwOR:            "OR",
	kwORDER:         "ORDER",
	kwOTHERS:        "OTHERS",
	kwOUTER:         "OUTER",
	kwOVER:          "OVER",
	kwPARTITION:     "PARTITION",
	kwPLAN:          "PLAN",
	kwPRAGMA:        "PRAGMA",
	kwPRECEDING:     "PRECEDING",
	kwPRIMARY:       "PRIMARY",
	kwQUERY:         "QUERY",
	kwRANGE:         "RANGE",
	kwRECURSIVE:     "RECURSIVE",
	kwREFERENCES:    "REFERENCES",
	kwREFRESH:       "REFRESH",
	kwREGEXP:        "REGEXP",
	kwRELEASE:       "RELEASE",
	kwRENAME:        "RENAME",
	kwREPLACE:       "REPLACE",
	kwRESTRICT:      "RESTRICT",
	kwRETURNING:     "RETURNING",
	kwRIGHT:         "RIGHT",
	kwROLLBACK:      "ROLLBACK",
	kwROW:           "ROW",
	kwROWS:          "ROWS",
	kwSAVEPOINT:     "SAVEPOINT",
	kwSCHEMA:        "SCHEMA",
	kwSEED:          "SEED",
	kwSELECT:        "SELECT",
	kwSET:           "SET",
	kwSTORED:        "STORED",
	kwTABLE:         "TABLE",
	kwTAGS:          "TAGS",
	kwTEMP:          "TEMP",
	kwTEMPORARY:     "TEMPORARY",
	kwTHEN:          "THEN",
	kwTIES:          "TIES",
	kwTO:            "TO",
	kwTRANSACTION:   "TRANSACTION",
	kwTRUE:          "TRUE",
	kwTYPE:          "TYPE",
	kwUNBOUNDED:     "UNBOUNDED",
	kwUNION:         "UNION",
	kwUNIQUE:        "UNIQUE",
	kwUPDATE:        "UPDATE",
	kwUSING:         "USING",
	kwVALUES:        "VALUES",
	kwVIEW:          "VIEW",
	kwVIRTUAL:       "VIRTUAL",
	kwWHEN:          "WHEN",
	kwWHERE:         "WHERE",
	kwWINDOW:        "WINDOW",
	kwWITH:          "WITH",
	kwWITHOUT:       "WITHOUT",
	kwXOR:           "XOR",
}

// reservedKeyword marks keywords that can never be bare identifiers.
var reservedKeyword = [kwCount]bool{
	kwALL:        true,
	kwALTER:      true,
	kwAND:        true,
	kwAS:         true,
	kwBETWEEN:    true,
	kwBY:         true,
	kwCASE:       true,
	kwCAST:       true,
	kwCHECK:      true,
	kwCOLLATE:    true,
	kwCONSTRAINT: true,
	kwCREATE:     true,
	kwDEFAULT:    true,
	kwDELETE:     true,
	kwDISTINCT:   true,
	kwDROP:       true,
	kwELSE:       true,
	kwESCAPE:     true,
	kwEXCEPT:     true,
	kwEXISTS:     true,
	kwFALSE:      true,
	kwFOREIGN:    true,
	kwFROM:       true,
	kwGROUP:      true,
	kwHAVING:     true,
	kwIN:         true,
	kwINSERT:     true,
	kwINTERSECT:  true,
	kwINTO:       true,
	kwIS:         true,
	kwJOIN:       true,
	kwLIMIT:      true,
	kwNOT:        true,
	kwNULL:       true,
	kwON:         true,
	kwOR:         true,
	kwORDER:      true,
	kwPRIMARY:    true,
	kwREFERENCES: true,
	kwSELECT:     true,
	kwSET:        true,
	kwTABLE:      true,
	kwTHEN:       true,
	kwTO:         true,
	kwTRUE:       true,
	kwUNION:      true,
	kwUNIQUE:     true,
	kwUPDATE:     true,
	kwUSING:      true,
	kwVALUES:     true,
	kwWHEN:       true,
	kwWHERE:      true,
	kwWITH:       true,
	kwXOR:        true,
}
