/*
 * tui — login, drafts offered back, then the main menu (see tui.h).
 */
#include "tui/tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/draft.h"
#include "forms/workflow.h"
#include "locale/msg.h"
#include "tui/app.h"
#include "tui/formview.h"
#include "tui/login.h"
#include "tui/menu.h"

/* The drafts still to offer after login. */
typedef struct tui_drafts {
	draft_list list;
	size_t next;
} tui_drafts;

/*
 * The form a draft belongs to (a workflow's form or one of its child
 * forms), if the role may use that workflow; NULL if not.
 */
static const form_spec *tui_draft_form(const operator_rec *op, const char *form_id, int *readonly)
{
	int i = -1;
	const form_spec *spec = workflow_form_spec(form_id, &i);
	if (spec == NULL || !workflow_visible(op->role, i))
		return NULL;
	*readonly = !workflow_can_edit(op->role, i);
	return spec;
}

static void tui_offer_next(app *a, tui_drafts *d);

static void tui_draft_answer(app *a, void *ctx, app_answer ans)
{
	tui_drafts *d = ctx;
	if (ans == APP_ANSWER_GONE) {
		draft_list_free(&d->list);
		free(d);
		return;
	}
	const draft_info *info = &d->list.items[d->next++];
	int readonly = 0;
	const form_spec *spec = tui_draft_form(app_operator(a), info->form, &readonly);
	err_info e;
	err_clear(&e);
	if (ans == APP_ANSWER_YES && spec != NULL) {
		if (formview_open(a, spec, FORMVIEW_DRAFT, 0, readonly, NULL, NULL, &e) == ERR_OK)
			app_msg(a, APP_MSG_NOTICE, msg_text(MSG_UI_DRAFT_RESTORED));
		else
			app_msg_err(a, &e);
	} else if (ans == APP_ANSWER_NO && draft_delete(app_db(a), info->form, &e) != ERR_OK) {
		app_msg_err(a, &e);
	}
	/* Esc leaves the draft for the next login. */
	tui_offer_next(a, d);
}

static void tui_offer_next(app *a, tui_drafts *d)
{
	const operator_rec *op = app_operator(a);
	while (d->next < d->list.n) {
		const draft_info *info = &d->list.items[d->next];
		int readonly = 0;
		const form_spec *spec = tui_draft_form(op, info->form, &readonly);
		if (spec == NULL) {
			d->next++; /* a form this role cannot open: left for whoever can */
			continue;
		}
		char q[400];
		snprintf(q, sizeof q, msg_text(MSG_UI_DRAFT_OFFER), msg_text(spec->title));
		app_ask(a, q, tui_draft_answer, d);
		return;
	}
	draft_list_free(&d->list);
	free(d);
}

static void tui_after_login(app *a)
{
	menu_open(a);
	tui_drafts *d = calloc(1, sizeof *d);
	if (d == NULL)
		return;
	err_info e;
	if (draft_list_mine(app_db(a), &d->list, &e) != ERR_OK) {
		app_msg_err(a, &e);
		free(d);
		return;
	}
	tui_offer_next(a, d);
}

int tui_run_path(const char *path, lb_date today)
{
	app *a = NULL;
	if (app_new(NULL, today, &a, NULL) != ERR_OK)
		return 1;
	app_open_after_first_frame(a, path);
	login_open(a, tui_after_login);
	int rc = app_run(a);
	err_info why = *app_open_error(a);
	app_free(a);
	if (why.code != ERR_OK) {
		char buf[512];
		fprintf(stderr, "laobao: %s\n", err_format(&why, buf, sizeof buf));
		return 1;
	}
	return rc;
}

int tui_run(db *d, lb_date today)
{
	app *a = NULL;
	if (app_new(d, today, &a, NULL) != ERR_OK)
		return 1;
	login_open(a, tui_after_login);
	int rc = app_run(a);
	app_free(a);
	return rc;
}
