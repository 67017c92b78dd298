/*
 * draft — unsaved forms kept per operator, so a form interrupted by a
 * dropped connection or a crash is offered back at the next login. A draft
 * belongs to the operator set with db_set_actor(): every function works on
 * that operator's drafts only, so no operator can see another's. One draft
 * per operator and form; the data is the form's JSON.
 */
#ifndef LAOBAO_DRAFT_H
#define LAOBAO_DRAFT_H

#include <stddef.h>

#include "db/db.h"

/* Largest draft, in bytes of JSON. */
#define DRAFT_DATA_MAX 1000000

typedef struct draft_info {
	char form[33];       /* form id: letters, digits, _ . - */
	char record_key[65]; /* which record the form was editing, "" for a new one */
	char updated_at[21];
} draft_info;

typedef struct draft_list {
	draft_info *items;
	size_t n;
} draft_list;

/*
 * Save (replace) the current operator's draft of `form`. Errors:
 * ERR_DB_NO_OPERATOR (no operator set), ERR_DB_CONSTRAINT (json not valid
 * JSON), ERR_DB_TOO_LONG.
 */
err_code draft_save(db *d, const char *form, const char *record_key, const char *json, err_info *e);

/*
 * Load the current operator's draft of `form`: *json is malloc'ed (caller
 * frees); info (may be NULL) gets the key and time. ERR_NOT_FOUND if none.
 */
err_code draft_load(db *d, const char *form, char **json, draft_info *info, err_info *e);

/* Remove the current operator's draft of `form`; no error if there is none. */
err_code draft_delete(db *d, const char *form, err_info *e);

/* The current operator's drafts, newest first (to offer them at login). */
err_code draft_list_mine(db *d, draft_list *out, err_info *e);

void draft_list_free(draft_list *l);

#endif
