/*
 * form — the generic form engine: a form is a table of field specs, and
 * this module holds the values being edited, checks a field when it is left
 * and every field again on save, fills derived fields, and saves through the
 * form's own save function only when every check passes.
 *
 * A workflow is data: a `form_spec` (fields plus a few hooks) in its own
 * forms/ file. The terminal layer draws any form from its spec and calls
 * form_* as the user moves; it never knows what a person or a registration
 * is. Values are UTF-8 text, normalised when a field is left (an ID is
 * upper-cased and upgraded, a date becomes YYYY-MM-DD, money "1234.50").
 */
#ifndef LAOBAO_FORM_H
#define LAOBAO_FORM_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "forms/date.h"
#include "locale/err.h"

typedef enum field_type {
	FT_TEXT = 1, /* one line of free text */
	FT_NAME,     /* a person's Chinese name (valid_name) */
	FT_IDNO,     /* 公民身份号码 (idcard_parse; 15 digits upgraded) */
	FT_USCC,     /* 统一社会信用代码 (uscc_parse) */
	FT_DATE,     /* date, any accepted form → YYYY-MM-DD */
	FT_INT,      /* integer within [min, max] */
	FT_MONEY,    /* 元 typed, "1234.50" kept; repositories store fen */
	FT_CODE,     /* a code from a code table, chosen from a picklist */
	FT_BOOL,     /* 是/否, kept as "1"/"0" */
	FT_PHONE,    /* mobile or landline (valid_phone) */
	FT_MEMO,     /* multi-line free text */
	FT_CODES,    /* several codes of one table (multi-select), kept as "01,04" */
} field_type;

enum field_flags {
	FF_REQUIRED = 1 << 0, /* may not be left empty on save */
	FF_READONLY = 1 << 1, /* shown, never edited (derived or system fields) */
	FF_KEY = 1 << 2,      /* a lookup key: leaving it may open an existing record */
	FF_NOFUTURE = 1 << 3, /* FT_DATE: not after today */
};

typedef struct form form;
struct form_spec;
struct listing_column; /* forms/listing.h */
struct listing_row;

/*
 * A choice of a small fixed list given in the spec itself (城镇/农村), for
 * an FT_CODE or FT_CODES field that has no code table.
 */
typedef struct form_option {
	const char *code; /* what is stored: digits or capital letters */
	msg_id name;      /* what is shown */
} form_option;

typedef struct field_spec {
	const char *id; /* stable key ("id_no"): drafts and tests refer to it */
	msg_id label;   /* label on screen and in error messages */
	field_type type;
	unsigned flags;             /* enum field_flags */
	int max_chars;              /* limit in characters (not bytes, not columns); <= 0: 1000 */
	int width;                  /* columns of the input box; 0 = derived from max_chars */
	const char *code_table;     /* FT_CODE, FT_CODES: code table name ("ethnicity") */
	const form_option *options; /* FT_CODE, FT_CODES without a code table: the choices */
	int n_options;
	long min, max; /* FT_INT: range */
	msg_id hint;   /* shown on the message line on entering the field, or MSG_NONE */
	/* Extra rule after the type check, or NULL. */
	err_code (*check)(form *f, int field, err_info *e);
	/* Whether the field applies now (e.g. end reason only once ended), or NULL for always. */
	int (*visible)(const form *f);
} field_spec;

/*
 * A list of child records shown inside a form (a registration's
 * follow-ups): columns and rows as in a listing, read for the record being
 * edited. Enter on a row opens it in `form`, a child form (see
 * form_sublist_open).
 */
typedef struct form_sublist {
	const char *id;
	msg_id title;
	const struct listing_column *columns;
	int n_columns; /* at most 8 */
	/* Rows belonging to record form_record_id(f) (> 0), one page as in listing_spec.search. */
	err_code (*rows)(form *f, size_t offset, size_t max, struct listing_row *out, size_t *n,
	                 size_t *total, err_info *e);
	const struct form_spec *form; /* opens a row, or NULL when rows are only shown */
} form_sublist;

enum form_action_flags {
	/* The action's form edits this same record: it is opened by loading the record's id. */
	FA_SAME_RECORD = 1 << 0,
};

/*
 * Something done to the record beyond editing its fields (结束登记, 新增服务
 * 记录): another form, opened as a child of this one (form_action_open),
 * whose save does the work.
 */
typedef struct form_action {
	const char *id;
	msg_id label;
	const struct form_spec *form;
	unsigned flags; /* enum form_action_flags */
	/* Whether the action applies to the record now (e.g. only while open); NULL: always. */
	int (*enabled)(const form *f);
} form_action;

