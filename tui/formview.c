/*
 * formview — draws and edits any form (see formview.h).
 */
#include "tui/formview.h"

#include <stdlib.h>
#include <string.h>

#include "forms/listing.h"
#include "locale/msg.h"
#include "locale/text.h"
#include "tui/edit.h"
#include "tui/formmore.h"
#include "tui/picklist.h"

#define FV_LABEL_X 2      /* column of the required-field mark; the label follows */
#define FV_MEMO_ROWS 3    /* rows of a memo box */
#define FV_RO_ROWS 3      /* rows a long read-only value may take */
#define FV_VALUE_MAX 2048 /* bytes of one field's text as edited */

typedef struct formview {
	app_screen base;
	form *f;
	int cur;           /* field under the cursor, -1 if the form has no editable field */
	edit *ed;          /* editor of cur, NULL if cur cannot be edited */
	char *entered;     /* cur's value when the cursor came in (to tell a change) */
	int refused;       /* cur holds a value whose check failed: leaving checks again */
	int first;         /* first field shown when the form is longer than the screen */
	int label_w;       /* columns of the widest label */
	int saved;         /* something was saved while open */
	int readonly;      /* the role may look, not change */
	int cur_y;         /* screen row of the field under the cursor, as last drawn */
	char related[256]; /* the child lists' counts, "就业服务记录（1条）…", "" none */
	void (*on_close)(app *a, void *ctx, int saved);
	void *ctx;
	app *app; /* for the progress of a long save */
} formview;

/* ---- fields ---- */

static int formview_editable(const formview *fv, int i)
{
	return form_visible(fv->f, i) && !(form_field(fv->f, i)->flags & FF_READONLY);
}

/* Columns of the input box of field i when `avail` columns are left of the screen. */
static int formview_box_width(const field_spec *fs, int avail)
{
	int w = fs->width;
	if (w <= 0) {
		switch (fs->type) {
		case FT_IDNO:
		case FT_USCC:
			w = 18;
			break;
		case FT_DATE:
			w = 10;
			break;
		case FT_INT:
			w = 12;
			break;
		case FT_MONEY:
			w = 15;
			break;
		case FT_CODE:
			w = 8; /* a code, or the start of a name to look up */
			break;
		case FT_CODES:
			w = 14; /* a few codes; their names follow the box */
			break;
		case FT_BOOL:
			w = 4;
			break;
		case FT_PHONE:
			w = 20;
			break;
		case FT_MEMO:
			w = avail;
			break;
		case FT_NAME:
		case FT_TEXT:
		default:
			w = fs->max_chars * 2;
			break;
		}
	}
	/* Room for the caret after a full value, so it never scrolls out of sight. */
	if ((fs->type == FT_IDNO || fs->type == FT_USCC || fs->type == FT_DATE ||
	     fs->type == FT_PHONE || fs->type == FT_INT || fs->type == FT_MONEY) &&
	    w < fs->max_chars + 1)
		w = fs->max_chars + 1;
	if (w == fs->max_chars)
		w++;
	if (w < 4)
		w = 4;
	return w < avail ? w : avail;
}

/* Column of the input box's '['. */
static int formview_box_x(const formview *fv)
{
	return FV_LABEL_X + 1 + fv->label_w + 2 + 1;
}

/* Columns a read-only value has from its box to the edge of the screen. */
static int formview_ro_cols(const formview *fv)
{
	return COLS - (formview_box_x(fv) + 1) - 2;
}

/*
 * Rows a read-only value takes: one that is too long for the line (a
 * SHA-256, a path) goes on over the next rows rather than being cut, up
 * to FV_RO_ROWS.
 */
static int formview_ro_rows(const formview *fv, int i)
{
	const field_spec *fs = form_field(fv->f, i);
	int cols = formview_ro_cols(fv);
	if (!(fs->flags & FF_READONLY) || fs->type == FT_CODE || fs->type == FT_CODES || cols < 8)
		return 1;
	char buf[FV_VALUE_MAX];
	int rows = (draw_width(form_display(fv->f, i, buf, sizeof buf)) + cols - 1) / cols;
	return rows < 1 ? 1 : rows > FV_RO_ROWS ? FV_RO_ROWS : rows;
}

