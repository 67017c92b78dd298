/*
 * listview — list/search screen of any listing (see listview.h).
 */
#include "tui/listview.h"

#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "locale/msg.h"
#include "locale/text.h"
#include "tui/edit.h"
#include "tui/formview.h"
#include "tui/picklist.h"

#define LV_QUERY_CHARS 40 /* characters of the query */
#define LV_QUERY_W 30     /* columns of the query box */

typedef struct listview {
	app_screen base;
	const listing_spec *ls;
	edit *q;            /* the query being typed */
	char searched[256]; /* the query the rows are for */
	int stale;          /* search again before drawing */
	listing_row *rows;  /* the page shown */
	size_t n, total;    /* rows on the page, matches in all */
	size_t offset;      /* index of the first row of the page */
	int page;           /* rows a page holds (from the screen height) */
	int sel;            /* selected row on the page */
	int readonly;       /* records open for viewing only */
	form *flt;          /* the listing's filters (a form never saved), or NULL */
	int focus;          /* -1: the query; else the filter field being edited */
	edit *fed;          /* editor of that filter field */
	int flt_y;          /* screen row of the filters, as last drawn */
} listview;

/* Rows of the table: the screen less the query, the filters and the headings. */
static int listview_page_rows(const listview *lv)
{
	return LINES - 9 - (lv->flt != NULL);
}

/* Run the search if the query, the page or the data changed. */
static void listview_refresh(app *a, listview *lv)
{
	char query[256];
	if (edit_get_utf8(lv->q, query, sizeof query) < 0)
		query[0] = '\0';
	int page = listview_page_rows(lv);
	if (page < 1)
		page = 1;
	if (strcmp(query, lv->searched) != 0) {
		lv->offset = 0;
		lv->sel = 0;
		lv->stale = 1;
	}
	if (page != lv->page) {
		listing_row *r = realloc(lv->rows, (size_t)page * sizeof *r);
		if (r == NULL) {
			app_msg(a, APP_MSG_ERROR, err_text(ERR_NOMEM));
			return;
		}
		lv->rows = r;
		lv->page = page;
		lv->offset -= lv->offset % (size_t)page;
		lv->stale = 1;
	}
	if (!lv->stale)
		return;
	err_info e;
	err_clear(&e);
	lv->n = lv->total = 0;
	int bad = -1;
	if (listing_search(lv->ls, app_db(a), lv->flt, query, lv->offset, (size_t)lv->page,
	                   lv->rows, &lv->n, &lv->total, &bad, &e) != ERR_OK) {
		lv->n = lv->total = 0;
		app_msg_err(a, &e);
	}
	snprintf(lv->searched, sizeof lv->searched, "%s", query);
	lv->stale = 0;
	if (lv->sel >= (int)lv->n)
		lv->sel = lv->n > 0 ? (int)lv->n - 1 : 0;
}

/* Columns of column c: its width, or what is left of the line for a width <= 0. */
static int listview_col_width(const listview *lv, int c, int x)
{
	int w = lv->ls->columns[c].width;
	if (w <= 0 || x + w > COLS - 1)
		w = COLS - 1 - x;
	return w > 0 ? w : 0;
}

/* The filters on one row under the query: "标签：[值] 名称" each; the caret when one is edited. */
static void listview_draw_filters(app *a, listview *lv, int y, int *caret_y, int *caret_x)
{
	const draw_style *st = app_style(a);
	char buf[512], names[256];
	int x = 2;
	lv->flt_y = y;
	for (int i = 0; i < form_n_fields(lv->flt) && x < COLS - 8; i++) {
		const field_spec *fs = form_field(lv->flt, i);
		snprintf(buf, sizeof buf, "%s%s", msg_text(fs->label), msg_text(MSG_UI_COLON));
		x += draw_text(st, y, x, COLS - x - 6, buf, DRAW_LABEL, 0);
		int w = fs->width > 0 ? fs->width : 6;
		if (x + w + 2 > COLS - 1)
			break;
		if (i == lv->focus && lv->fed != NULL) {
			*caret_x = draw_field(st, y, x, w, lv->fed, 0);
			*caret_y = y;
		} else {
			draw_text(st, y, x, 1, "[", DRAW_BORDER, 0);
			draw_text(st, y, x + 1, w, form_value(lv->flt, i), DRAW_NORMAL, 1);
			draw_text(st, y, x + 1 + w, 1, "]", DRAW_BORDER, 0);
		}
		x += w + 2;
		if (fs->type == FT_CODE &&
		    form_display_names(lv->flt, i, names, sizeof names)[0] != '\0')
			x += 1 + draw_text(st, y, x + 1, COLS - x - 2 < 10 ? COLS - x - 2 : 10,
			                   names, DRAW_NORMAL, 0);
		x += 2;
	}
}

