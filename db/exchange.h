/*
 * exchange — what a package carries, as data: one entry per exchanged table
 * with its CSV columns in their fixed order, how each column is read for
 * export (SQL over the table aliased t), how references to other rows are
 * written (by natural key or uid, never by local row id) and resolved again
 * on import, and how a row is identified at the receiving office.
 *
 * Internal to db/ (export.c, import.c); docs/export-format.md describes the
 * same tables for the people writing a reader.
 */
#ifndef LAOBAO_EXCHANGE_H
#define LAOBAO_EXCHANGE_H

#include <stddef.h>

/* How a CSV field maps to SQL values. */
enum exchange_type {
	EX_TEXT,  /* text; the empty field is NULL */
	EX_TEXT0, /* text that is never NULL; the empty field is '' */
	EX_INT,   /* integer, required */
	EX_NINT,  /* integer, or empty for NULL */
	EX_REAL,  /* decimal number, required */
	EX_LIST,  /* unemployment categories: codes joined by ';' (a child table) */
};

typedef struct exchange_field {
	const char *name; /* CSV header; for a plain field also the table column */
	int type;         /* enum exchange_type */
	const char *out;  /* export expression over alias t; NULL = t.<name> */
	int plain;        /* 1: written to column <name>; 0: feeds a reference or a child table */
} exchange_field;

typedef struct exchange_ref {
	const char *col;     /* the row-id column it fills, e.g. "person_id" */
	int target;          /* index of the referenced table in exchange_tables() */
	const char *resolve; /* SELECT id … binding the source fields as ?1 (and ?2) */
	int f1, f2;          /* source field indexes; f2 = -1 when there is one */
} exchange_ref;

enum exchange_flags {
	EX_VERSIONED = 1, /* has version, chg_seq, sync_* columns (all but the hearing log) */
	EX_APPEND = 2,    /* rows are never updated (the hearing log) */
	EX_OFFICE = 4,    /* has a column `office` referencing offices(code) */
	EX_KEY_FIRST = 8, /* the key is the first non-empty key field (uscc, else org code) */
};

/* Source of an identity parameter: a field index (>= 0) or a reference (EX_IDENT_REF(k)). */
#define EX_IDENT_REF(k) (-1 - (k))

/* One sort key of a file: rows are in key order, compared byte by byte (integers as numbers). */
typedef struct exchange_sort {
	int field;       /* CSV field holding the key, or -1 for `sql` */
	const char *sql; /* key expression over t when field is -1 */
	int integer;     /* compare as an integer */
} exchange_sort;

typedef struct exchange_table {
	const char *name; /* table name; the file is <name>.csv */
	const exchange_field *fields;
	size_t nfields;
	const exchange_ref *refs;
	size_t nrefs;
	exchange_sort sort[4]; /* the order of the rows in the file */
	size_t nsort;
	const char *ident; /* WHERE over t finding the local row, with ?1.. */
	int ident_src[3];  /* what each ?k of ident binds */
	size_t nident;
	int key[4]; /* fields that name the row in messages, joined by '/' */
	size_t nkey;
	unsigned flags; /* enum exchange_flags */
} exchange_table;

/* The exchanged tables, parents before children (the order of files and of applying). */
const exchange_table *exchange_tables(size_t *n);

/* Bookkeeping columns that end every file: the row's version at the sender and its base. */
#define EXCHANGE_TAIL_COLS 3
extern const char *const exchange_tail_names[EXCHANGE_TAIL_COLS];

/* Index of a table by name, or -1. */
int exchange_table_index(const char *name);

#endif