enum form_spec_flags {
	/*
	 * save does its own transactions instead of running inside the one
	 * form_save opens: long work (an export reads one snapshot and writes
	 * files, an import verifies a whole package) that must not hold the
	 * write lock from the start, or that refuses to run inside a transaction.
	 */
	FS_OWN_TRANSACTION = 1 << 0,
	/*
	 * A record, once stored, is never edited (an export batch, an applied
	 * package): a form that loaded or saved one is view-only until cleared.
	 * Its actions still work: they make new records of their own.
	 */
	FS_ONCE = 1 << 1,
};

typedef struct form_spec {
	const char *id; /* "person": drafts are per operator and form id */
	msg_id title;
	unsigned flags; /* enum form_spec_flags */
	const field_spec *fields;
	int n_fields;
	/*
	 * Defaults of a new, empty form (a date of today, what a parent form
	 * says): runs at the end of form_new and form_clear, with the context
	 * already set for a child form; values it sets do not make the form
	 * dirty. Errors are reported by form_new and ignored by form_clear.
	 * A child form's parent (form_parent) is set before it runs.
	 * NULL if none.
	 */
	err_code (*init)(form *f, err_info *e);
	/*
	 * After field `field` was left with a valid value: fill derived fields,
	 * or open an existing record for a key field (then *message may be set to
	 * tell the user, e.g. "已调出现有档案"). Also runs when the field was
	 * left empty, so derived fields can be cleared. *message is never NULL
	 * here and may already hold the engine's notice (MSG_FORM_ID_UPGRADED
	 * for an upgraded 15-digit ID), which the hook may replace. NULL if the
	 * form has none.
	 */
	err_code (*on_leave)(form *f, int field, msg_id *message, err_info *e);
	/*
	 * Cross-field rules run on save after every field passed; NULL if none.
	 * Report an error with form_fail() so the cursor goes to the right field.
	 */
	err_code (*check_all)(form *f, err_info *e);
	/* Fill the form from record id. */
	err_code (*load)(form *f, int64_t id, err_info *e);
	/*
	 * Store the values (all checks passed); sets the record id and version.
	 * form_save runs it inside one transaction (db_begin … db_commit), so
	 * whatever it writes is stored whole or not at all.
	 */
	err_code (*save)(form *f, err_info *e);
	/* Child lists shown under the fields, and actions on the record; both may be NULL/0. */
	const form_sublist *sublists;
	int n_sublists;
	const form_action *actions;
	int n_actions;
} form_spec;

/*
 * A read-only text field showing what was stored (a count, a hash), shown
 * when vis (may be NULL: always) says so.
 */
#define FORM_SHOWN(fid, lbl, w, vis)                                                               \
	{                                                                                          \
		.id = (fid), .label = (lbl), .type = FT_TEXT, .flags = FF_READONLY, .width = (w),  \
		.visible = (vis)                                                                   \
	}

/*
 * Checks (field_spec.check) for a path typed into a form, so a mistake is
 * named on its field before long work starts; an empty value passes
 * (required is checked on save). form_check_folder: an existing folder
 * (ERR_PATH_NOT_DIR). form_check_file: an existing readable file;
 * form_check_file_or_folder: a readable file or folder (ERR_PATH_MISSING).
 */
err_code form_check_folder(form *f, int field, err_info *e);
err_code form_check_file(form *f, int field, err_info *e);
err_code form_check_file_or_folder(form *f, int field, err_info *e);

/* ---- life cycle ---- */

/*
 * A new empty form for spec over database d (borrowed; outlives the form),
 * with `today` for date rules and the acting operator for drafts. ERR_NOMEM.
 */
err_code form_new(const form_spec *spec, db *d, lb_date today, int64_t operator_id, form **out,
                  err_info *e);
void form_free(form *f);

const form_spec *form_get_spec(const form *f);
db *form_db(const form *f);
lb_date form_today(const form *f);
int64_t form_operator(const form *f);

/*
 * The acting operator's office code (new records belong to it): looked up
 * from the operator by form_new, or set here; "" when there is none.
 */
void form_set_office(form *f, const char *office_code);
const char *form_office(const form *f);

/* A pointer the form's hooks may use (e.g. the record a sub-form belongs to); NULL by default. */
void form_set_context(form *f, void *ctx);
void *form_context(const form *f);