static void listview_draw(app *a, app_screen *s)
{
	listview *lv = (listview *)s;
	const draw_style *st = app_style(a);
	listview_refresh(a, lv);
	int y = app_body_top(a) + 1;
	const char *prompt = msg_text(lv->ls->prompt);
	char buf[1200];
	snprintf(buf, sizeof buf, "%s%s", prompt, msg_text(MSG_UI_COLON));
	int pw = draw_text(st, y, 2, COLS - LV_QUERY_W - 6, buf, DRAW_LABEL, 0);
	int caret_y = y, caret_x = draw_field(st, y, 2 + pw, LV_QUERY_W, lv->q, 0);
	if (lv->flt != NULL)
		listview_draw_filters(a, lv, y + 1, &caret_y, &caret_x);

	int hy = y + 2 + (lv->flt != NULL), x = 1;
	for (int c = 0; c < lv->ls->n_columns && x < COLS - 1; c++) {
		int w = listview_col_width(lv, c, x);
		draw_text(st, hy, x, w, msg_text(lv->ls->columns[c].label), DRAW_HEADER, 0);
		x += w + 1;
	}
	draw_hline(st, hy + 1, 1, COLS - 2);
	for (int r = 0; r < (int)lv->n && r < lv->page; r++) {
		draw_role role = r == lv->sel ? DRAW_SELECT : DRAW_NORMAL;
		int ry = hy + 2 + r;
		if (role == DRAW_SELECT)
			draw_fill(st, ry, 1, COLS - 2, role);
		x = 1;
		for (int c = 0; c < lv->ls->n_columns && c < 8 && x < COLS - 1; c++) {
			int w = listview_col_width(lv, c, x);
			/* Cut by columns with a visible '~', so a wide character is never split. */
			text_pad(lv->rows[r].cells[c], w, 1, buf, sizeof buf);
			draw_text(st, ry, x, w, buf, role, 0);
			x += w + 1;
		}
	}
	if (lv->n == 0)
		draw_text(st, hy + 2, 2, COLS - 4, msg_text(MSG_UI_LIST_EMPTY), DRAW_NOTICE, 0);
	size_t pages = lv->total == 0 ? 1 : (lv->total + (size_t)lv->page - 1) / (size_t)lv->page;
	size_t at = lv->offset / (size_t)lv->page + 1;
	/* The search counts only a few pages ahead (db_count_bound): beyond, "… 条以上". */
	if (lv->total > db_count_bound(lv->offset, (size_t)lv->page))
		snprintf(buf, sizeof buf, msg_text(MSG_UI_LIST_PAGE_MANY), at, lv->total);
	else
		snprintf(buf, sizeof buf, msg_text(MSG_UI_LIST_PAGE), at, pages, lv->total);
	draw_text(st, LINES - 3, 2, COLS - 4, buf, DRAW_NORMAL, 0);
	app_caret(a, caret_y, caret_x);
}

/* ---- filters ---- */

/* Put the cursor on filter field i (-1: the query). */
static void listview_focus(app *a, listview *lv, int i)
{
	edit_free(lv->fed);
	lv->fed = NULL;
	lv->focus = i;
	if (i < 0)
		return;
	const field_spec *fs = form_field(lv->flt, i);
	lv->fed = edit_new(fs->max_chars > 0 ? fs->max_chars : 16);
	if (lv->fed == NULL || edit_set_utf8(lv->fed, form_value(lv->flt, i)) != 0) {
		edit_free(lv->fed);
		lv->fed = NULL;
		lv->focus = -1;
		return;
	}
	if (fs->hint != MSG_NONE)
		app_msg(a, APP_MSG_HINT, msg_text(fs->hint));
}

/*
 * Leave the filter being edited: its text is checked like a form field;
 * a refused value keeps the cursor there. Returns 0 when refused.
 */
static int listview_leave_filter(app *a, listview *lv)
{
	if (lv->focus < 0 || lv->fed == NULL)
		return 1;
	char text[256];
	if (edit_get_utf8(lv->fed, text, sizeof text) < 0)
		text[0] = '\0';
	if (strcmp(text, form_value(lv->flt, lv->focus)) == 0)
		return 1;
	err_info e;
	err_clear(&e);
	if (form_set_value(lv->flt, lv->focus, text, &e) != ERR_OK ||
	    form_leave_field(lv->flt, lv->focus, NULL, &e) != ERR_OK) {
		app_msg_err(a, &e);
		return 0;
	}
	edit_set_utf8(lv->fed, form_value(lv->flt, lv->focus));
	app_msg_clear(a);
	lv->offset = 0;
	lv->sel = 0;
	lv->stale = 1;
	return 1;
}