static int formview_rows_of(const formview *fv, int i)
{
	return form_field(fv->f, i)->type == FT_MEMO ? FV_MEMO_ROWS : formview_ro_rows(fv, i);
}


/* The text the box shows for field i when it is not being edited. */
static const char *formview_shown(const formview *fv, int i, char *buf, size_t size)
{
	if (form_field(fv->f, i)->type == FT_BOOL)
		return form_display(fv->f, i, buf, size);
	return form_value(fv->f, i);
}

/* The editor's text, or "" when there is none. */
static void formview_text(const formview *fv, char *buf, size_t size)
{
	buf[0] = '\0';
	if (fv->ed != NULL && edit_get_utf8(fv->ed, buf, size) < 0)
		buf[0] = '\0';
}

/* Put the cursor on field i (no check of the field left: see formview_leave). */
static void formview_enter(app *a, formview *fv, int i)
{
	edit_free(fv->ed);
	fv->ed = NULL;
	free(fv->entered);
	fv->entered = NULL;
	fv->cur = i;
	fv->refused = 0;
	if (i < 0)
		return;
	const field_spec *fs = form_field(fv->f, i);
	char buf[FV_VALUE_MAX];
	const char *text = formview_shown(fv, i, buf, sizeof buf);
	int max = fs->max_chars > 0 ? fs->max_chars : 1;
	fv->ed = fs->type == FT_MEMO ? edit_new_multiline(max) : edit_new(max);
	fv->entered = strdup(text);
	if (fv->ed != NULL && edit_set_utf8(fv->ed, text) != 0) {
		/* A stored value the editor cannot hold is shown, never cut by editing. */
		edit_free(fv->ed);
		fv->ed = NULL;
		app_msgf(a, APP_MSG_ERROR, msg_text(MSG_UI_FIELD_UNEDITABLE), msg_text(fs->label));
		return;
	}
	/* What leaving the last field said (an upgraded ID, a record opened) stays one field. */
	if (fs->hint != MSG_NONE && !app_msg_is_error(a) && !app_msg_is_notice(a))
		app_msg(a, APP_MSG_HINT, msg_text(fs->hint));
	else if (fs->hint == MSG_NONE)
		app_msg_clear_hint(a);
}

/*
 * 1 if the user changed the field under the cursor since entering it, or
 * its value was refused: typed back to what it was, it must still be
 * checked and stored again, or the form would keep the refused value.
 */
static int formview_changed(const formview *fv)
{
	if (fv->ed == NULL || fv->entered == NULL)
		return 0;
	if (fv->refused)
		return 1;
	char buf[FV_VALUE_MAX];
	formview_text(fv, buf, sizeof buf);
	return strcmp(buf, fv->entered) != 0;
}

/* Hand the editor's text to the form (no checks yet). */
static int formview_commit(app *a, formview *fv)
{
	if (!formview_changed(fv))
		return 1;
	char buf[FV_VALUE_MAX];
	err_info e;
	formview_text(fv, buf, sizeof buf);
	if (form_set_value(fv->f, fv->cur, buf, &e) != ERR_OK) {
		app_msg_err(a, &e);
		return 0;
	}
	return 1;
}

static int formview_offer_choices(app *a, formview *fv, const char *query);

/*
 * Leave the field under the cursor: a changed value is checked and
 * normalised, derived fields are filled, and the form is journaled as a
 * draft. Returns 0 (message shown, cursor stays) if the value is refused.
 */
static int formview_leave(app *a, formview *fv)
{
	if (fv->cur < 0 || !formview_changed(fv))
		return 1;
	if (!formview_commit(a, fv))
		return 0;
	msg_id notice = MSG_NONE;
	err_info e;
	err_clear(&e);
	if (form_leave_field(fv->f, fv->cur, &notice, &e) != ERR_OK) {
		char text[FV_VALUE_MAX];
		formview_text(fv, text, sizeof text);
		fv->refused = 1;
		app_msg_err(a, &e);
		/* A name or initials typed into a code field: offer the matching codes. */
		if (form_field(fv->f, fv->cur)->type == FT_CODE && text[0] != '\0')
			return formview_offer_choices(a, fv, text);
		return 0;
	}
	free(fv->entered);
	fv->entered = strdup(form_value(fv->f, fv->cur));
	fv->refused = 0;
	if (notice != MSG_NONE)
		app_msg(a, APP_MSG_NOTICE, msg_text(notice));
	else
		app_msg_clear(a);
	if (form_dirty(fv->f) && form_draft_save(fv->f, &e) != ERR_OK)
		app_msg_err(a, &e);
	return 1;
}

