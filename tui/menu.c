/*
 * menu — the main menu of the operator's workflows (see menu.h).
 */
#include "tui/menu.h"

#include <stdio.h>
#include <stdlib.h>

#include "forms/workflow.h"
#include "locale/msg.h"
#include "tui/formview.h"
#include "tui/listview.h"

#define MENU_MAX 16 /* workflows listed at most */

typedef struct menu {
	app_screen base;
	int items[MENU_MAX]; /* workflow indexes the role may use, in table order */
	int n;
	int sel; /* selected item */
} menu;

static void menu_draw(app *a, app_screen *s)
{
	menu *m = (menu *)s;
	const draw_style *st = app_style(a);
	int y = app_body_top(a) + 2, x = 6;
	draw_text(st, y, x - 2, COLS - x, msg_text(MSG_UI_MENU_PROMPT), DRAW_HEADER, 0);
	char line[256];
	for (int i = 0; i < m->n; i++) {
		const workflow *w = workflow_get(m->items[i]);
		int ready = w->listing != NULL || w->form != NULL;
		snprintf(line, sizeof line, " %c  %s%s ", w->hotkey, msg_text(w->title),
		         ready ? "" : msg_text(MSG_WF_BUILDING));
		draw_text(st, y + 2 + i, x, COLS - x - 2, line,
		          i == m->sel ? DRAW_SELECT : DRAW_NORMAL, 0);
	}
	app_caret(a, y + 2 + m->sel, x + 1);
}

static void menu_open_item(app *a, menu *m, int i)
{
	const workflow *w = workflow_get(m->items[i]);
	const operator_rec *op = app_operator(a);
	int readonly = op == NULL || !workflow_can_edit(op->role, m->items[i]);
	err_info e;
	err_clear(&e);
	m->sel = i;
	err_code c = ERR_OK;
	app_msg_clear(a);
	if (w->listing != NULL)
		c = listview_open(a, w->listing, readonly, &e);
	else if (w->form != NULL)
		c = formview_open(a, w->form, FORMVIEW_NEW, 0, readonly, NULL, NULL, &e);
	else {
		app_msg(a, APP_MSG_ERROR, msg_text(MSG_UI_NOT_BUILT));
		return;
	}
	if (c != ERR_OK)
		app_msg_err(a, &e);
}

static void menu_input(app *a, app_screen *s, const keys_event *ev)
{
	menu *m = (menu *)s;
	if (m->n == 0)
		return;
	if (ev->kind == KE_CHAR) {
		for (int i = 0; i < m->n; i++)
			if ((wchar_t)workflow_get(m->items[i])->hotkey == ev->ch) {
				menu_open_item(a, m, i);
				return;
			}
		return;
	}
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
		menu_open_item(a, m, m->sel);
		break;
	case ACT_BACK:
		/* Nothing drastic on a bare Esc: say how to leave. */
		app_msg(a, APP_MSG_NOTICE, msg_text(MSG_UI_MENU_HOW_TO_QUIT));
		break;
	default:
		break;
	}
}

static void menu_destroy(app_screen *s)
{
	free(s);
}

static const app_screen_ops menu_ops = {
    .draw = menu_draw,
    .input = menu_input,
    .destroy = menu_destroy,
};

void menu_open(app *a)
{
	menu *m = calloc(1, sizeof *m);
	if (m == NULL)
		return;
	const operator_rec *op = app_operator(a);
	for (int i = 0; i < workflow_count() && m->n < MENU_MAX; i++)
		if (op != NULL && workflow_visible(op->role, i))
			m->items[m->n++] = i;
	m->base.ops = &menu_ops;
	m->base.title = msg_text(MSG_UI_MENU_TITLE);
	m->base.keys = KEYS_BIT(ACT_HELP) | KEYS_BIT(ACT_ENTER) | KEYS_BIT(ACT_QUIT);
	app_push(a, &m->base);
}