/* Tab: from the query through the filters and back. */
static void listview_cycle(app *a, listview *lv, int dir)
{
	if (!listview_leave_filter(a, lv))
		return;
	int n = form_n_fields(lv->flt);
	int next = lv->focus + dir;
	if (next >= n)
		next = -1;
	if (next < -1)
		next = n - 1;
	listview_focus(a, lv, next);
	if (next < 0)
		app_msg(a, APP_MSG_HINT, msg_text(MSG_UI_FILTER_HINT));
}

static void listview_filter_picked(app *a, void *ctx, const char *code)
{
	listview *lv = ctx;
	if (lv->fed != NULL && edit_set_utf8(lv->fed, code) == 0)
		listview_leave_filter(a, lv);
}

static void listview_filter_pick(app *a, listview *lv, const char *query)
{
	if (lv->focus < 0 || form_field(lv->flt, lv->focus)->type != FT_CODE) {
		app_msg(a, APP_MSG_ERROR, msg_text(MSG_UI_NO_PICKLIST));
		return;
	}
	picklist_open(a, lv->flt, lv->focus, query, lv->flt_y, listview_filter_picked, lv);
}

/* A key while a filter is being edited; 1 if it was taken. */
static int listview_filter_input(app *a, listview *lv, const keys_event *ev)
{
	err_info e;
	if (ev->kind == KE_CHAR) {
		const field_spec *fs = form_field(lv->flt, lv->focus);
		if (ev->ch == L'\n')
			return 1;
		if (fs->type == FT_CODE && ev->ch >= 0x80) {
			char q[8] = "";
			q[text_utf8_encode((uint32_t)ev->ch, q)] = '\0';
			listview_filter_pick(a, lv, q);
			return 1;
		}
		if (form_accepts_char(lv->flt, lv->focus, (uint32_t)ev->ch, &e) != ERR_OK)
			app_msg_err(a, &e);
		else if (edit_insert(lv->fed, ev->ch) != EDIT_OK)
			app_msg(a, APP_MSG_ERROR, msg_text(MSG_UI_FIELD_FULL_SHORT));
		return 1;
	}
	if (ev->kind != KE_ACTION)
		return 0;
	switch (ev->action) {
	case ACT_ENTER:
		if (listview_leave_filter(a, lv))
			listview_focus(a, lv, -1);
		return 1;
	case ACT_PICK:
		listview_filter_pick(a, lv, "");
		return 1;
	case ACT_LEFT:
		edit_left(lv->fed);
		return 1;
	case ACT_RIGHT:
		edit_right(lv->fed);
		return 1;
	case ACT_HOME:
		edit_home(lv->fed);
		return 1;
	case ACT_END:
		edit_end(lv->fed);
		return 1;
	case ACT_BACKSPACE:
		edit_backspace(lv->fed);
		return 1;
	case ACT_DELETE:
		edit_delete(lv->fed);
		return 1;
	case ACT_CLEAR:
		edit_clear(lv->fed);
		return 1;
	default:
		return 0;
	}
}

static void listview_form_closed(app *a, void *ctx, int saved)
{
	(void)a;
	listview *lv = ctx;
	if (saved)
		lv->stale = 1;
}

static void listview_open_record(app *a, listview *lv, formview_mode mode, int64_t id)
{
	err_info e;
	err_clear(&e);
	if (lv->ls->form == NULL) {
		app_msg(a, APP_MSG_ERROR, msg_text(MSG_UI_NOT_BUILT));
		return;
	}
	app_msg_clear(a);
	if (formview_open(a, lv->ls->form, mode, id, lv->readonly, listview_form_closed, lv, &e) !=
	    ERR_OK)
		app_msg_err(a, &e);
}

/* Move the selection by delta rows, turning pages at the edges. */
static void listview_step(listview *lv, int delta)
{
	long pos = (long)lv->offset + lv->sel + delta;
	if (pos < 0 || (lv->total > 0 && pos >= (long)lv->total) || lv->n == 0)
		return;
	size_t page = (size_t)lv->page;
	size_t off = (size_t)pos - (size_t)pos % page;
	if (off != lv->offset) {
		lv->offset = off;
		lv->stale = 1;
	}
	lv->sel = (int)((size_t)pos - off);
}

static void listview_turn(listview *lv, int dir)
{
	size_t page = (size_t)lv->page;
	if (dir > 0 && lv->offset + page < lv->total) {
		lv->offset += page;
		lv->stale = 1;
	} else if (dir < 0 && lv->offset > 0) {
		lv->offset = lv->offset > page ? lv->offset - page : 0;
		lv->stale = 1;
	} else {
		lv->sel = dir > 0 ? (int)lv->n - 1 : 0;
	}
}

