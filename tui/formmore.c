/*
 * formmore — a form's actions and child lists (see formmore.h).
 */
#include "tui/formmore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms/listing.h"
#include "locale/msg.h"
#include "locale/text.h"
#include "tui/formview.h"

#define MORE_W 44     /* popup width */
#define MORE_ITEMS 16 /* actions and lists offered at most */
#define MORE_TOTAL_CAP 10000

/* ---- the child list screen ---- */

typedef struct formmore_list {
	app_screen base;
	form *f;        /* the parent form (borrowed) */
	int k;          /* its sublist */
	int new_action; /* the action that makes rows of this list, -1 if none */
	char title[256];
	listing_row *rows;
	size_t n, total, offset;
	int page, sel, stale;
	void (*child_closed)(app *a, void *ctx, int saved);
	void *ctx;
} formmore_list;

static int formmore_list_page_rows(void)
{
	return LINES - 8;
}

static void formmore_list_refresh(app *a, formmore_list *l)
{
	int page = formmore_list_page_rows();
	if (page < 1)
		page = 1;
	if (page != l->page) {
		listing_row *r = realloc(l->rows, (size_t)page * sizeof *r);
		if (r == NULL) {
			app_msg(a, APP_MSG_ERROR, err_text(ERR_NOMEM));
			return;
		}
		l->rows = r;
		l->page = page;
		l->offset -= l->offset % (size_t)page;
		l->stale = 1;
	}
	if (!l->stale)
		return;
	err_info e;
	err_clear(&e);
	l->n = l->total = 0;
	if (form_sublist_rows(l->f, l->k, l->offset, (size_t)l->page, l->rows, &l->n, &l->total,
	                      &e) != ERR_OK) {
		l->n = l->total = 0;
		app_msg_err(a, &e);
	}
	l->stale = 0;
	if (l->sel >= (int)l->n)
		l->sel = l->n > 0 ? (int)l->n - 1 : 0;
}

static int formmore_list_col_width(const form_sublist *sl, int c, int x)
{
	int w = sl->columns[c].width;
	if (w <= 0 || x + w > COLS - 1)
		w = COLS - 1 - x;
	return w > 0 ? w : 0;
}

static void formmore_list_draw(app *a, app_screen *s)
{
	formmore_list *l = (formmore_list *)s;
	const draw_style *st = app_style(a);
	const form_sublist *sl = form_sublist_at(l->f, l->k);
	formmore_list_refresh(a, l);
	int hy = app_body_top(a) + 1, x = 1;
	char buf[1200];
	for (int c = 0; c < sl->n_columns && c < 8 && x < COLS - 1; c++) {
		int w = formmore_list_col_width(sl, c, x);
		draw_text(st, hy, x, w, msg_text(sl->columns[c].label), DRAW_HEADER, 0);
		x += w + 1;
	}
	draw_hline(st, hy + 1, 1, COLS - 2);
	for (int r = 0; r < (int)l->n && r < l->page; r++) {
		draw_role role = r == l->sel ? DRAW_SELECT : DRAW_NORMAL;
		int ry = hy + 2 + r;
		if (role == DRAW_SELECT)
			draw_fill(st, ry, 1, COLS - 2, role);
		x = 1;
		for (int c = 0; c < sl->n_columns && c < 8 && x < COLS - 1; c++) {
			int w = formmore_list_col_width(sl, c, x);
			text_pad(l->rows[r].cells[c], w, 1, buf, sizeof buf);
			draw_text(st, ry, x, w, buf, role, 0);
			x += w + 1;
		}
	}
	if (l->n == 0)
		draw_text(st, hy + 2, 2, COLS - 4, msg_text(MSG_UI_LIST_EMPTY), DRAW_NOTICE, 0);
	size_t pages = l->total == 0 ? 1 : (l->total + (size_t)l->page - 1) / (size_t)l->page;
	size_t at = l->offset / (size_t)l->page + 1;
	if (l->total >= MORE_TOTAL_CAP)
		snprintf(buf, sizeof buf, msg_text(MSG_UI_LIST_PAGE_MANY), at, l->total);
	else
		snprintf(buf, sizeof buf, msg_text(MSG_UI_LIST_PAGE), at, pages, l->total);
	draw_text(st, LINES - 3, 2, COLS - 4, buf, DRAW_NORMAL, 0);
	app_caret(a, l->n > 0 ? hy + 2 + l->sel : hy + 2, 1);
}

/* A row's form closed: the list and the parent show what is stored now. */
static void formmore_list_child_closed(app *a, void *ctx, int saved)
{
	formmore_list *l = ctx;
	if (saved)
		l->stale = 1;
	if (l->child_closed != NULL)
		l->child_closed(a, l->ctx, saved);
}

