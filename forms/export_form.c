/*
 * export_form — 数据导出 (see export_form.h).
 */
#include "forms/export_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/export.h"
#include "db/office.h"
#include "db/setting.h"
#include "locale/enc.h"
#include "locale/msg.h"

/* ---- shared by the export forms ---- */

static void ef_progress(void *ctx, const char *file, uint64_t done, uint64_t total)
{
	form_progress(ctx, MSG_XF_STEP_EXPORT, file, done, total);
}

/*
 * An export that failed: put the cursor on the field the error is about
 * (the folder for a package already there or a write error in it, the key
 * file for a bad key); other errors are about the data, not a field.
 */
static err_code ef_failed(form *f, err_code c, int dir_field, int seal_field, err_info *e)
{
	const char *seal = form_value(f, seal_field);
	const char *detail = e != NULL ? e->detail : "";
	int on_seal = c == ERR_SEAL_KEY ||
	              (c == ERR_PKG_IO && seal[0] != '\0' && strstr(detail, seal) != NULL);
	if (on_seal)
		return form_fail(f, seal_field, e, c, "%s", detail);
	if (c == ERR_EXPORT_EXISTS || c == ERR_PKG_IO)
		return form_fail(f, dir_field, e, c, "%s", detail);
	return c;
}

/*
 * Write a package with o (batch, encoding, BOM already set) into the
 * folder, .tar choice and key file of fields dir, tar and seal, reporting
 * progress to f; *out (malloc'ed, the caller frees) gets the result.
 */