static void listview_input(app *a, app_screen *s, const keys_event *ev)
{
	listview *lv = (listview *)s;
	if (lv->flt != NULL && ev->kind == KE_ACTION &&
	    ((ev->action == ACT_NEXT && ev->code != KEY_DOWN) ||
	     (ev->action == ACT_PREV && ev->code != KEY_UP))) {
		/* Tab and Shift-Tab go between the query and the filters; Up and Down move in the
		 * list. */
		listview_cycle(a, lv, ev->action == ACT_NEXT ? 1 : -1);
		return;
	}
	if (lv->focus >= 0 && listview_filter_input(a, lv, ev))
		return;
	if (ev->kind == KE_CHAR) {
		if (ev->ch != L'\n' && edit_insert(lv->q, ev->ch) != EDIT_OK)
			app_msg(a, APP_MSG_ERROR, msg_text(MSG_UI_FIELD_FULL_SHORT));
		return;
	}
	if (ev->kind == KE_PASTE) {
		char line[256];
		if (keys_paste_line(ev->text, line, sizeof line) < 0 ||
		    edit_insert_utf8(lv->q, line) != EDIT_OK)
			app_msg(a, APP_MSG_ERROR, msg_text(MSG_UI_FIELD_FULL_SHORT));
		return;
	}
	if (ev->kind != KE_ACTION)
		return;
	listview_refresh(a, lv);
	switch (ev->action) {
	case ACT_ENTER:
		if (lv->n == 0)
			app_msg(a, APP_MSG_ERROR, msg_text(MSG_UI_LIST_EMPTY));
		else
			listview_open_record(a, lv, FORMVIEW_LOAD, lv->rows[lv->sel].id);
		break;
	case ACT_NEW:
		if (!lv->readonly)
			listview_open_record(a, lv, FORMVIEW_NEW, 0);
		break;
	case ACT_FIND:
		edit_clear(lv->q);
		lv->stale = 1;
		app_msg(a, APP_MSG_NOTICE, msg_text(lv->ls->prompt));
		break;
	case ACT_BACK:
		app_msg_clear(a);
		app_remove(a, s);
		break;
	case ACT_NEXT:
		listview_step(lv, 1);
		break;
	case ACT_PREV:
		listview_step(lv, -1);
		break;
	case ACT_PGDN:
		listview_turn(lv, 1);
		break;
	case ACT_PGUP:
		listview_turn(lv, -1);
		break;
	case ACT_LEFT:
		edit_left(lv->q);
		break;
	case ACT_RIGHT:
		edit_right(lv->q);
		break;
	case ACT_HOME:
		edit_home(lv->q);
		break;
	case ACT_END:
		edit_end(lv->q);
		break;
	case ACT_BACKSPACE:
		edit_backspace(lv->q);
		break;
	case ACT_DELETE:
		edit_delete(lv->q);
		break;
	case ACT_CLEAR:
		edit_clear(lv->q);
		break;
	default:
		break;
	}
}

static void listview_destroy(app_screen *s)
{
	listview *lv = (listview *)s;
	edit_free(lv->fed);
	form_free(lv->flt);
	edit_free(lv->q);
	free(lv->rows);
	free(lv);
}

static const app_screen_ops listview_ops = {
    .draw = listview_draw,
    .input = listview_input,
    .destroy = listview_destroy,
};

err_code listview_open(app *a, const listing_spec *ls, int readonly, err_info *e)
{
	listview *lv = calloc(1, sizeof *lv);
	if (lv == NULL || (lv->q = edit_new(LV_QUERY_CHARS)) == NULL) {
		free(lv);
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	}
	lv->ls = ls;
	lv->readonly = readonly;
	lv->stale = 1;
	lv->focus = -1;
	if (ls->filter != NULL) {
		const operator_rec *op = app_operator(a);
		err_code c =
		    form_new(ls->filter, app_db(a), app_today(a), op ? op->id : 0, &lv->flt, e);
		if (c != ERR_OK) {
			edit_free(lv->q);
			free(lv);
			return c;
		}
	}
	lv->base.ops = &listview_ops;
	lv->base.title = msg_text(ls->title);
	lv->base.keys = KEYS_BIT(ACT_HELP) | KEYS_BIT(ACT_FIND) | KEYS_BIT(ACT_ENTER) |
	                KEYS_BIT(ACT_PGUP) | KEYS_BIT(ACT_PGDN) | KEYS_BIT(ACT_BACK) |
	                KEYS_BIT(ACT_QUIT);
	if (!readonly)
		lv->base.keys |= KEYS_BIT(ACT_NEW);
	if (lv->flt != NULL)
		lv->base.keys |= KEYS_BIT(ACT_PICK);
	app_push(a, &lv->base);
	if (lv->flt != NULL)
		app_msg(a, APP_MSG_HINT, msg_text(MSG_UI_FILTER_HINT));
	return ERR_OK;
}