/* The next editable field from `from` in direction dir (+1/-1), wrapping; -1 if none. */
static int formview_next_field(const formview *fv, int from, int dir, int wrap)
{
	int n = form_n_fields(fv->f);
	for (int k = 1; k <= n; k++) {
		int j = from + dir * k;
		if (!wrap && (j < 0 || j >= n))
			return -1;
		j = ((j % n) + n) % n;
		if (formview_editable(fv, j))
			return j;
	}
	return -1;
}

static void formview_move(app *a, formview *fv, int dir)
{
	if (!formview_leave(a, fv))
		return;
	int j = formview_next_field(fv, fv->cur, dir, 1);
	if (j >= 0 && j != fv->cur)
		formview_enter(a, fv, j);
	else if (j == fv->cur)
		formview_enter(a, fv, j); /* the editor shows the normalised value */
}

/* PgUp/PgDn: as many fields as fit on a screen, without wrapping. */
static void formview_page(app *a, formview *fv, int dir)
{
	if (!formview_leave(a, fv))
		return;
	int rows = app_body_rows(a) - 3, j = fv->cur, target = fv->cur;
	while (rows > 0 && (j = formview_next_field(fv, j, dir, 0)) >= 0) {
		rows -= formview_rows_of(fv, j);
		target = j;
	}
	formview_enter(a, fv, target);
}

/* ---- picklist ---- */

static void formview_picked(app *a, void *ctx, const char *code)
{
	formview *fv = ctx;
	if (fv->ed == NULL || edit_set_utf8(fv->ed, code) != 0)
		return;
	formview_leave(a, fv);
}

/*
 * After a code field refused the text: a single matching code is taken
 * (returns 1 if it then passed), several are offered in the picklist.
 */
static int formview_offer_choices(app *a, formview *fv, const char *query)
{
	form_choice c[2];
	size_t n = 0;
	if (form_choices(fv->f, fv->cur, query, c, 2, &n, NULL) != ERR_OK || n == 0)
		return 0;
	if (n == 1)
		return edit_set_utf8(fv->ed, c[0].code) == 0 && formview_leave(a, fv);
	picklist_open(a, fv->f, fv->cur, query, fv->cur_y, formview_picked, fv);
	return 0;
}

static void formview_pick(app *a, formview *fv, const char *query)
{
	if (fv->readonly) {
		app_msg(a, APP_MSG_ERROR, err_text(ERR_FORM_READONLY));
		return;
	}
	field_type t = fv->cur >= 0 ? form_field(fv->f, fv->cur)->type : FT_TEXT;
	if (fv->cur < 0 || fv->ed == NULL || (t != FT_CODE && t != FT_CODES)) {
		app_msg(a, APP_MSG_ERROR, msg_text(MSG_UI_NO_PICKLIST));
		return;
	}
	if (t == FT_CODES) {
		/* The list ticks what the field holds, so what was typed is checked first. */
		if (!formview_leave(a, fv))
			return;
		picklist_open_multi(a, fv->f, fv->cur, form_value(fv->f, fv->cur), query, fv->cur_y,
		                    formview_picked, fv);
		return;
	}
	picklist_open(a, fv->f, fv->cur, query, fv->cur_y, formview_picked, fv);
}

/* ---- drawing ---- */

/* The name after a code's box: the display text without the code itself. */
static const char *formview_code_name(const formview *fv, int i, char *buf, size_t size)
{
	const char *value = form_value(fv->f, i);
	const char *shown = form_display(fv->f, i, buf, size);
	size_t n = strlen(value);
	if (n > 0 && strncmp(shown, value, n) == 0 && shown[n] == ' ')
		return shown + n + 1;
	return strcmp(shown, value) == 0 ? "" : shown;
}