static err_code ef_write(form *f, export_opts *o, int dir, int tar, int seal, export_result **out,
                         err_info *e)
{
	const char *key = form_value(f, seal);
	o->out_dir = form_value(f, dir);
	o->tar = strcmp(form_value(f, tar), "1") == 0;
	o->seal_key = key[0] != '\0' ? key : NULL;
	o->progress = ef_progress;
	o->ctx = f;
	*out = malloc(sizeof **out);
	if (*out == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	form_progress(f, MSG_XF_STEP_EXPORT, "", 0, 0);
	err_code c = export_run(form_db(f), o, *out, e);
	return c != ERR_OK ? ef_failed(f, c, dir, seal, e) : ERR_OK;
}

/* ---- the batch form ---- */

static int ef_new(const form *f)
{
	return form_record_id(f) == 0;
}

static int ef_stored(const form *f)
{
	return form_record_id(f) > 0;
}

static int ef_utf8(const form *f)
{
	return strcmp(form_value(f, EF_ENCODING), "2") == 0;
}

static int ef_path_shown(const form *f)
{
	return form_value(f, EF_PATH)[0] != '\0';
}

static err_code ef_init(form *f, err_info *e)
{
	char enc[16];
	if (setting_get(form_db(f), "export.encoding", "GB18030", enc, sizeof enc, NULL) != ERR_OK)
		snprintf(enc, sizeof enc, "GB18030");
	err_code c = form_put(f, EF_ENCODING, strcmp(enc, "UTF-8") == 0 ? "2" : "1", e);
	if (c == ERR_OK)
		c = form_put(f, EF_BOM, "0", e);
	if (c == ERR_OK)
		c = form_put(f, EF_TAR, "0", e);
	return c;
}

/* The fields of a recorded batch. */
static err_code ef_fill(form *f, const export_batch *b, err_info *e)
{
	char batch[24], seq[64], rows[24], office_text[256];
	snprintf(batch, sizeof batch, "%lld", (long long)b->batch);
	snprintf(seq, sizeof seq, "%lld–%lld", (long long)b->first_seq, (long long)b->last_seq);
	snprintf(rows, sizeof rows, "%llu", (unsigned long long)b->rows);
	office_label(form_db(f), b->office, office_text, sizeof office_text);
	struct {
		int field;
		const char *value;
	} put[] = {
	    {EF_ENCODING, strcmp(b->encoding, "UTF-8") == 0 ? "2" : "1"},
	    {EF_BOM, b->bom ? "1" : "0"},
	    {EF_BATCH, batch},
	    {EF_OFFICE, office_text},
	    {EF_SEQ, seq},
	    {EF_CREATED, b->created_at},
	    {EF_ROWS, rows},
	    {EF_MANIFEST, b->manifest_sha256},
	};
	for (size_t k = 0; k < sizeof put / sizeof put[0]; k++) {
		err_code c = form_put(f, put[k].field, put[k].value, e);
		if (c != ERR_OK)
			return c;
	}
	return ERR_OK;
}

static err_code ef_load(form *f, int64_t id, err_info *e)
{
	export_batch b;
	err_code c = export_batch_get(form_db(f), id, &b, e);
	if (c != ERR_OK)
		return c;
	form_set_record(f, id, 1);
	return ef_fill(f, &b, e);
}

static err_code ef_save(form *f, err_info *e)
{
	int utf8 = ef_utf8(f);
	export_opts o = {
	    .encoding = utf8 ? ENC_UTF8 : ENC_GB18030,
	    .bom = utf8 && strcmp(form_value(f, EF_BOM), "1") == 0,
	};
	export_result *r = NULL;
	err_code c = ef_write(f, &o, EF_OUT_DIR, EF_TAR, EF_SEAL, &r, e);
	if (c == ERR_OK && r->nothing)
		c = err_set(e, ERR_EXPORT_NOTHING, MSG_NONE, NULL);
	if (c == ERR_OK) {
		form_set_record(f, r->b.batch, 1);
		c = ef_fill(f, &r->b, e);
	}
	if (c == ERR_OK)
		c = form_put(f, EF_PATH, r->path, e);
	if (c == ERR_OK) {
		char notice[256];
		snprintf(notice, sizeof notice, msg_text(MSG_XF_EXPORTED), (long long)r->b.batch,
		         (unsigned long long)r->b.rows);
		form_set_notice(f, notice);
	}
	free(r);
	return c;
}

/* The batch's files, in manifest order; row ids count from 1. */
static err_code ef_file_rows(form *f, size_t offset, size_t max, listing_row *out, size_t *n,
                             size_t *total, err_info *e)
{
	*n = *total = 0;
	export_batch *b = malloc(sizeof *b);
	if (b == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	err_code c = export_batch_get(form_db(f), form_record_id(f), b, e);
	for (size_t i = offset; c == ERR_OK && i < b->nfiles && *n < max; i++) {
		listing_row *row = &out[(*n)++];
		char rows[24];
		memset(row, 0, sizeof *row);
		row->id = (int64_t)i + 1;
		snprintf(rows, sizeof rows, "%llu", (unsigned long long)b->files[i].rows);
		listing_cell_put(row, 0, b->files[i].name);
		listing_cell_put(row, 1, rows);
		listing_cell_put(row, 2, b->files[i].sha256);
	}
	if (c == ERR_OK)
		*total = b->nfiles;
	free(b);
	return c;
}

static const form_option ef_encodings[] = {
    {"1", MSG_XF_ENC_GB18030},
    {"2", MSG_XF_ENC_UTF8},
};

static const field_spec ef_fields[EF_COUNT] = {
    [EF_OUT_DIR] = {.id = "out_dir",
                    .label = MSG_XF_OUT_DIR,
                    .type = FT_TEXT,
                    .flags = FF_REQUIRED,
                    .max_chars = 400,
                    .width = 50,
                    .hint = MSG_XF_HINT_OUT_DIR,
                    .check = form_check_folder,
                    .visible = ef_new},
    [EF_ENCODING] = {.id = "encoding",
                     .label = MSG_XF_ENCODING,
                     .type = FT_CODE,
                     .flags = FF_REQUIRED,
                     .max_chars = 1,
                     .width = 2,
                     .options = ef_encodings,
                     .n_options = 2,
                     .hint = MSG_XF_HINT_CHOICE},
    [EF_BOM] = {.id = "bom",
                .label = MSG_XF_BOM,
                .type = FT_BOOL,
                .hint = MSG_XF_HINT_YESNO,
                .visible = ef_utf8},
    [EF_TAR] = {.id = "tar",
                .label = MSG_XF_TAR,
                .type = FT_BOOL,
                .hint = MSG_XF_HINT_YESNO,
                .visible = ef_new},
    [EF_SEAL] = {.id = "seal",
                 .label = MSG_XF_SEAL,
                 .type = FT_TEXT,
                 .max_chars = 400,
                 .width = 50,
                 .hint = MSG_XF_HINT_SEAL,
                 .check = form_check_file,
                 .visible = ef_new},
    [EF_BATCH] = FORM_SHOWN("batch", MSG_XF_BATCH, 10, ef_stored),
    [EF_OFFICE] = FORM_SHOWN("office", MSG_XF_OFFICE, 50, ef_stored),
    [EF_SEQ] = FORM_SHOWN("seq", MSG_XF_SEQ, 30, ef_stored),
    [EF_CREATED] = FORM_SHOWN("created_at", MSG_XF_CREATED, 20, ef_stored),
    [EF_ROWS] = FORM_SHOWN("rows", MSG_XF_ROWS, 12, ef_stored),
    [EF_MANIFEST] = FORM_SHOWN("manifest_sha256", MSG_XF_MANIFEST, 64, ef_stored),
    [EF_PATH] = {.id = "path",
                 .label = MSG_XF_PATH,
                 .type = FT_TEXT,
                 .flags = FF_READONLY,
                 .max_chars = 4000,
                 .width = 60,
                 .visible = ef_path_shown},
};

static const listing_column ef_file_columns[] = {
    {.label = MSG_XF_FILE, .width = 22},
    {.label = MSG_XF_FILE_ROWS, .width = 9},
    {.label = MSG_XF_SHA256, .width = 0},
};

static const form_sublist ef_sublists[] = {
    {.id = "files",
     .title = MSG_XF_FILES,
     .columns = ef_file_columns,
     .n_columns = 3,
     .rows = ef_file_rows,
     .form = &export_file_spec},
};

static const form_action ef_actions[] = {
    {.id = "again", .label = MSG_XF_AGAIN, .form = &export_again_spec},
};

const form_spec export_form_spec = {
    .id = "export",
    .title = MSG_XF_EXPORT_TITLE,
    .flags = FS_OWN_TRANSACTION | FS_ONCE,
    .fields = ef_fields,
    .n_fields = EF_COUNT,
    .init = ef_init,
    .load = ef_load,
    .save = ef_save,
    .sublists = ef_sublists,
    .n_sublists = 1,
    .actions = ef_actions,
    .n_actions = 1,
};

/* ---- writing a batch again ---- */

static int ea_path_shown(const form *f)
{
	return form_value(f, EA_PATH)[0] != '\0';
}

static int ea_new(const form *f)
{
	return form_record_id(f) == 0;
}

static err_code ea_init(form *f, err_info *e)
{
	char batch[24];
	snprintf(batch, sizeof batch, "%lld", (long long)form_record_id(form_parent(f)));
	err_code c = form_put(f, EA_BATCH, batch, e);
	if (c == ERR_OK)
		c = form_put(f, EA_TAR, "0", e);
	return c;
}

static err_code ea_save(form *f, err_info *e)
{
	int64_t batch = atoll(form_value(f, EA_BATCH));
	if (batch <= 0)
		return err_set(e, ERR_EXPORT_NO_BATCH, MSG_XF_BATCH, NULL);
	export_opts o = {.batch = batch, .encoding = -1, .bom = -1};
	export_result *r = NULL;
	err_code c = ef_write(f, &o, EA_OUT_DIR, EA_TAR, EA_SEAL, &r, e);
	if (c == ERR_OK) {
		form_set_record(f, batch, 1);
		c = form_put(f, EA_PATH, r->path, e);
	}
	if (c == ERR_OK) {
		char notice[256];
		snprintf(notice, sizeof notice, msg_text(MSG_XF_REWRITTEN), (long long)batch);
		form_set_notice(f, notice);
	}
	free(r);
	return c;
}

static const field_spec ea_fields[EA_COUNT] = {
    [EA_BATCH] = FORM_SHOWN("batch", MSG_XF_BATCH, 10, NULL),
    [EA_OUT_DIR] = {.id = "out_dir",
                    .label = MSG_XF_OUT_DIR,
                    .type = FT_TEXT,
                    .flags = FF_REQUIRED,
                    .max_chars = 400,
                    .width = 50,
                    .hint = MSG_XF_HINT_OUT_DIR,
                    .check = form_check_folder,
                    .visible = ea_new},
    [EA_TAR] = {.id = "tar",
                .label = MSG_XF_TAR,
                .type = FT_BOOL,
                .hint = MSG_XF_HINT_YESNO,
                .visible = ea_new},
    [EA_SEAL] = {.id = "seal",
                 .label = MSG_XF_SEAL,
                 .type = FT_TEXT,
                 .max_chars = 400,
                 .width = 50,
                 .hint = MSG_XF_HINT_SEAL,
                 .check = form_check_file,
                 .visible = ea_new},
    [EA_PATH] = {.id = "path",
                 .label = MSG_XF_PATH,
                 .type = FT_TEXT,
                 .flags = FF_READONLY,
                 .max_chars = 4000,
                 .width = 60,
                 .visible = ea_path_shown},
};

const form_spec export_again_spec = {
    .id = "export_again",
    .title = MSG_XF_AGAIN_TITLE,
    .flags = FS_OWN_TRANSACTION | FS_ONCE,
    .fields = ea_fields,
    .n_fields = EA_COUNT,
    .init = ea_init,
    .save = ea_save,
};

/* ---- one file of a batch ---- */

static err_code eff_load(form *f, int64_t id, err_info *e)
{
	export_batch *b = malloc(sizeof *b);
	if (b == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	err_code c = export_batch_get(form_db(f), form_record_id(form_parent(f)), b, e);
	if (c == ERR_OK && (id < 1 || (size_t)id > b->nfiles))
		c = err_set(e, ERR_NOT_FOUND, MSG_XF_FILE, "%lld", (long long)id);
	if (c == ERR_OK) {
		const package_file *pf = &b->files[id - 1];
		char rows[24], bytes[24];
		snprintf(rows, sizeof rows, "%llu", (unsigned long long)pf->rows);
		snprintf(bytes, sizeof bytes, "%llu", (unsigned long long)pf->bytes);
		c = form_put(f, EFF_NAME, pf->name, e);
		if (c == ERR_OK)
			c = form_put(f, EFF_ROWS, rows, e);
		if (c == ERR_OK)
			c = form_put(f, EFF_BYTES, bytes, e);
		if (c == ERR_OK)
			c = form_put(f, EFF_SHA256, pf->sha256, e);
		form_set_record(f, id, 1);
	}
	free(b);
	return c;
}

static const field_spec eff_fields[EFF_COUNT] = {
    [EFF_NAME] = FORM_SHOWN("name", MSG_XF_FILE, 30, NULL),
    [EFF_ROWS] = FORM_SHOWN("rows", MSG_XF_FILE_ROWS, 12, NULL),
    [EFF_BYTES] = FORM_SHOWN("bytes", MSG_XF_BYTES, 14, NULL),
    [EFF_SHA256] = FORM_SHOWN("sha256", MSG_XF_SHA256, 64, NULL),
};

const form_spec export_file_spec = {
    .id = "export_file",
    .title = MSG_XF_FILE_TITLE,
    .flags = FS_ONCE,
    .fields = eff_fields,
    .n_fields = EFF_COUNT,
    .load = eff_load,
};

/* ---- the list of batches ---- */

static err_code el_search(db *d, const char *query, size_t offset, size_t max, listing_row *out,
                          size_t *n, size_t *total, err_info *e)
{
	*n = *total = 0;
	int64_t batch = 0;
	if (query != NULL && query[0] != '\0') {
		size_t len = strlen(query);
		/* Only a batch number can match: anything else finds nothing. */
		if (len > 15 || strspn(query, "0123456789") != len || (batch = atoll(query)) <= 0)
			return ERR_OK;
	}
	export_batch_list l;
	err_code c = export_batch_page(d, batch, offset, max, &l, total, e);
	if (c != ERR_OK)
		return c;
	for (size_t k = 0; k < l.n && k < max; k++) {
		const export_batch *b = &l.items[k];
		listing_row *row = &out[(*n)++];
		char num[24], seq[64], rows[24], enc[24];
		memset(row, 0, sizeof *row);
		row->id = b->batch;
		snprintf(num, sizeof num, "%lld", (long long)b->batch);
		snprintf(seq, sizeof seq, "%lld–%lld", (long long)b->first_seq,
		         (long long)b->last_seq);
		snprintf(rows, sizeof rows, "%llu", (unsigned long long)b->rows);
		snprintf(enc, sizeof enc, "%s%s", b->encoding, b->bom ? "+BOM" : "");
		listing_cell_put(row, EL_BATCH, num);
		listing_cell_put(row, EL_CREATED, b->created_at);
		listing_cell_put(row, EL_SEQ, seq);
		listing_cell_put(row, EL_ROWS, rows);
		listing_cell_put(row, EL_ENCODING, enc);
		listing_cell_put(row, EL_MANIFEST, b->manifest_sha256);
	}
	export_batch_list_free(&l);
	return ERR_OK;
}

static const listing_column el_columns[EL_COUNT] = {
    [EL_BATCH] = {.label = MSG_XF_BATCH, .width = 5},
    [EL_CREATED] = {.label = MSG_XF_CREATED, .width = 20},
    [EL_SEQ] = {.label = MSG_XF_SEQ, .width = 15},
    [EL_ROWS] = {.label = MSG_XF_ROWS, .width = 9},
    [EL_ENCODING] = {.label = MSG_XF_ENCODING, .width = 11},
    [EL_MANIFEST] = {.label = MSG_XF_MANIFEST, .width = 0},
};

const listing_spec export_list_spec = {
    .id = "export",
    .title = MSG_XF_EXPORT_LIST,
    .prompt = MSG_XF_EXPORT_PROMPT,
    .columns = el_columns,
    .n_columns = EL_COUNT,
    .search = el_search,
    .form = &export_form_spec,
};
