/*
 * Tests for the form engine's multi-record parts (forms/form, forms/listing,
 * forms/workflow): multi-select code fields, choices given in the spec,
 * defaults of new forms, child lists and actions opening child forms, and
 * listing filters checked like form fields. A small parent/child pair of
 * test forms over a real database (code tables come from the schema); the
 * records are kept in memory by the hooks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms/form.h"
#include "forms/listing.h"
#include "forms/workflow.h"
#include "tests/test.h"

enum { P_CATS, P_KIND, P_DAY, P_NOTE, P_COUNT };
enum { C_PARENT, C_DAY, C_COUNT };

static const form_option x_kinds[] = {{"1", MSG_UF_URBAN}, {"2", MSG_UF_RURAL}};

/* What the hooks store: one parent record and the children's rows. */
static struct {
	int64_t saved_id;
	int64_t version;
	int children;
	int closed; /* the action's enabled() hook says no */
} x_store;

static err_code x_init_day(form *f, err_info *e)
{
	char today[DATE_ISO_LEN];
	return form_put(f, P_DAY, date_format(form_today(f), today), e);
}

static err_code x_save(form *f, err_info *e)
{
	(void)e;
	x_store.saved_id = 42;
	x_store.version++;
	form_set_record(f, 42, x_store.version);
	return ERR_OK;
}

static err_code x_load(form *f, int64_t id, err_info *e)
{
	if (id != 42)
		return err_set(e, ERR_NOT_FOUND, MSG_NONE, NULL);
	form_set_record(f, id, x_store.version);
	return form_put(f, P_NOTE, "loaded", e);
}

static err_code x_rows(form *f, size_t offset, size_t max, listing_row *out, size_t *n,
                       size_t *total, err_info *e)
{
	(void)e;
	(void)offset;
	for (int k = 0; k < x_store.children && *n < max; k++) {
		out[*n].id = 100 + k;
		char buf[32];
		snprintf(buf, sizeof buf, "row %d of %lld", k, (long long)form_record_id(f));
		listing_cell_put(&out[*n], 0, buf);
		(*n)++;
	}
	*total = (size_t)x_store.children;
	return ERR_OK;
}

/* The child knows its parent from the start: init copies the parent's record id. */
static err_code x_child_init(form *f, err_info *e)
{
	form *p = form_parent(f);
	char buf[24] = "";
	if (p != NULL)
		snprintf(buf, sizeof buf, "%lld", (long long)form_record_id(p));
	return form_put(f, C_PARENT, buf, e);
}

static err_code x_child_load(form *f, int64_t id, err_info *e)
{
	form_set_record(f, id, 1);
	return x_child_init(f, e);
}

static err_code x_child_save(form *f, err_info *e)
{
	(void)e;
	x_store.children++;
	form_set_record(f, 100 + x_store.children, 1);
	return ERR_OK;
}

static int x_open_only(const form *f)
{
	(void)f;
	return !x_store.closed;
}

static const field_spec x_child_fields[C_COUNT] = {
    [C_PARENT] = {.id = "parent",
                  .label = MSG_F_REMARK,
                  .type = FT_TEXT,
                  .flags = FF_READONLY,
                  .max_chars = 20},
    [C_DAY] = {.id = "day", .label = MSG_F_DATE, .type = FT_DATE, .max_chars = 10},
};

static const form_spec x_child_spec = {
    .id = "x_child",
    .title = MSG_UF_FU_TITLE,
    .fields = x_child_fields,
    .n_fields = C_COUNT,
    .init = x_child_init,
    .load = x_child_load,
    .save = x_child_save,
};

static const listing_column x_columns[] = {{.label = MSG_F_REMARK, .width = 0}};

static const form_sublist x_sublists[] = {{.id = "kids",
                                           .title = MSG_UF_FU_TITLE,
                                           .columns = x_columns,
                                           .n_columns = 1,
                                           .rows = x_rows,
                                           .form = &x_child_spec}};

static const form_action x_actions[] = {
    {.id = "add", .label = MSG_UF_ACT_FOLLOWUP, .form = &x_child_spec, .enabled = x_open_only},
    {.id = "same", .label = MSG_UF_ACT_END, .form = &x_child_spec, .flags = FA_SAME_RECORD},
};

static const field_spec x_fields[P_COUNT] = {
    [P_CATS] = {.id = "cats",
                .label = MSG_UF_CATEGORIES,
                .type = FT_CODES,
                .max_chars = 64,
                .code_table = "unemp_category"},
    [P_KIND] = {.id = "kind",
                .label = MSG_UF_HUKOU_KIND,
                .type = FT_CODE,
                .max_chars = 4,
                .options = x_kinds,
                .n_options = 2},
    [P_DAY] = {.id = "day",
               .label = MSG_UF_REG_DATE,
               .type = FT_DATE,
               .flags = FF_REQUIRED | FF_NOFUTURE,
               .max_chars = 10},
    [P_NOTE] = {.id = "note", .label = MSG_F_REMARK, .type = FT_TEXT, .max_chars = 20},
};