/*
 * View-only mode (a role that may look but not change): form_set_value,
 * form_accepts_char and form_save refuse with ERR_FORM_READONLY. Loading,
 * clearing and leaving fields still work. form_readonly is also 1 for an
 * FS_ONCE form holding a stored record.
 */
void form_set_readonly(form *f, int readonly);
int form_readonly(const form *f);

/*
 * Progress of a long save (rows of an export or import): the screen sets
 * where it goes; the save hook reports step (what is being done, e.g.
 * "正在导出"), the item (file) and how many of how many are done. Nothing
 * happens when no one listens.
 */
typedef void (*form_progress_fn)(void *ctx, msg_id step, const char *item, uint64_t done,
                                 uint64_t total);
void form_set_progress(form *f, form_progress_fn fn, void *ctx);
void form_progress(form *f, msg_id step, const char *item, uint64_t done, uint64_t total);

/*
 * What the last save did, in words for the user ("已导出第 3 批…"), set by
 * the save hook; "" when it has nothing to add to "已保存". Cleared when a
 * save starts and by form_clear.
 */
void form_set_notice(form *f, const char *utf8);
const char *form_notice(const form *f);

/* ---- fields and values ---- */

int form_n_fields(const form *f);
const field_spec *form_field(const form *f, int i);
/* Index of the field with this id, or -1. */
int form_find(const form *f, const char *id);
/* 1 if field i applies now (its visible() hook, or always). */
int form_visible(const form *f, int i);

/* The current value of field i (UTF-8, never NULL; "" when empty). Valid until the value changes.
 */
const char *form_value(const form *f, int i);

/*
 * Set field i as typed (no checks yet; they run on leave). Refuses a value
 * longer than the field's max_chars (ERR_TEXT_TOO_LONG) or invalid UTF-8,
 * never cuts it. Read-only fields can only be set by hooks (form_put).
 */
err_code form_set_value(form *f, int i, const char *utf8, err_info *e);

/* Set a field from a hook or load, read-only fields included; no checks. */
err_code form_put(form *f, int i, const char *utf8, err_info *e);

/*
 * Whether the field can take code point cp at all (e.g. no letters in a
 * date, no digits in a name) — so the editor refuses a keystroke with a
 * message instead of letting a bad value be typed. ERR_FIELD_CHAR names
 * the field and what it takes.
 */
err_code form_accepts_char(const form *f, int i, uint32_t cp, err_info *e);

/*
 * The text to show for field i when not being edited: the code and its name
 * for FT_CODE ("01 汉族"), 是/否 for FT_BOOL, else the value. Written to buf.
 */
const char *form_display(const form *f, int i, char *buf, size_t size);

/*
 * Only the names of FT_CODE/FT_CODES field i's codes ("4050人员、残疾人"),
 * for beside the box that shows the codes; "" when empty or a code has no
 * name. Other fields: as form_display. Written to buf.
 */
const char *form_display_names(const form *f, int i, char *buf, size_t size);

/* ---- checking and saving ---- */

/*
 * The user leaves field i: empty is fine here (required is checked on save;
 * blanks alone count as empty and are cleared); otherwise the type check,
 * normalisation (the value is replaced by its normal form) and the spec's
 * check run; then on_leave, also for an empty field. On error the value
 * stays as typed and e names the field; *message (may be NULL) gets a notice
 * such as "已调出现有档案" when on_leave opened a record, or
 * "15位号码已升级为18位". Read-only and invisible fields are not checked.
 */
err_code form_leave_field(form *f, int i, msg_id *message, err_info *e);

/*
 * Check every visible field the user can edit, then check_all, exactly as
 * form_save does before it stores anything, but store nothing (a form that
 * is never saved, such as a listing's filters). Errors and *bad_field as
 * form_save.
 */
err_code form_check(form *f, int *bad_field, err_info *e);

/*
 * Save: every visible field the user can edit is checked again in order
 * (type check, normalisation and the spec's check; required ones must be
 * filled: ERR_FIELD_REQUIRED), then check_all, then spec->save in one
 * transaction — only when all passed, so nothing invalid or half-checked is
 * stored. on_leave does not run here. On error *bad_field (may be NULL) is
 * the field to put the cursor on: the failing field, the one a hook named
 * with form_fail(), else the first field the user can edit whose label is
 * e->field; -1 when the error is not about one such field (e.g. ERR_DB_STALE). On success the form
 * is clean (not dirty) and shows the record id and version stored.
 */
err_code form_save(form *f, int *bad_field, err_info *e);