/* A box that is not being edited: its text from the start, '>' if it goes on. */
static void formview_draw_value(const draw_style *st, int y, int x, int w, const char *text)
{
	char cut[FV_VALUE_MAX];
	draw_text(st, y, x, 1, "[", DRAW_BORDER, 0);
	if (draw_width(text) > w) {
		text_pad(text, w - 1, 0, cut, sizeof cut);
		draw_text(st, y, x + 1, w - 1, cut, DRAW_NORMAL, 1);
		draw_text(st, y, x + w, 1, ">", DRAW_NORMAL, 0);
	} else {
		draw_text(st, y, x + 1, w, text, DRAW_NORMAL, 1);
	}
	draw_text(st, y, x + 1 + w, 1, "]", DRAW_BORDER, 0);
}

static void formview_draw_memo_value(const draw_style *st, int y, int x, int rows, int w,
                                     const field_spec *fs, const char *text)
{
	edit *tmp = edit_new_multiline(fs->max_chars > 0 ? fs->max_chars : 1);
	int cy, cx;
	if (tmp == NULL || edit_set_utf8(tmp, text) != 0) {
		edit_free(tmp);
		formview_draw_value(st, y, x, w, text);
		return;
	}
	edit_set_cursor(tmp, 0);
	draw_memo(st, y, x, rows, w, tmp, &cy, &cx);
	edit_free(tmp);
}

static void formview_draw_field(app *a, formview *fv, int i, int y)
{
	const draw_style *st = app_style(a);
	const field_spec *fs = form_field(fv->f, i);
	int bx = formview_box_x(fv), avail = COLS - bx - 3;
	char buf[FV_VALUE_MAX], name[FV_VALUE_MAX];
	if (fs->flags & FF_REQUIRED)
		draw_text(st, y, FV_LABEL_X, 1, "*", DRAW_LABEL, 0);
	snprintf(buf, sizeof buf, "%s%s", msg_text(fs->label), msg_text(MSG_UI_COLON));
	draw_text(st, y, FV_LABEL_X + 1, fv->label_w + 2, buf, DRAW_LABEL, 0);
	if (fs->flags & FF_READONLY) {
		/* Derived values: a code shows by its name (性别 男), the rest as they are. */
		const char *shown = fs->type == FT_CODE
		                        ? formview_code_name(fv, i, name, sizeof name)
		                        : form_display(fv->f, i, buf, sizeof buf);
		int rows = formview_ro_rows(fv, i), cols = formview_ro_cols(fv);
		for (int r = 0; r < rows - 1; r++) {
			char piece[FV_VALUE_MAX];
			text_truncate(shown, cols, 0, piece, sizeof piece);
			draw_text(st, y + r, bx + 1, cols, piece, DRAW_NORMAL, 0);
			shown += strlen(piece);
		}
		draw_text(st, y + rows - 1, bx + 1, rows > 1 ? cols : avail, shown, DRAW_NORMAL, 0);
		return;
	}
	int coded = fs->type == FT_CODE || fs->type == FT_CODES;
	int w = formview_box_width(fs, coded ? avail / 2 : avail);
	if (i == fv->cur && fv->ed != NULL) {
		int cy = y, cx;
		if (fs->type == FT_MEMO)
			draw_memo(st, y, bx, FV_MEMO_ROWS, w, fv->ed, &cy, &cx);
		else
			cx = draw_field(st, y, bx, w, fv->ed, 0);
		app_caret(a, cy, cx);
		fv->cur_y = y;
	} else if (fs->type == FT_MEMO) {
		formview_draw_memo_value(st, y, bx, FV_MEMO_ROWS, w, fs, form_value(fv->f, i));
	} else {
		formview_draw_value(st, y, bx, w, formview_shown(fv, i, buf, sizeof buf));
	}
	if (fs->type == FT_CODE)
		draw_text(st, y, bx + w + 3, COLS - (bx + w + 3) - 1,
		          formview_code_name(fv, i, name, sizeof name), DRAW_NORMAL, 0);
	else if (fs->type == FT_CODES)
		draw_text(st, y, bx + w + 3, COLS - (bx + w + 3) - 1,
		          form_display_names(fv->f, i, name, sizeof name), DRAW_NORMAL, 0);
}

