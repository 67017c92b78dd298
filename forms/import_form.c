/*
 * import_form — 数据导入 (see import_form.h).
 */
#include "forms/import_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/import.h"
#include "db/office.h"
#include "locale/msg.h"

/* ---- the import form and its report ---- */

static int if_new(const form *f)
{
	return form_record_id(f) == 0;
}

static int if_stored(const form *f)
{
	return form_record_id(f) > 0;
}

static int if_report_shown(const form *f)
{
	return form_value(f, IF_REPORT)[0] != '\0';
}

static void if_progress(void *ctx, int phase, const char *file, uint64_t done, uint64_t total)
{
	form_progress(ctx, phase == IMPORT_VERIFY ? MSG_XF_STEP_VERIFY : MSG_XF_STEP_IMPORT, file,
	              done, total);
}

/*
 * An import that was refused: a key problem is the key field's, anything
 * about the package the package field's (the detail names the file, line
 * and column inside it); a busy database or lack of memory is no field's.
 */
static err_code if_failed(form *f, err_code c, err_info *e)
{
	const char *detail = e != NULL ? e->detail : "";
	if (c == ERR_SEAL_NEED_KEY || c == ERR_SEAL_KEY || c == ERR_SEAL_OPEN)
		return form_fail(f, IF_KEY, e, c, "%s", detail);
	if (c == ERR_NOMEM || c == ERR_DB_BUSY)
		return c;
	return form_fail(f, IF_PATH, e, c, "%s", detail);
}

/* The fields of import log entry id (also the form's load). */
static err_code if_fill(form *f, int64_t id, err_info *e)
{
	import_log_entry l;
	err_code c = import_log_get(form_db(f), id, &l, e);
	if (c != ERR_OK)
		return c;
	char from[256], batch[24], n[5][24];
	office_label(form_db(f), l.office, from, sizeof from);
	snprintf(batch, sizeof batch, "%lld", (long long)l.batch);
	const uint64_t counts[5] = {l.total.inserted, l.total.updated, l.total.unchanged,
	                            l.total.older, l.total.conflicts};
	for (int k = 0; k < 5; k++)
		snprintf(n[k], sizeof n[k], "%llu", (unsigned long long)counts[k]);
	struct {
		int field;
		const char *value;
	} put[] = {
	    {IF_FROM, from},
	    {IF_BATCH, batch},
	    {IF_SENT_AT, l.created_at},
	    {IF_APPLIED, l.applied_at},
	    {IF_LOGIN, l.login},
	    {IF_INSERTED, n[0]},
	    {IF_UPDATED, n[1]},
	    {IF_UNCHANGED, n[2]},
	    {IF_OLDER, n[3]},
	    {IF_CONFLICTS, n[4]},
	    {IF_MANIFEST, l.manifest_sha256},
	};
	for (size_t k = 0; k < sizeof put / sizeof put[0]; k++) {
		c = form_put(f, put[k].field, put[k].value, e);
		if (c != ERR_OK)
			return c;
	}
	form_set_record(f, id, 1);
	return ERR_OK;
}