/*
 * For hooks (check, check_all, on_leave, save): report an error about field
 * i — fills e with code, the field's label and the detail (fmt may be NULL),
 * and tells form_save which field to put the cursor on. Returns code.
 */
err_code form_fail(form *f, int i, err_info *e, err_code code, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/*
 * Load record id into the form (spec->load, after clearing every value);
 * clears the dirty flag. On error the form is left as it was. May be called
 * from on_leave (a key field opening an existing record).
 */
err_code form_load(form *f, int64_t id, err_info *e);

/* The record being edited: 0 for a new one; its row version for the stale check. */
int64_t form_record_id(const form *f);
int64_t form_record_version(const form *f);
void form_set_record(form *f, int64_t id, int64_t version);

/* 1 if a value changed since the form was created, loaded or saved. */
int form_dirty(const form *f);

/* Clear every value and the record (a new empty form); the draft is not touched. */
void form_clear(form *f);

/* ---- picklists ---- */

typedef struct form_choice {
	char code[16];
	char name[184]; /* up to 60 characters, as code_item */
} form_choice;

/*
 * Choices for FT_CODE field i matching query (code prefix, name prefix or
 * pinyin-initials prefix; "" = all), at most max of them into out[].
 * *n gets how many were written.
 */
err_code form_choices(const form *f, int i, const char *query, form_choice *out, size_t max,
                      size_t *n, err_info *e);

/* ---- multi-select (FT_CODES) ---- */

/* 1 if FT_CODES field i's value has code. */
int form_codes_has(const form *f, int i, const char *code);

/*
 * Add code to FT_CODES field i's set, or remove it when present (what a
 * picklist with check marks does); the set stays sorted. Refused like
 * form_set_value (read-only form or field, too long).
 */
err_code form_codes_toggle(form *f, int i, const char *code, err_info *e);

/* ---- child lists and actions ---- */

int form_n_sublists(const form *f);
const form_sublist *form_sublist_at(const form *f, int k);

/* Rows of sublist k for the record being edited; none (n = total = 0) for a new record. */
err_code form_sublist_rows(form *f, int k, size_t offset, size_t max, struct listing_row *out,
                           size_t *n, size_t *total, err_info *e);

/*
 * Open row row_id of sublist k in the sublist's form, as a child of f
 * (same database, day, operator, office and view-only mode;
 * form_parent(child) is f). ERR_INVALID_ARG when the sublist opens no form.
 */
err_code form_sublist_open(form *f, int k, int64_t row_id, form **child, err_info *e);

int form_n_actions(const form *f);
const form_action *form_action_at(const form *f, int k);

/*
 * 1 if action k can be done now: the record is saved (not new), the form
 * is not view-only, and the action's enabled() hook agrees.
 */
int form_action_enabled(const form *f, int k);

/*
 * Open action k's form as a child of f (see form_sublist_open); with
 * FA_SAME_RECORD it loads f's record. ERR_FORM_SAVE_FIRST when f has
 * unsaved changes (the child works on what is stored),
 * ERR_FORM_ACTION_UNAVAILABLE when form_action_enabled says no. After the
 * child is saved, form_reload(f) shows the result.
 */
err_code form_action_open(form *f, int k, form **child, err_info *e);

/* The form a child form was opened from, or NULL (the parent must outlive the child). */
form *form_parent(const form *child);

/* Load the record being edited again (after a child form saved); nothing to do for a new one. */
err_code form_reload(form *f, err_info *e);

/* ---- drafts ---- */

/*
 * Journal the current values as this operator's draft of this form (called
 * on every field exit and on hang-up), or drop it (after a save or cancel).
 */
err_code form_draft_save(form *f, err_info *e);
err_code form_draft_discard(form *f, err_info *e);

/*
 * Drafts belong to the operator set with db_set_actor() (db/draft.h), which
 * must be this form's operator. The data is {"record_id", "version",
 * "values": {field id: value}}; record_key is the record id ("" for new).
 *
 * Restore the operator's draft of this form, if any: *found is 0 when there
 * is none. Another operator's draft is never visible. A draft of an existing
 * record loads that record first, then lays the drafted values over it and
 * keeps the draft's version (so a save still detects a change made since).
 * Unknown keys are ignored; malformed data (not the shape above, a value
 * not valid UTF-8 or longer than its field) is refused with
 * ERR_DRAFT_CORRUPT and the form is left as it was. A restored form is
 * dirty.
 */
err_code form_draft_restore(form *f, int *found, err_info *e);

#endif