static void formview_draw(app *a, app_screen *s)
{
	formview *fv = (formview *)s;
	const draw_style *st = app_style(a);
	int top = app_body_top(a) + 1, bottom = LINES - 4; /* rows for fields, inclusive */
	int n = form_n_fields(fv->f), avail = bottom - top + 1;
	/* Scroll so the current field is in view. */
	if (fv->cur >= 0 && fv->cur < fv->first)
		fv->first = fv->cur;
	if (fv->cur >= 0) {
		int used;
		do {
			used = 0;
			for (int i = fv->first; i <= fv->cur; i++)
				if (form_visible(fv->f, i))
					used += formview_rows_of(fv, i);
			if (used > avail && fv->first < fv->cur)
				fv->first++;
		} while (used > avail && fv->first < fv->cur);
	}
	int y = top, hidden_above = 0, hidden_below = 0;
	for (int i = 0; i < n; i++) {
		if (!form_visible(fv->f, i))
			continue;
		if (i < fv->first) {
			hidden_above++;
			continue;
		}
		int h = formview_rows_of(fv, i);
		if (hidden_below > 0 || y + h - 1 > bottom) {
			hidden_below++; /* and every field after it, to keep the order */
			continue;
		}
		formview_draw_field(a, fv, i, y);
		y += h;
	}
	char more[160];
	if (hidden_below > 0) {
		snprintf(more, sizeof more, msg_text(MSG_UI_FORM_MORE_BELOW), hidden_below);
		draw_text(st, LINES - 3, 2, COLS - 4, more, DRAW_NOTICE, 0);
	} else if (hidden_above > 0) {
		snprintf(more, sizeof more, msg_text(MSG_UI_FORM_MORE_ABOVE), hidden_above);
		draw_text(st, LINES - 3, 2, COLS - 4, more, DRAW_NOTICE, 0);
	} else if (fv->related[0] != '\0') {
		draw_text(st, LINES - 3, 2, COLS - 4, fv->related, DRAW_NOTICE, 0);
	}
}

/*
 * Count the record's child rows for the line under the fields (what F6
 * opens), so a registration shows at once that it has follow-ups.
 */
static void formview_count_related(formview *fv)
{
	size_t used = 0;
	fv->related[0] = '\0';
	if (form_record_id(fv->f) <= 0)
		return;
	for (int k = 0; k < form_n_sublists(fv->f); k++) {
		listing_row row;
		size_t n = 0, total = 0;
		if (form_sublist_rows(fv->f, k, 0, 1, &row, &n, &total, NULL) != ERR_OK)
			continue;
		char one[160];
		snprintf(one, sizeof one, msg_text(MSG_UI_MORE_ROWS),
		         msg_text(form_sublist_at(fv->f, k)->title), total);
		int w = snprintf(fv->related + used, sizeof fv->related - used, "%s%s",
		                 used > 0 ? msg_text(MSG_FORM_LIST_SEP) : "", one);
		if (w < 0 || (size_t)w >= sizeof fv->related - used) {
			fv->related[used] = '\0';
			break;
		}
		used += (size_t)w;
	}
	if (used > 0) {
		char line[sizeof fv->related];
		snprintf(line, sizeof line, msg_text(MSG_UI_MORE_HINT), fv->related);
		snprintf(fv->related, sizeof fv->related, "%s", line);
	}
}

/* ---- saving and leaving ---- */

static void formview_save(app *a, formview *fv)
{
	if (!formview_leave(a, fv))
		return;
	int bad = -1;
	err_info e;
	err_clear(&e);
	err_code c = form_save(fv->f, &bad, &e);
	app_progress_end(a);
	if (c != ERR_OK) {
		if (bad >= 0 && bad != fv->cur && bad < form_n_fields(fv->f))
			formview_enter(a, fv, bad);
		app_msg_err(a, &e);
		return;
	}
	fv->saved = 1;
	formview_count_related(fv);
	form_draft_discard(fv->f, NULL);
	if (form_readonly(fv->f) && !fv->readonly) {
		/* A record stored once and never edited (an export batch): now only shown. */
		fv->readonly = 1;
		fv->base.keys &= ~(KEYS_BIT(ACT_SAVE) | KEYS_BIT(ACT_PICK) | KEYS_BIT(ACT_NEW));
		formview_enter(a, fv, formview_next_field(fv, -1, 1, 0));
	} else {
		formview_enter(a, fv, fv->cur); /* the editor shows the stored value */
	}
	const char *notice = form_notice(fv->f);
	app_msg(a, APP_MSG_NOTICE, notice[0] != '\0' ? notice : msg_text(MSG_UI_SAVED));
}