static void formmore_list_open_row(app *a, formmore_list *l)
{
	err_info e;
	err_clear(&e);
	form *child = NULL;
	if (l->n == 0) {
		app_msg(a, APP_MSG_ERROR, msg_text(MSG_UI_LIST_EMPTY));
		return;
	}
	if (form_sublist_at(l->f, l->k)->form == NULL)
		return; /* rows only shown */
	app_msg_clear(a);
	if (form_sublist_open(l->f, l->k, l->rows[l->sel].id, &child, &e) != ERR_OK ||
	    formview_open_form(a, child, 0, formmore_list_child_closed, l, &e) != ERR_OK)
		app_msg_err(a, &e);
}

static void formmore_list_new_row(app *a, formmore_list *l)
{
	err_info e;
	err_clear(&e);
	form *child = NULL;
	if (l->new_action < 0)
		return;
	app_msg_clear(a);
	if (form_action_open(l->f, l->new_action, &child, &e) != ERR_OK ||
	    formview_open_form(a, child, 0, formmore_list_child_closed, l, &e) != ERR_OK)
		app_msg_err(a, &e);
}

static void formmore_list_step(formmore_list *l, int delta)
{
	long pos = (long)l->offset + l->sel + delta;
	if (pos < 0 || l->n == 0 || (l->total > 0 && pos >= (long)l->total))
		return;
	size_t page = (size_t)l->page;
	size_t off = (size_t)pos - (size_t)pos % page;
	if (off != l->offset) {
		l->offset = off;
		l->stale = 1;
	}
	l->sel = (int)((size_t)pos - off);
}

static void formmore_list_input(app *a, app_screen *s, const keys_event *ev)
{
	formmore_list *l = (formmore_list *)s;
	if (ev->kind != KE_ACTION)
		return;
	formmore_list_refresh(a, l);
	size_t page = (size_t)(l->page > 0 ? l->page : 1);
	switch (ev->action) {
	case ACT_ENTER:
		formmore_list_open_row(a, l);
		break;
	case ACT_NEW:
		formmore_list_new_row(a, l);
		break;
	case ACT_NEXT:
		formmore_list_step(l, 1);
		break;
	case ACT_PREV:
		formmore_list_step(l, -1);
		break;
	case ACT_PGDN:
		if (l->offset + page < l->total) {
			l->offset += page;
			l->stale = 1;
		}
		break;
	case ACT_PGUP:
		if (l->offset > 0) {
			l->offset = l->offset > page ? l->offset - page : 0;
			l->stale = 1;
		}
		break;
	case ACT_BACK:
		app_msg_clear(a);
		app_remove(a, s);
		break;
	default:
		break;
	}
}

static void formmore_list_destroy(app_screen *s)
{
	formmore_list *l = (formmore_list *)s;
	free(l->rows);
	free(l);
}

static const app_screen_ops formmore_list_ops = {
    .draw = formmore_list_draw,
    .input = formmore_list_input,
    .destroy = formmore_list_destroy,
};

static void formmore_list_open(app *a, form *f, int k,
                               void (*child_closed)(app *a, void *ctx, int saved), void *ctx)
{
	formmore_list *l = calloc(1, sizeof *l);
	if (l == NULL) {
		app_msg(a, APP_MSG_ERROR, err_text(ERR_NOMEM));
		return;
	}
	const form_sublist *sl = form_sublist_at(f, k);
	l->f = f;
	l->k = k;
	l->stale = 1;
	l->child_closed = child_closed;
	l->ctx = ctx;
	l->new_action = -1;
	for (int i = 0; i < form_n_actions(f) && l->new_action < 0; i++)
		if (form_action_at(f, i)->form == sl->form && form_action_enabled(f, i))
			l->new_action = i;
	snprintf(l->title, sizeof l->title, msg_text(MSG_UI_SUBLIST_TITLE),
	         msg_text(form_get_spec(f)->title), msg_text(sl->title));
	l->base.ops = &formmore_list_ops;
	l->base.title = l->title;
	l->base.keys = KEYS_BIT(ACT_HELP) | KEYS_BIT(ACT_PGUP) | KEYS_BIT(ACT_PGDN) |
	               KEYS_BIT(ACT_BACK) | KEYS_BIT(ACT_QUIT);
	if (sl->form != NULL)
		l->base.keys |= KEYS_BIT(ACT_ENTER);
	if (l->new_action >= 0)
		l->base.keys |= KEYS_BIT(ACT_NEW);
	app_push(a, &l->base);
}

/* ---- the popup ---- */

typedef struct formmore {
	app_screen base;
	form *f;
	int anchor;
	int n;                  /* items: actions first, then child lists */
	int action[MORE_ITEMS]; /* action index, or -1 for a child list */
	int list[MORE_ITEMS];   /* sublist index, or -1 for an action */
	char text[MORE_ITEMS][192];
	int sel;
	void (*child_closed)(app *a, void *ctx, int saved);
	void *ctx;
} formmore;