static const form_spec x_spec = {
    .id = "x_parent",
    .title = MSG_UF_TITLE,
    .fields = x_fields,
    .n_fields = P_COUNT,
    .init = x_init_day,
    .load = x_load,
    .save = x_save,
    .sublists = x_sublists,
    .n_sublists = 1,
    .actions = x_actions,
    .n_actions = 2,
};

static db *x_db;

static lb_date x_today(void)
{
	lb_date d = 0;
	date_from_ymd(2026, 3, 2, &d, NULL);
	return d;
}

static form *x_form(const form_spec *spec)
{
	err_info e;
	if (x_db == NULL) {
		char path[4200];
		snprintf(path, sizeof path, "%s/formx.db", test_tmpdir());
		if (db_open(path, DB_OPEN_CREATE, &x_db, &e) != ERR_OK) {
			test_fail(__FILE__, __LINE__, "open: %s", err_name(e.code));
			return NULL;
		}
	}
	memset(&x_store, 0, sizeof x_store);
	form *f = NULL;
	if (form_new(spec, x_db, x_today(), 0, &f, &e) != ERR_OK)
		test_fail(__FILE__, __LINE__, "form_new: %s", err_name(e.code));
	return f;
}

static err_code x_enter(form *f, int i, const char *v, err_info *e)
{
	err_code c = form_set_value(f, i, v, e);
	return c != ERR_OK ? c : form_leave_field(f, i, NULL, e);
}

static int says(const err_info *e, const char *want)
{
	char buf[400];
	err_format(e, buf, sizeof buf);
	if (strstr(buf, want) != NULL)
		return 1;
	fprintf(stderr, "# message \"%s\" lacks \"%s\"\n", buf, want);
	return 0;
}

static void multi_select_normalised_sorted_and_named(void)
{
	form *f = x_form(&x_spec);
	REQUIRE(f != NULL);
	err_info e;
	/* Codes, a name prefix and initials, with any separator; kept sorted without repeats. */
	CHECK_INT(x_enter(f, P_CATS, "08，01 cjr、01", &e), ERR_OK);
	CHECK_STR(form_value(f, P_CATS), "01,03,08");
	char buf[200];
	CHECK_STR(form_display(f, P_CATS, buf, sizeof buf),
	          "01 4050人员、03 残疾人、08 高校毕业生（离校未就业）");
	CHECK_INT(x_enter(f, P_CATS, "城市低保 13", &e), ERR_OK);
	CHECK_STR(form_value(f, P_CATS), "04,13");
	/* A display too small is cut, never overrun. */
	char small[12];
	form_display(f, P_CATS, small, sizeof small);
	CHECK(strlen(small) < sizeof small);

	/* One bad item refuses the whole value and keeps it as typed. */
	CHECK_INT(x_enter(f, P_CATS, "01,xyz", &e), ERR_CODE_UNKNOWN);
	CHECK(says(&e, "人员类别：不是代码表中的有效代码"));
	CHECK(says(&e, "xyz"));
	CHECK_STR(form_value(f, P_CATS), "01,xyz");
	CHECK_INT(x_enter(f, P_CATS, "0", &e), ERR_CODE_UNKNOWN); /* 0 starts every code */
	CHECK(says(&e, "对应多个代码"));
	CHECK_INT(x_enter(f, P_CATS, "  ", &e), ERR_OK);
	CHECK_STR(form_value(f, P_CATS), "");

	/* Keystrokes: separators are taken, other punctuation is refused naming the field. */
	CHECK_INT(form_accepts_char(f, P_CATS, ',', &e), ERR_OK);
	CHECK_INT(form_accepts_char(f, P_CATS, 0x3001, &e), ERR_OK);
	CHECK_INT(form_accepts_char(f, P_CATS, '#', &e), ERR_FIELD_CHAR);
	CHECK(says(&e, "人员类别：不能输入该字符（只能输入代码"));

	/* Hostile input: long and invalid UTF-8, refused with a message. */
	char big[2000];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	CHECK_INT(form_set_value(f, P_CATS, big, &e), ERR_TEXT_TOO_LONG);
	CHECK_INT(form_set_value(f, P_CATS, "01,\xff", &e), ERR_TEXT_UTF8);
	char many[64] = "";
	for (int k = 0; k < 20; k++)
		strcat(many, "01,");
	CHECK_INT(x_enter(f, P_CATS, many, &e), ERR_OK);
	CHECK_STR(form_value(f, P_CATS), "01");
	form_free(f);
}