static void formview_progress(void *ctx, msg_id step, const char *item, uint64_t done,
                              uint64_t total)
{
	formview *fv = ctx;
	app_progress(fv->app, msg_text(step), item, done, total);
}

static void formview_close(app *a, formview *fv)
{
	void (*cb)(app *, void *, int) = fv->on_close;
	void *ctx = fv->ctx;
	int saved = fv->saved;
	app_remove(a, &fv->base);
	if (cb != NULL)
		cb(a, ctx, saved);
}

static int formview_dirty(app *a, app_screen *s)
{
	(void)a;
	formview *fv = (formview *)s;
	return form_dirty(fv->f) || formview_changed(fv);
}

static void formview_discard_answer(app *a, void *ctx, app_answer ans)
{
	formview *fv = ctx;
	if (ans != APP_ANSWER_YES)
		return;
	form_draft_discard(fv->f, NULL);
	app_msg_clear(a);
	formview_close(a, fv);
}

static void formview_back(app *a, formview *fv)
{
	if (formview_dirty(a, &fv->base)) {
		app_ask(a, msg_text(MSG_UI_CONFIRM_DISCARD), formview_discard_answer, fv);
		return;
	}
	app_msg_clear(a);
	formview_close(a, fv);
}

static void formview_new_answer(app *a, void *ctx, app_answer ans)
{
	formview *fv = ctx;
	if (ans != APP_ANSWER_YES)
		return;
	form_draft_discard(fv->f, NULL);
	form_clear(fv->f);
	formview_count_related(fv);
	app_msg_clear(a);
	formview_enter(a, fv, formview_next_field(fv, -1, 1, 0));
}

static void formview_leave_session(app *a, app_screen *s, int lost)
{
	(void)a;
	formview *fv = (formview *)s;
	if (!lost) {
		/* The user chose to leave these changes; a form left untouched keeps
		 * whatever draft the operator still has of it. */
		if (form_dirty(fv->f) || formview_changed(fv))
			form_draft_discard(fv->f, NULL);
		return;
	}
	/* The connection dropped: keep even the half-typed field. */
	if (formview_changed(fv)) {
		char buf[FV_VALUE_MAX];
		formview_text(fv, buf, sizeof buf);
		form_set_value(fv->f, fv->cur, buf, NULL);
	}
	if (form_dirty(fv->f))
		form_draft_save(fv->f, NULL);
}

/* ---- related records and actions ---- */

/* A child form closed; if it saved something, show the record as it is now. */
static void formview_child_closed(app *a, void *ctx, int saved)
{
	formview *fv = ctx;
	err_info e;
	err_clear(&e);
	if (!saved)
		return;
	fv->saved = 1;
	if (form_reload(fv->f, &e) != ERR_OK)
		app_msg_err(a, &e);
	formview_count_related(fv);
	int i = fv->cur >= 0 && formview_editable(fv, fv->cur) ? fv->cur
	                                                       : formview_next_field(fv, -1, 1, 0);
	formview_enter(a, fv, i);
}

static void formview_more(app *a, formview *fv)
{
	if (form_n_actions(fv->f) == 0 && form_n_sublists(fv->f) == 0) {
		app_msg(a, APP_MSG_ERROR, msg_text(MSG_UI_MORE_NONE));
		return;
	}
	/* What is typed in the field counts: a change not saved yet is said so by the action. */
	if (!fv->readonly && !formview_leave(a, fv))
		return;
	formmore_open(a, fv->f, fv->cur_y, formview_child_closed, fv);
}

/* ---- input ---- */