static void formmore_draw(app *a, app_screen *s)
{
	formmore *m = (formmore *)s;
	const draw_style *st = app_style(a);
	int h = m->n + 4, top = app_body_top(a), bottom = LINES - 3;
	/* Below the field if it fits, else above it, else wherever there is room. */
	int y = m->anchor + 1;
	if (y + h > bottom)
		y = m->anchor - h;
	if (y < top)
		y = top;
	int x = (COLS - MORE_W) / 2;
	draw_box(st, y, x, h, MORE_W);
	char line[256];
	snprintf(line, sizeof line, msg_text(MSG_UI_MORE_TITLE),
	         msg_text(form_get_spec(m->f)->title));
	draw_text(st, y + 1, x + 2, MORE_W - 4, line, DRAW_HEADER, 0);
	draw_hline(st, y + 2, x + 1, MORE_W - 2);
	for (int i = 0; i < m->n; i++) {
		snprintf(line, sizeof line, " %s", m->text[i]);
		draw_text(st, y + 3 + i, x + 1, MORE_W - 2, line,
		          i == m->sel ? DRAW_SELECT : DRAW_NORMAL, 1);
	}
	app_caret(a, y + 3 + m->sel, x + 2);
}

static void formmore_choose(app *a, formmore *m)
{
	form *f = m->f;
	void (*cb)(app *, void *, int) = m->child_closed;
	void *ctx = m->ctx;
	int action = m->action[m->sel], list = m->list[m->sel];
	err_info e;
	err_clear(&e);
	if (action >= 0) {
		form *child = NULL;
		if (form_action_open(f, action, &child, &e) != ERR_OK) {
			app_msg_err(a, &e); /* the popup stays: another choice may do */
			return;
		}
		app_remove(a, &m->base); /* m is gone */
		app_msg_clear(a);
		if (formview_open_form(a, child, 0, cb, ctx, &e) != ERR_OK)
			app_msg_err(a, &e);
		return;
	}
	app_remove(a, &m->base);
	app_msg_clear(a);
	formmore_list_open(a, f, list, cb, ctx);
}

static void formmore_input(app *a, app_screen *s, const keys_event *ev)
{
	formmore *m = (formmore *)s;
	if (ev->kind != KE_ACTION)
		return;
	switch (ev->action) {
	case ACT_NEXT:
		m->sel = (m->sel + 1) % m->n;
		break;
	case ACT_PREV:
		m->sel = (m->sel + m->n - 1) % m->n;
		break;
	case ACT_ENTER:
		formmore_choose(a, m);
		break;
	case ACT_BACK:
	case ACT_MORE:
		app_remove(a, s);
		break;
	default:
		break;
	}
}

static void formmore_destroy(app_screen *s)
{
	free(s);
}

static const app_screen_ops formmore_ops = {
    .draw = formmore_draw,
    .input = formmore_input,
    .destroy = formmore_destroy,
};

void formmore_open(app *a, form *f, int anchor, void (*child_closed)(app *a, void *ctx, int saved),
                   void *ctx)
{
	formmore *m = calloc(1, sizeof *m);
	if (m == NULL) {
		app_msg(a, APP_MSG_ERROR, err_text(ERR_NOMEM));
		return;
	}
	m->f = f;
	m->anchor = anchor;
	m->child_closed = child_closed;
	m->ctx = ctx;
	for (int k = 0; k < form_n_actions(f) && m->n < MORE_ITEMS; k++) {
		const form_action *act = form_action_at(f, k);
		m->action[m->n] = k;
		m->list[m->n] = -1;
		snprintf(m->text[m->n], sizeof m->text[0], "%s%s", msg_text(act->label),
		         form_action_enabled(f, k) ? "" : msg_text(MSG_UI_MORE_OFF));
		m->n++;
	}
	for (int k = 0; k < form_n_sublists(f) && m->n < MORE_ITEMS; k++) {
		listing_row row;
		size_t n = 0, total = 0;
		if (form_sublist_rows(f, k, 0, 1, &row, &n, &total, NULL) != ERR_OK)
			total = 0;
		m->action[m->n] = -1;
		m->list[m->n] = k;
		snprintf(m->text[m->n], sizeof m->text[0], msg_text(MSG_UI_MORE_ROWS),
		         msg_text(form_sublist_at(f, k)->title), total);
		m->n++;
	}
	if (m->n == 0) {
		free(m);
		app_msg(a, APP_MSG_ERROR, msg_text(MSG_UI_MORE_NONE));
		return;
	}
	m->base.ops = &formmore_ops;
	m->base.popup = 1;
	m->base.keys = KEYS_BIT(ACT_ENTER) | KEYS_BIT(ACT_BACK);
	app_push(a, &m->base);
}
