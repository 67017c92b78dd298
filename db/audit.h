/*
 * audit — reading the append-only audit log: who changed which row, when,
 * with the row as JSON before and after. Rows are written by the
 * repositories (row.c) in the same transaction as the change; the database
 * refuses to update or delete them.
 */
#ifndef LAOBAO_AUDIT_H
#define LAOBAO_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

typedef struct audit_entry {
	int64_t id;
	char at[21];         /* UTC */
	int64_t operator_id; /* 0 = system / batch */
	char login[33];
	char table[33]; /* table name, or "bulk" for a bulk-load summary */
	int64_t row_id;
	char action[8]; /* insert, update, delete, bulk */
	char *before;   /* JSON or NULL (malloc'ed, freed by audit_list_free) */
	char *after;    /* JSON or NULL */
} audit_entry;

typedef struct audit_list {
	audit_entry *items;
	size_t n;
} audit_list;

/* The history of one row, oldest first. */
err_code audit_list_row(db *d, const char *table, int64_t row_id, audit_list *out, err_info *e);

/* The latest entries over all tables, newest first, one page. */
err_code audit_list_recent(db *d, size_t offset, size_t limit, audit_list *out, err_info *e);

void audit_list_free(audit_list *l);

#endif