static err_code if_save(form *f, err_info *e)
{
	const char *key = form_value(f, IF_KEY);
	import_opts o = {
	    .path = form_value(f, IF_PATH),
	    .key_file = key[0] != '\0' ? key : NULL,
	    .progress = if_progress,
	    .ctx = f,
	};
	import_report *r = calloc(1, sizeof *r);
	if (r == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	form_progress(f, MSG_XF_STEP_VERIFY, "", 0, 0);
	err_code c = import_run(form_db(f), &o, r, e);
	if (c != ERR_OK)
		c = if_failed(f, c, e);
	if (c == ERR_OK)
		c = if_fill(f, r->log_id, e);
	if (c == ERR_OK)
		c = form_put(f, IF_REPORT, r->report_path, e);
	if (c == ERR_OK) {
		char notice[400];
		if (r->already)
			snprintf(notice, sizeof notice, msg_text(MSG_XF_ALREADY), r->applied_at);
		else
			snprintf(notice, sizeof notice, msg_text(MSG_XF_IMPORTED), r->m.office,
			         (long long)r->m.batch, (unsigned long long)r->total.inserted,
			         (unsigned long long)r->total.updated,
			         (unsigned long long)r->total.conflicts);
		if (r->report_failed) {
			size_t used = strlen(notice);
			snprintf(notice + used, sizeof notice - used, "%s%s",
			         msg_text(MSG_FORM_LIST_SEP), msg_text(MSG_X_REPORT_FAILED));
		}
		form_set_notice(f, notice);
	}
	import_report_free(r);
	free(r);
	return c;
}

/* The import's conflicts in the order found; row ids count from 1. */
static err_code if_conflict_rows(form *f, size_t offset, size_t max, listing_row *out, size_t *n,
                                 size_t *total, err_info *e)
{
	*n = *total = 0;
	import_conflict *list = NULL;
	size_t count = 0;
	err_code c = import_log_conflicts(form_db(f), form_record_id(f), &list, &count, e);
	if (c != ERR_OK)
		return c;
	for (size_t i = offset; i < count && *n < max; i++) {
		listing_row *row = &out[(*n)++];
		char line[24];
		memset(row, 0, sizeof *row);
		row->id = (int64_t)i + 1;
		snprintf(line, sizeof line, "%llu", (unsigned long long)list[i].line);
		listing_cell_put(row, 0, list[i].table);
		listing_cell_put(row, 1, list[i].key);
		listing_cell_put(row, 2, line);
		listing_cell_put(row, 3, list[i].reason);
	}
	*total = count;
	free(list);
	return ERR_OK;
}

static const field_spec if_fields[IF_COUNT] = {
    [IF_PATH] = {.id = "path",
                 .label = MSG_XF_PACKAGE,
                 .type = FT_TEXT,
                 .flags = FF_REQUIRED,
                 .max_chars = 400,
                 .width = 50,
                 .hint = MSG_XF_HINT_PACKAGE,
                 .check = form_check_file_or_folder,
                 .visible = if_new},
    [IF_KEY] = {.id = "key",
                .label = MSG_XF_KEY,
                .type = FT_TEXT,
                .max_chars = 400,
                .width = 50,
                .hint = MSG_XF_HINT_KEY,
                .check = form_check_file,
                .visible = if_new},
    [IF_FROM] = FORM_SHOWN("from", MSG_XF_FROM, 50, if_stored),
    [IF_BATCH] = FORM_SHOWN("batch", MSG_XF_BATCH, 10, if_stored),
    [IF_SENT_AT] = FORM_SHOWN("created_at", MSG_XF_SENT_AT, 20, if_stored),
    [IF_APPLIED] = FORM_SHOWN("applied_at", MSG_XF_APPLIED, 20, if_stored),
    [IF_LOGIN] = FORM_SHOWN("login", MSG_XF_LOGIN, 16, if_stored),
    [IF_INSERTED] = FORM_SHOWN("inserted", MSG_XF_INSERTED, 12, if_stored),
    [IF_UPDATED] = FORM_SHOWN("updated", MSG_XF_UPDATED, 12, if_stored),
    [IF_UNCHANGED] = FORM_SHOWN("unchanged", MSG_XF_UNCHANGED, 12, if_stored),
    [IF_OLDER] = FORM_SHOWN("older", MSG_XF_OLDER, 12, if_stored),
    [IF_CONFLICTS] = FORM_SHOWN("conflicts", MSG_XF_CONFLICTS, 12, if_stored),
    [IF_MANIFEST] = FORM_SHOWN("manifest_sha256", MSG_XF_MANIFEST, 64, if_stored),
    [IF_REPORT] = {.id = "report",
                   .label = MSG_XF_REPORT,
                   .type = FT_TEXT,
                   .flags = FF_READONLY,
                   .max_chars = 4000,
                   .width = 60,
                   .visible = if_report_shown},
};

static const listing_column if_conflict_columns[] = {
    {.label = MSG_XF_TABLE, .width = 14},
    {.label = MSG_XF_KEYCOL, .width = 20},
    {.label = MSG_XF_LINE, .width = 6},
    {.label = MSG_XF_REASON, .width = 0},
};

static const form_sublist if_sublists[] = {
    {.id = "conflicts",
     .title = MSG_XF_CONFLICTS,
     .columns = if_conflict_columns,
     .n_columns = 4,
     .rows = if_conflict_rows,
     .form = &import_conflict_spec},
};

const form_spec import_form_spec = {
    .id = "import",
    .title = MSG_XF_IMPORT_TITLE,
    .flags = FS_OWN_TRANSACTION | FS_ONCE,
    .fields = if_fields,
    .n_fields = IF_COUNT,
    .load = if_fill,
    .save = if_save,
    .sublists = if_sublists,
    .n_sublists = 1,
};

/* ---- one conflict ---- */

static err_code ic_load(form *f, int64_t id, err_info *e)
{
	import_conflict *list = NULL;
	size_t count = 0;
	err_code c =
	    import_log_conflicts(form_db(f), form_record_id(form_parent(f)), &list, &count, e);
	if (c == ERR_OK && (id < 1 || (size_t)id > count))
		c = err_set(e, ERR_NOT_FOUND, MSG_XF_CONFLICTS, "%lld", (long long)id);
	if (c == ERR_OK) {
		const import_conflict *k = &list[id - 1];
		char line[24], local[24], incoming[24];
		snprintf(line, sizeof line, "%llu", (unsigned long long)k->line);
		snprintf(local, sizeof local, "%lld", (long long)k->local_version);
		snprintf(incoming, sizeof incoming, "%lld", (long long)k->incoming_version);
		const char *vals[IC_COUNT] = {k->table, k->key, line, local, incoming, k->reason};
		for (int i = 0; c == ERR_OK && i < IC_COUNT; i++)
			c = form_put(f, i, vals[i], e);
		form_set_record(f, id, 1);
	}
	free(list);
	return c;
}

static const field_spec ic_fields[IC_COUNT] = {
    [IC_TABLE] = FORM_SHOWN("table", MSG_XF_TABLE, 32, NULL),
    [IC_KEY] = FORM_SHOWN("key", MSG_XF_KEYCOL, 50, NULL),
    [IC_LINE] = FORM_SHOWN("line", MSG_XF_LINE, 12, NULL),
    [IC_LOCAL_VERSION] = FORM_SHOWN("local_version", MSG_XF_LOCAL_VERSION, 12, NULL),
    [IC_INCOMING_VERSION] = FORM_SHOWN("incoming_version", MSG_XF_INCOMING_VERSION, 12, NULL),
    [IC_REASON] = {.id = "reason",
                   .label = MSG_XF_REASON,
                   .type = FT_MEMO,
                   .flags = FF_READONLY,
                   .max_chars = 400},
};

const form_spec import_conflict_spec = {
    .id = "import_conflict",
    .title = MSG_XF_CONFLICT_TITLE,
    .flags = FS_ONCE,
    .fields = ic_fields,
    .n_fields = IC_COUNT,
    .load = ic_load,
};

/* ---- the list of imports ---- */

static err_code il_search(db *d, const char *query, size_t offset, size_t max, listing_row *out,
                          size_t *n, size_t *total, err_info *e)
{
	*n = *total = 0;
	import_log_list l;
	err_code c = import_log_page(d, query, offset, max, &l, total, e);
	if (c != ERR_OK)
		return c;
	for (size_t k = 0; k < l.n && k < max; k++) {
		const import_log_entry *x = &l.items[k];
		listing_row *row = &out[(*n)++];
		char num[4][24];
		memset(row, 0, sizeof *row);
		row->id = x->id;
		snprintf(num[0], sizeof num[0], "%lld", (long long)x->batch);
		snprintf(num[1], sizeof num[1], "%llu", (unsigned long long)x->total.inserted);
		snprintf(num[2], sizeof num[2], "%llu", (unsigned long long)x->total.updated);
		snprintf(num[3], sizeof num[3], "%llu", (unsigned long long)x->total.conflicts);
		listing_cell_put(row, IL_APPLIED, x->applied_at);
		listing_cell_put(row, IL_FROM, x->office);
		listing_cell_put(row, IL_BATCH, num[0]);
		listing_cell_put(row, IL_INSERTED, num[1]);
		listing_cell_put(row, IL_UPDATED, num[2]);
		listing_cell_put(row, IL_CONFLICTS, num[3]);
		listing_cell_put(row, IL_LOGIN, x->login);
	}
	import_log_list_free(&l);
	return ERR_OK;
}

static const listing_column il_columns[IL_COUNT] = {
    [IL_APPLIED] = {.label = MSG_XF_APPLIED, .width = 20},
    [IL_FROM] = {.label = MSG_XF_FROM, .width = 12},
    [IL_BATCH] = {.label = MSG_XF_BATCH, .width = 5},
    [IL_INSERTED] = {.label = MSG_XF_INSERTED, .width = 8},
    [IL_UPDATED] = {.label = MSG_XF_UPDATED, .width = 8},
    [IL_CONFLICTS] = {.label = MSG_XF_CONFLICTS, .width = 6},
    [IL_LOGIN] = {.label = MSG_XF_LOGIN, .width = 0},
};

const listing_spec import_list_spec = {
    .id = "import",
    .title = MSG_XF_IMPORT_LIST,
    .prompt = MSG_XF_IMPORT_PROMPT,
    .columns = il_columns,
    .n_columns = IL_COUNT,
    .search = il_search,
    .form = &import_form_spec,
};