static void formview_type(app *a, formview *fv, wchar_t ch)
{
	const field_spec *fs = form_field(fv->f, fv->cur);
	err_info e;
	if (ch == L'\n' && fs->type != FT_MEMO)
		return;
	/* Chinese typed into a code field is a search, never a code. */
	if ((fs->type == FT_CODE || fs->type == FT_CODES) && ch >= 0x80) {
		char q[8] = "";
		q[text_utf8_encode((uint32_t)ch, q)] = '\0';
		formview_pick(a, fv, q);
		return;
	}
	if (ch != L'\n' && form_accepts_char(fv->f, fv->cur, (uint32_t)ch, &e) != ERR_OK) {
		app_msg_err(a, &e);
		return;
	}
	int r = edit_insert(fv->ed, ch);
	if (r == EDIT_FULL)
		app_msgf(a, APP_MSG_ERROR, msg_text(MSG_UI_FIELD_FULL), msg_text(fs->label),
		         fs->max_chars);
	else if (r == EDIT_INVALID)
		app_msgf(a, APP_MSG_ERROR, msg_text(MSG_UI_FIELD_BADCHAR), msg_text(fs->label));
}

static void formview_paste(app *a, formview *fv, const char *text)
{
	const field_spec *fs = form_field(fv->f, fv->cur);
	char line[FV_VALUE_MAX];
	if (fs->type != FT_MEMO) {
		if (keys_paste_line(text, line, sizeof line) < 0) {
			app_msgf(a, APP_MSG_ERROR, msg_text(MSG_UI_PASTE_TOO_LONG),
			         msg_text(fs->label), fs->max_chars);
			return;
		}
		text = line;
	}
	/* All or nothing: one refused character refuses the paste. */
	for (const char *p = text; *p != '\0';) {
		uint32_t cp;
		size_t k = text_utf8_decode(p, strlen(p), &cp);
		err_info e;
		if (cp != '\n' && form_accepts_char(fv->f, fv->cur, cp, &e) != ERR_OK) {
			app_msg_err(a, &e);
			return;
		}
		p += k;
	}
	int r = edit_insert_utf8(fv->ed, text);
	if (r == EDIT_FULL)
		app_msgf(a, APP_MSG_ERROR, msg_text(MSG_UI_PASTE_TOO_LONG), msg_text(fs->label),
		         fs->max_chars);
	else if (r == EDIT_INVALID)
		app_msgf(a, APP_MSG_ERROR, msg_text(MSG_UI_FIELD_BADCHAR), msg_text(fs->label));
}

static void formview_input(app *a, app_screen *s, const keys_event *ev)
{
	formview *fv = (formview *)s;
	int memo = fv->ed != NULL && edit_is_multiline(fv->ed);
	int cols = fv->cur >= 0 ? formview_box_width(form_field(fv->f, fv->cur),
	                                             COLS - formview_box_x(fv) - 3)
	                        : 1;
	if (ev->kind == KE_CHAR || ev->kind == KE_PASTE) {
		if (fv->ed == NULL)
			return;
		if (ev->kind == KE_CHAR)
			formview_type(a, fv, ev->ch);
		else
			formview_paste(a, fv, ev->text);
		return;
	}
	if (ev->kind != KE_ACTION)
		return;
	switch (ev->action) {
	case ACT_ENTER:
		if (memo) {
			formview_type(a, fv, L'\n');
			break;
		}
		formview_move(a, fv, 1);
		break;
	case ACT_NEXT:
		if (memo && ev->code == KEY_DOWN && edit_down(fv->ed, cols))
			break;
		formview_move(a, fv, 1);
		break;
	case ACT_PREV:
		if (memo && ev->code == KEY_UP && edit_up(fv->ed, cols))
			break;
		formview_move(a, fv, -1);
		break;
	case ACT_PGDN:
		formview_page(a, fv, 1);
		break;
	case ACT_PGUP:
		formview_page(a, fv, -1);
		break;
	case ACT_SAVE:
		formview_save(a, fv);
		break;
	case ACT_PICK:
		formview_pick(a, fv, "");
		break;
	case ACT_MORE:
		formview_more(a, fv);
		break;
	case ACT_BACK:
		formview_back(a, fv);
		break;
	case ACT_NEW:
		if (!fv->readonly && form_parent(fv->f) != NULL)
			break; /* a child form belongs to its parent's record */
		if (fv->readonly)
			app_msg(a, APP_MSG_ERROR, err_text(ERR_FORM_READONLY));
		else if (formview_dirty(a, s))
			app_ask(a, msg_text(MSG_UI_CONFIRM_DISCARD), formview_new_answer, fv);
		else
			formview_new_answer(a, fv, APP_ANSWER_YES);
		break;
	default:
		if (fv->ed == NULL)
			break;
		if (fv->readonly && (ev->action == ACT_BACKSPACE || ev->action == ACT_DELETE ||
		                     ev->action == ACT_CLEAR)) {
			app_msg(a, APP_MSG_ERROR, err_text(ERR_FORM_READONLY));
			break;
		}
		switch (ev->action) {
		case ACT_LEFT:
			edit_left(fv->ed);
			break;
		case ACT_RIGHT:
			edit_right(fv->ed);
			break;
		case ACT_HOME:
			edit_home(fv->ed);
			break;
		case ACT_END:
			edit_end(fv->ed);
			break;
		case ACT_BACKSPACE:
			edit_backspace(fv->ed);
			break;
		case ACT_DELETE:
			edit_delete(fv->ed);
			break;
		case ACT_CLEAR:
			edit_clear(fv->ed);
			break;
		default:
			break;
		}
	}
}