static void multi_select_toggled_from_a_picklist(void)
{
	form *f = x_form(&x_spec);
	REQUIRE(f != NULL);
	err_info e;
	CHECK_INT(form_codes_toggle(f, P_CATS, "04", &e), ERR_OK);
	CHECK_INT(form_codes_toggle(f, P_CATS, "01", &e), ERR_OK);
	CHECK_STR(form_value(f, P_CATS), "01,04");
	CHECK(form_codes_has(f, P_CATS, "04"));
	CHECK_INT(form_codes_toggle(f, P_CATS, "04", &e), ERR_OK);
	CHECK_STR(form_value(f, P_CATS), "01");
	CHECK(!form_codes_has(f, P_CATS, "04"));
	CHECK(!form_codes_has(f, P_CATS, "0"));
	CHECK_INT(form_codes_toggle(f, P_KIND, "1", &e), ERR_INVALID_ARG);
	CHECK_INT(form_codes_toggle(f, P_CATS, "a,b", &e), ERR_INVALID_ARG);
	/* The picklist offers the table's codes for a multi-select field too. */
	form_choice ch[20];
	size_t n = 0;
	CHECK_INT(form_choices(f, P_CATS, "", ch, 20, &n, &e), ERR_OK);
	CHECK_INT(n, 13);
	form_set_readonly(f, 1);
	CHECK_INT(form_codes_toggle(f, P_CATS, "02", &e), ERR_FORM_READONLY);
	form_free(f);
}

