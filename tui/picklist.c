/*
 * picklist — popup list of a code table's choices (see picklist.h).
 */
#include "tui/picklist.h"

#include <stdlib.h>
#include <string.h>

#include "locale/msg.h"
#include "tui/edit.h"

#define PICK_MAX 300        /* choices fetched at most */
#define PICK_W 44           /* box width */
#define PICK_QUERY 20       /* characters of the filter */
#define PICK_MIN_H 8        /* rows of the popup: at least three choices */
#define PICK_MAX_H 18       /* … and at most this many rows */
#define FORM_CODES_TEXT 512 /* bytes of a multi-select set */

typedef struct picklist {
	app_screen base;
	form *f;
	int field;
	edit *q;             /* the filter being typed */
	char shown_for[128]; /* the filter the choices were fetched for */
	int fetched;         /* choices are up to date for shown_for */
	form_choice items[PICK_MAX];
	size_t n;
	int sel, top;                 /* selected item, first item shown */
	int page;                     /* rows of items the box shows */
	int anchor;                   /* screen row the popup keeps clear of */
	size_t all;                   /* choices with an empty filter, for the height */
	int multi;                    /* ticks several choices */
	char chosen[FORM_CODES_TEXT]; /* multi: the ticked codes, "01,04" */
	void (*pick)(app *a, void *ctx, const char *code);
	void *ctx;
} picklist;

/* 1 if the comma-joined set has code. */
static int picklist_has(const char *set, const char *code)
{
	size_t n = strlen(code);
	for (const char *p = set; n > 0 && *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && strncmp(p, code, n) == 0)
			return 1;
		if (end == NULL)
			break;
		p = end + 1;
	}
	return 0;
}

/* Tick code, or untick it when ticked (the engine sorts the set when the field is left). */
static void picklist_toggle(picklist *p, const char *code)
{
	char out[FORM_CODES_TEXT] = "";
	size_t used = 0;
	int had = 0;
	for (const char *q = p->chosen; *q;) {
		const char *end = strchr(q, ',');
		size_t len = end ? (size_t)(end - q) : strlen(q);
		if (len == strlen(code) && strncmp(q, code, len) == 0)
			had = 1;
		else if (len > 0 && used + len + 2 < sizeof out) {
			if (used > 0)
				out[used++] = ',';
			memcpy(out + used, q, len);
			used += len;
			out[used] = '\0';
		}
		if (end == NULL)
			break;
		q = end + 1;
	}
	if (!had && used + strlen(code) + 2 < sizeof out)
		snprintf(out + used, sizeof out - used, "%s%s", used > 0 ? "," : "", code);
	snprintf(p->chosen, sizeof p->chosen, "%s", out);
}

/* Fetch the choices again if the filter changed since they were fetched. */
static void picklist_refresh(app *a, picklist *p)
{
	char query[128];
	if (edit_get_utf8(p->q, query, sizeof query) < 0)
		query[0] = '\0';
	if (p->fetched && strcmp(query, p->shown_for) == 0)
		return;
	err_info e;
	p->n = 0;
	if (form_choices(p->f, p->field, query, p->items, PICK_MAX, &p->n, &e) != ERR_OK) {
		p->n = 0;
		app_msg_err(a, &e);
	}
	snprintf(p->shown_for, sizeof p->shown_for, "%s", query);
	p->fetched = 1;
	p->sel = p->top = 0;
}

static void picklist_draw(app *a, app_screen *s)
{
	picklist *p = (picklist *)s;
	const draw_style *st = app_style(a);
	picklist_refresh(a, p);
	/* Above or below the field, on the side with more room. */
	int top = app_body_top(a), bottom = LINES - 3;
	int above = p->anchor - top, below = bottom - p->anchor;
	int room = above > below ? above : below;
	int h = (int)p->all + 5;
	if (h < PICK_MIN_H)
		h = PICK_MIN_H;
	if (h > PICK_MAX_H)
		h = PICK_MAX_H;
	if (h > room)
		h = room;
	int y = above > below ? p->anchor - h : p->anchor + 1, x = (COLS - PICK_W) / 2;
	p->page = h - 5;
	if (p->sel >= (int)p->n)
		p->sel = p->n > 0 ? (int)p->n - 1 : 0;
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + p->page)
		p->top = p->sel - p->page + 1;
	draw_box(st, y, x, h, PICK_W);
	char line[256];
	snprintf(line, sizeof line, msg_text(MSG_UI_PICK_TITLE),
	         msg_text(form_field(p->f, p->field)->label));
	draw_text(st, y + 1, x + 2, PICK_W - 14, line, DRAW_HEADER, 0);
	snprintf(line, sizeof line, "%d/%zu", p->n ? p->sel + 1 : 0, p->n);
	draw_text(st, y + 1, x + PICK_W - 2 - (int)strlen(line), (int)strlen(line), line,
	          DRAW_NORMAL, 0);
	const char *lbl = msg_text(MSG_UI_PICK_FILTER);
	int lw = draw_width(lbl);
	draw_text(st, y + 2, x + 2, lw, lbl, DRAW_LABEL, 0);
	int caret = draw_field(st, y + 2, x + 2 + lw, PICK_W - 6 - lw, p->q, 0);
	draw_hline(st, y + 3, x + 1, PICK_W - 2);
	if (p->n == 0)
		draw_text(st, y + 4, x + 2, PICK_W - 4, msg_text(MSG_UI_PICK_NONE), DRAW_NOTICE, 0);
	for (int r = 0; r < p->page && p->top + r < (int)p->n; r++) {
		const form_choice *c = &p->items[p->top + r];
		if (p->multi)
			snprintf(line, sizeof line, " %s %-6s %s",
			         picklist_has(p->chosen, c->code) ? "[x]" : "[ ]", c->code,
			         c->name);
		else
			snprintf(line, sizeof line, " %-6s %s", c->code, c->name);
		draw_text(st, y + 4 + r, x + 1, PICK_W - 2, line,
		          p->top + r == p->sel ? DRAW_SELECT : DRAW_NORMAL, 1);
	}
	app_caret(a, y + 2, caret);
}

