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
#include <stdint.h>

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

/* ---- drafts of forms: record, version and field values as JSON ---- */

/* One field of a form draft: its stable id and its text (UTF-8). */
typedef struct draft_field {
	const char *key;
	const char *value;
} draft_field;

/*
 * A form's draft as the form engine sees it. Stored as the JSON object
 * {"record_id": n, "version": n, "values": {key: value, …}}, built and
 * read by SQLite's JSON functions, so no text is escaped by hand.
 */
typedef struct draft_form {
	int64_t record_id;   /* record being edited, 0 for a new one */
	int64_t version;     /* its row version when the edit began */
	draft_field *fields; /* n fields, in order */
	size_t n;
	char *storage; /* draft_load_form: owns the texts; NULL in a caller's draft */
} draft_form;

/*
 * Save df as the current operator's draft of `form` (draft_save's rules and
 * errors). Keys and values must be valid text (NULL is refused,
 * ERR_INVALID_ARG); a repeated key keeps its last value.
 */
err_code draft_save_form(db *d, const char *form, const char *record_key, const draft_form *df,
                         err_info *e);

/*
 * Load the current operator's draft of `form` into *out (release with
 * draft_form_free). ERR_NOT_FOUND if there is none; ERR_DB_CONSTRAINT
 * (field MSG_COL_DRAFT_DATA, the detail says what is wrong) when the data
 * is not such an object: not JSON, record_id or version missing or not a
 * non-negative integer, values not an object of texts.
 */
err_code draft_load_form(db *d, const char *form, draft_form *out, draft_info *info, err_info *e);

/* Release what draft_load_form allocated; leaves an empty draft. NULL is fine. */
void draft_form_free(draft_form *df);

#endif