static void formview_destroy(app_screen *s)
{
	formview *fv = (formview *)s;
	edit_free(fv->ed);
	free(fv->entered);
	form_free(fv->f);
	free(fv);
}

static const app_screen_ops formview_ops = {
    .draw = formview_draw,
    .input = formview_input,
    .leave = formview_leave_session,
    .dirty = formview_dirty,
    .destroy = formview_destroy,
};

err_code formview_open_form(app *a, form *f, int readonly,
                            void (*on_close)(app *a, void *ctx, int saved), void *ctx, err_info *e)
{
	if (f == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	formview *fv = calloc(1, sizeof *fv);
	if (fv == NULL) {
		form_free(f);
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	}
	fv->f = f;
	/* The role's view-only mode goes to the form (and its children); a
	 * record stored once (FS_ONCE) is view-only here but keeps its actions. */
	if (readonly)
		form_set_readonly(fv->f, 1);
	readonly = readonly || form_readonly(f);
	for (int i = 0; i < form_n_fields(fv->f); i++) {
		int w = draw_width(msg_text(form_field(fv->f, i)->label));
		if (w > fv->label_w)
			fv->label_w = w;
	}
	fv->on_close = on_close;
	fv->ctx = ctx;
	fv->app = a;
	form_set_progress(f, formview_progress, fv);
	fv->base.ops = &formview_ops;
	fv->base.title = msg_text(form_get_spec(f)->title);
	fv->readonly = readonly;
	fv->base.keys = KEYS_BIT(ACT_HELP) | KEYS_BIT(ACT_BACK) | KEYS_BIT(ACT_QUIT);
	if (!readonly)
		fv->base.keys |= KEYS_BIT(ACT_SAVE) | KEYS_BIT(ACT_PICK);
	/* A child form belongs to its parent's record: no new one from here. */
	if (!readonly && form_parent(f) == NULL)
		fv->base.keys |= KEYS_BIT(ACT_NEW);
	if (form_n_actions(f) > 0 || form_n_sublists(f) > 0)
		fv->base.keys |= KEYS_BIT(ACT_MORE);
	fv->cur = -1;
	formview_count_related(fv);
	app_push(a, &fv->base);
	formview_enter(a, fv, formview_next_field(fv, -1, 1, 0));
	return ERR_OK;
}

err_code formview_open(app *a, const form_spec *spec, formview_mode mode, int64_t record_id,
                       int readonly, void (*on_close)(app *a, void *ctx, int saved), void *ctx,
                       err_info *e)
{
	const operator_rec *op = app_operator(a);
	form *f = NULL;
	err_code c = form_new(spec, app_db(a), app_today(a), op ? op->id : 0, &f, e);
	if (c == ERR_OK && mode == FORMVIEW_LOAD)
		c = form_load(f, record_id, e);
	if (c == ERR_OK && mode == FORMVIEW_DRAFT) {
		int found = 0;
		c = form_draft_restore(f, &found, e);
	}
	if (c != ERR_OK) {
		form_free(f);
		return c;
	}
	form_set_readonly(f, readonly);
	return formview_open_form(a, f, readonly, on_close, ctx, e);
}