static void options_given_in_the_spec(void)
{
	form *f = x_form(&x_spec);
	REQUIRE(f != NULL);
	err_info e;
	char buf[64];
	CHECK_INT(x_enter(f, P_KIND, "1", &e), ERR_OK);
	CHECK_STR(form_value(f, P_KIND), "1");
	CHECK_STR(form_display(f, P_KIND, buf, sizeof buf), "1 城镇");
	CHECK_INT(x_enter(f, P_KIND, "农村", &e), ERR_OK);
	CHECK_STR(form_value(f, P_KIND), "2");
	CHECK_INT(x_enter(f, P_KIND, "cz", &e), ERR_OK); /* initials of 城镇 */
	CHECK_STR(form_value(f, P_KIND), "1");
	CHECK_INT(x_enter(f, P_KIND, "3", &e), ERR_CODE_UNKNOWN);
	CHECK(says(&e, "户籍：不是代码表中的有效代码"));
	form_choice ch[4];
	size_t n = 0;
	CHECK_INT(form_choices(f, P_KIND, "", ch, 4, &n, &e), ERR_OK);
	CHECK_INT(n, 2);
	CHECK_STR(ch[1].name, "农村");
	CHECK_INT(form_choices(f, P_KIND, "n", ch, 4, &n, &e), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_STR(ch[0].code, "2");
	CHECK_INT(form_choices(f, P_KIND, "城", ch, 1, &n, &e), ERR_OK);
	CHECK_INT(n, 1);
	form_free(f);
}

static void new_forms_start_from_their_defaults(void)
{
	form *f = x_form(&x_spec);
	REQUIRE(f != NULL);
	err_info e;
	CHECK_STR(form_value(f, P_DAY), "2026-03-02");
	CHECK(!form_dirty(f));
	CHECK_INT(x_enter(f, P_DAY, "2026-01-05", &e), ERR_OK);
	CHECK(form_dirty(f));
	form_clear(f);
	CHECK_STR(form_value(f, P_DAY), "2026-03-02");
	CHECK(!form_dirty(f));
	form_free(f);
}

static void child_list_and_actions_follow_the_record(void)
{
	form *f = x_form(&x_spec);
	REQUIRE(f != NULL);
	err_info e;
	listing_row rows[4];
	size_t n = 9, total = 9;
	CHECK_INT(form_n_sublists(f), 1);
	CHECK_INT(form_n_actions(f), 2);
	CHECK(form_sublist_at(f, 1) == NULL);
	CHECK(form_action_at(f, -1) == NULL);

	/* A new record has no rows and no actions yet. */
	x_store.children = 2;
	CHECK_INT(form_sublist_rows(f, 0, 0, 4, rows, &n, &total, &e), ERR_OK);
	CHECK_INT(n, 0);
	CHECK(!form_action_enabled(f, 0));
	form *child = NULL;
	CHECK_INT(form_action_open(f, 0, &child, &e), ERR_FORM_ACTION_UNAVAILABLE);
	CHECK(child == NULL);

	int bad = 0;
	REQUIRE(form_save(f, &bad, &e) == ERR_OK);
	CHECK_INT(form_sublist_rows(f, 0, 0, 4, rows, &n, &total, &e), ERR_OK);
	CHECK_INT(n, 2);
	CHECK_STR(rows[1].cells[0], "row 1 of 42");
	CHECK(form_action_enabled(f, 0));

	/* Unsaved changes first: the child would work on what is stored. */
	CHECK_INT(x_enter(f, P_NOTE, "changed", &e), ERR_OK);
	CHECK_INT(form_action_open(f, 0, &child, &e), ERR_FORM_SAVE_FIRST);
	CHECK(says(&e, "请先保存当前记录"));
	REQUIRE(form_save(f, &bad, &e) == ERR_OK);

	/* The child sees its parent from its init on, and saves on its own. */
	REQUIRE(form_action_open(f, 0, &child, &e) == ERR_OK);
	CHECK(form_parent(child) == f);
	CHECK_STR(form_value(child, C_PARENT), "42");
	CHECK_INT(form_record_id(child), 0);
	CHECK_INT(form_save(child, &bad, &e), ERR_OK);
	form_free(child);
	CHECK_INT(form_reload(f, &e), ERR_OK);
	CHECK_STR(form_value(f, P_NOTE), "loaded");
	CHECK_INT(form_sublist_rows(f, 0, 0, 4, rows, &n, &total, &e), ERR_OK);
	CHECK_INT(total, 3);

	/* FA_SAME_RECORD opens the record itself; a row opens the row. */
	REQUIRE(form_action_open(f, 1, &child, &e) == ERR_OK);
	CHECK_INT(form_record_id(child), 42);
	form_free(child);
	REQUIRE(form_sublist_open(f, 0, 101, &child, &e) == ERR_OK);
	CHECK_INT(form_record_id(child), 101);
	CHECK(form_parent(child) == f);
	form_free(child);
	CHECK_INT(form_sublist_open(f, 0, 0, &child, &e), ERR_INVALID_ARG);

	/* The enabled hook and view-only mode both close the action; the child is view-only too. */
	x_store.closed = 1;
	CHECK(!form_action_enabled(f, 0));
	CHECK(form_action_enabled(f, 1));
	x_store.closed = 0;
	form_set_readonly(f, 1);
	CHECK(!form_action_enabled(f, 0));
	REQUIRE(form_sublist_open(f, 0, 100, &child, &e) == ERR_OK);
	CHECK(form_readonly(child));
	form_free(child);
	form_free(f);
}

/* A listing whose filter form has one date field; the search echoes it. */
static err_code x_search_in(form *filter, const char *query, size_t offset, size_t max,
                            listing_row *out, size_t *n, size_t *total, err_info *e)
{
	(void)offset;
	(void)e;
	if (max > 0) {
		out[0].id = 1;
		char buf[64];
		snprintf(buf, sizeof buf, "%s|%s", form_value(filter, P_DAY), query);
		listing_cell_put(&out[0], 0, buf);
		*n = 1;
	}
	*total = 1;
	return ERR_OK;
}

static const listing_spec x_listing = {
    .id = "x",
    .title = MSG_UL_TITLE,
    .prompt = MSG_UL_PROMPT,
    .columns = x_columns,
    .n_columns = 1,
    .form = &x_spec,
    .filter = &x_spec,
    .search_in = x_search_in,
};

static void listing_filters_checked_before_searching(void)
{
	form *flt = x_form(&x_spec);
	REQUIRE(flt != NULL);
	err_info e;
	listing_row rows[2];
	size_t n = 0, total = 0;
	int bad = 0;
	CHECK_INT(listing_search(&x_listing, x_db, flt, "zs", 0, 2, rows, &n, &total, &bad, &e),
	          ERR_OK);
	CHECK_INT(n, 1);
	CHECK_STR(rows[0].cells[0], "2026-03-02|zs");
	CHECK_INT(form_set_value(flt, P_DAY, "2026-13-01", &e), ERR_OK);
	CHECK_INT(listing_search(&x_listing, x_db, flt, "", 0, 2, rows, &n, &total, &bad, &e),
	          ERR_DATE_INVALID);
	CHECK_INT(bad, P_DAY);
	CHECK_INT(n, 0);
	CHECK(says(&e, "登记日期"));
	/* Without its filter form the listing refuses rather than guessing. */
	CHECK_INT(listing_search(&x_listing, x_db, NULL, "", 0, 2, rows, &n, &total, &bad, &e),
	          ERR_INVALID_ARG);
	form_free(flt);
}

static void drafts_find_their_form_by_id(void)
{
	CHECK(workflow_form_spec("person", NULL) != NULL);
	CHECK(workflow_form_spec("no-such-form", NULL) == NULL);
	CHECK(workflow_form_spec(NULL, NULL) == NULL);
}

TEST_MAIN(T(multi_select_normalised_sorted_and_named), T(multi_select_toggled_from_a_picklist),
          T(options_given_in_the_spec), T(new_forms_start_from_their_defaults),
          T(child_list_and_actions_follow_the_record), T(listing_filters_checked_before_searching),
          T(drafts_find_their_form_by_id))