static void picklist_close(app *a, picklist *p, int take)
{
	char code[sizeof p->items[0].code];
	void (*cb)(app *, void *, const char *) = p->pick;
	void *ctx = p->ctx;
	if (p->multi) {
		char set[FORM_CODES_TEXT];
		snprintf(set, sizeof set, "%s", p->chosen);
		app_remove(a, &p->base);
		app_msg_clear_hint(a);
		if (take && cb != NULL)
			cb(a, ctx, set);
		return;
	}
	take = take && p->n > 0;
	if (take)
		snprintf(code, sizeof code, "%s", p->items[p->sel].code);
	app_remove(a, &p->base);
	if (take && cb != NULL)
		cb(a, ctx, code);
}

static void picklist_input(app *a, app_screen *s, const keys_event *ev)
{
	picklist *p = (picklist *)s;
	if (ev->kind == KE_CHAR && p->multi && ev->ch == L' ' && !ev->pasted) {
		picklist_refresh(a, p);
		if (p->n > 0)
			picklist_toggle(p, p->items[p->sel].code);
		return;
	}
	if (ev->kind == KE_CHAR) {
		if (ev->ch != L'\n' && edit_insert(p->q, ev->ch) != EDIT_OK)
			app_msg(a, APP_MSG_ERROR, msg_text(MSG_UI_FIELD_FULL_SHORT));
		return;
	}
	if (ev->kind == KE_PASTE) {
		char line[256];
		if (keys_paste_line(ev->text, line, sizeof line) < 0 ||
		    edit_insert_utf8(p->q, line) != EDIT_OK)
			app_msg(a, APP_MSG_ERROR, msg_text(MSG_UI_FIELD_FULL_SHORT));
		return;
	}
	if (ev->kind != KE_ACTION)
		return;
	picklist_refresh(a, p);
	int page = p->page > 0 ? p->page : 1;
	switch (ev->action) {
	case ACT_ENTER:
		if (p->n == 0 && !p->multi) {
			app_msg(a, APP_MSG_ERROR, msg_text(MSG_UI_PICK_NONE));
			return;
		}
		picklist_close(a, p, 1);
		return;
	case ACT_BACK:
		picklist_close(a, p, 0);
		return;
	case ACT_NEXT:
		p->sel++;
		break;
	case ACT_PREV:
		p->sel--;
		break;
	case ACT_PGDN:
		p->sel += page;
		break;
	case ACT_PGUP:
		p->sel -= page;
		break;
	case ACT_LEFT:
		edit_left(p->q);
		break;
	case ACT_RIGHT:
		edit_right(p->q);
		break;
	case ACT_HOME:
		edit_home(p->q);
		break;
	case ACT_END:
		edit_end(p->q);
		break;
	case ACT_BACKSPACE:
		edit_backspace(p->q);
		break;
	case ACT_DELETE:
		edit_delete(p->q);
		break;
	case ACT_CLEAR:
		edit_clear(p->q);
		break;
	default:
		break;
	}
	if (p->sel >= (int)p->n)
		p->sel = p->n > 0 ? (int)p->n - 1 : 0;
	if (p->sel < 0)
		p->sel = 0;
}

static void picklist_destroy(app_screen *s)
{
	picklist *p = (picklist *)s;
	edit_free(p->q);
	free(p);
}

static const app_screen_ops picklist_ops = {
    .draw = picklist_draw,
    .input = picklist_input,
    .destroy = picklist_destroy,
};

/* Open either kind; multi with the set `chosen`. */
static void picklist_start(app *a, form *f, int field, int multi, const char *chosen,
                           const char *query, int anchor,
                           void (*pick)(app *a, void *ctx, const char *code), void *ctx)
{
	picklist *p = calloc(1, sizeof *p);
	if (p == NULL)
		return;
	p->q = edit_new(PICK_QUERY);
	if (p->q == NULL) {
		free(p);
		return;
	}
	if (query != NULL && edit_set_utf8(p->q, query) != 0)
		edit_clear(p->q);
	p->f = f;
	p->field = field;
	p->anchor = anchor;
	p->multi = multi;
	snprintf(p->chosen, sizeof p->chosen, "%s", chosen ? chosen : "");
	/* The height follows the whole table, so typing does not resize the box. */
	if (form_choices(f, field, "", p->items, PICK_MAX, &p->all, NULL) != ERR_OK)
		p->all = PICK_MAX;
	p->pick = pick;
	p->ctx = ctx;
	p->base.ops = &picklist_ops;
	p->base.popup = 1;
	p->base.keys =
	    KEYS_BIT(ACT_ENTER) | KEYS_BIT(ACT_PGUP) | KEYS_BIT(ACT_PGDN) | KEYS_BIT(ACT_BACK);
	app_push(a, &p->base);
	if (multi)
		app_msg(a, APP_MSG_HINT, msg_text(MSG_UI_PICK_MULTI));
}

void picklist_open(app *a, form *f, int field, const char *query, int anchor,
                   void (*pick)(app *a, void *ctx, const char *code), void *ctx)
{
	picklist_start(a, f, field, 0, NULL, query, anchor, pick, ctx);
}

void picklist_open_multi(app *a, form *f, int field, const char *chosen, const char *query,
                         int anchor, void (*pick)(app *a, void *ctx, const char *codes), void *ctx)
{
	picklist_start(a, f, field, 1, chosen, query, anchor, pick, ctx);
}
