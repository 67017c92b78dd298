/*
 * login — the login screen (see login.h).
 */
#include "tui/login.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/office.h"
#include "db/operator.h"
#include "locale/msg.h"
#include "tui/edit.h"

#define LOGIN_BOX_W 48
#define LOGIN_BOX_H 9
#define LOGIN_FIELD_W 24
#define LOGIN_DELAY_MAX 30

enum { LOGIN_USER = 0, LOGIN_PASSWORD = 1 };

typedef struct login_screen {
	app_screen base;
	edit *field[2];
	int cur;              /* LOGIN_USER or LOGIN_PASSWORD */
	long long wait_until; /* monotonic ms before which no attempt is taken */
	char refused[256];    /* the message of the last failure, for the countdown */
	void (*on_login)(app *a);
} login_screen;

static long long login_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int login_delay(int failures)
{
	if (failures < 2)
		return 0;
	if (failures - 2 >= 5)
		return LOGIN_DELAY_MAX;
	int s = 1 << (failures - 2);
	return s < LOGIN_DELAY_MAX ? s : LOGIN_DELAY_MAX;
}

/* Seconds still to wait (rounded up), 0 when an attempt may be made. */
static int login_remaining(const login_screen *l)
{
	long long left = l->wait_until - login_now_ms();
	return left > 0 ? (int)((left + 999) / 1000) : 0;
}

static void login_show_wait(app *a, login_screen *l)
{
	int s = login_remaining(l);
	if (s > 0)
		app_msgf(a, APP_MSG_ERROR, msg_text(MSG_UI_LOGIN_WAIT), l->refused, s);
	else if (l->refused[0] != '\0')
		app_msg(a, APP_MSG_ERROR, l->refused);
}

static void login_draw(app *a, app_screen *s)
{
	login_screen *l = (login_screen *)s;
	const draw_style *st = app_style(a);
	int y = app_body_top(a) + (app_body_rows(a) - LOGIN_BOX_H) / 2;
	int x = (COLS - LOGIN_BOX_W) / 2;
	draw_box(st, y, x, LOGIN_BOX_H, LOGIN_BOX_W);
	draw_centred(st, y + 2, x + 1, LOGIN_BOX_W - 2, msg_text(MSG_UI_LOGIN_TITLE), DRAW_HEADER);
	static const msg_id labels[2] = {MSG_UI_LOGIN_USER, MSG_UI_LOGIN_PASSWORD};
	int fx = x + 14, caret = 0;
	for (int i = 0; i < 2; i++) {
		draw_text(st, y + 4 + i, x + 5, fx - x - 5, msg_text(labels[i]), DRAW_LABEL, 0);
		int c =
		    draw_field(st, y + 4 + i, fx, LOGIN_FIELD_W, l->field[i], i == LOGIN_PASSWORD);
		if (i == l->cur)
			caret = c;
	}
	if (l->wait_until > 0)
		login_show_wait(a, l);
	app_caret(a, y + 4 + l->cur, caret);
}

static int login_tick(app *a, app_screen *s)
{
	login_screen *l = (login_screen *)s;
	if (l->wait_until == 0)
		return -1;
	long long left = l->wait_until - login_now_ms();
	if (left <= 0) {
		/* The countdown is over: one last frame without it. */
		l->wait_until = 0;
		if (app_top(a) == s)
			app_msg(a, APP_MSG_ERROR, l->refused);
		return 0;
	}
	/* Wake when the shown number of seconds changes. */
	int ms = (int)(left % 1000);
	return ms > 0 ? ms : 1000;
}

static void login_fail(app *a, login_screen *l, const char *login, err_code code, const err_info *e)
{
	if (code == ERR_OP_BAD_LOGIN) {
		snprintf(l->refused, sizeof l->refused, "%s", err_text(code));
		int failures = 0;
		if (operator_failures(app_db(a), login, &failures, NULL) != ERR_OK)
			failures = 0;
		int delay = login_delay(failures);
		l->wait_until = delay > 0 ? login_now_ms() + delay * 1000LL : 0;
		app_msg(a, APP_MSG_ERROR, l->refused);
	} else if (code == ERR_OP_DISABLED) {
		l->refused[0] = '\0';
		app_msg(a, APP_MSG_ERROR, err_text(code));
	} else {
		l->refused[0] = '\0';
		app_msg_err(a, e);
	}
	edit_clear(l->field[LOGIN_PASSWORD]);
	l->cur = code == ERR_OP_DISABLED ? LOGIN_USER : LOGIN_PASSWORD;
}

static void login_attempt(app *a, login_screen *l)
{
	char login[128], password[512];
	if (login_remaining(l) > 0) {
		login_show_wait(a, l);
		return;
	}
	if (edit_get_utf8(l->field[LOGIN_USER], login, sizeof login) <= 0) {
		app_msg(a, APP_MSG_ERROR, msg_text(MSG_UI_LOGIN_NEED_USER));
		l->cur = LOGIN_USER;
		return;
	}
	if (edit_get_utf8(l->field[LOGIN_PASSWORD], password, sizeof password) < 0)
		password[0] = '\0';
	operator_rec op;
	err_info e;
	err_clear(&e);
	err_code c = operator_verify(app_db(a), login, password, &op, &e);
	memset(password, 0, sizeof password);
	if (c != ERR_OK) {
		login_fail(a, l, login, c, &e);
		return;
	}
	db_set_actor(app_db(a), op.id, op.login);
	office off;
	const char *office_name = "";
	if (op.office[0] != '\0' && office_get(app_db(a), op.office, &off, NULL) == ERR_OK)
		office_name = off.name;
	app_set_operator(a, &op, office_name);
	app_msg_clear(a);
	void (*next)(app *) = l->on_login;
	app_remove(a, &l->base);
	if (next != NULL)
		next(a);
}

static void login_input(app *a, app_screen *s, const keys_event *ev)
{
	login_screen *l = (login_screen *)s;
	edit *ed = l->field[l->cur];
	if (ev->kind == KE_CHAR) {
		if (ev->ch == L'\n')
			return; /* a pasted line end is no Enter */
		if (edit_insert(ed, ev->ch) == EDIT_FULL)
			app_msg(a, APP_MSG_ERROR, msg_text(MSG_UI_FIELD_FULL_SHORT));
		return;
	}
	if (ev->kind == KE_PASTE) {
		char line[1024];
		if (keys_paste_line(ev->text, line, sizeof line) < 0 ||
		    edit_insert_utf8(ed, line) != EDIT_OK)
			app_msg(a, APP_MSG_ERROR, msg_text(MSG_UI_FIELD_FULL_SHORT));
		return;
	}
	if (ev->kind != KE_ACTION)
		return;
	switch (ev->action) {
	case ACT_ENTER:
		if (l->cur == LOGIN_USER)
			l->cur = LOGIN_PASSWORD;
		else
			login_attempt(a, l);
		break;
	case ACT_NEXT:
	case ACT_PREV:
		l->cur = 1 - l->cur;
		break;
	case ACT_LEFT:
		edit_left(ed);
		break;
	case ACT_RIGHT:
		edit_right(ed);
		break;
	case ACT_HOME:
		edit_home(ed);
		break;
	case ACT_END:
		edit_end(ed);
		break;
	case ACT_BACKSPACE:
		edit_backspace(ed);
		break;
	case ACT_DELETE:
		edit_delete(ed);
		break;
	case ACT_CLEAR:
		edit_clear(ed);
		break;
	default:
		break;
	}
}

static void login_destroy(app_screen *s)
{
	login_screen *l = (login_screen *)s;
	edit_clear(l->field[LOGIN_PASSWORD]);
	edit_free(l->field[LOGIN_USER]);
	edit_free(l->field[LOGIN_PASSWORD]);
	free(l);
}

static const app_screen_ops login_ops = {
    .draw = login_draw,
    .input = login_input,
    .tick = login_tick,
    .destroy = login_destroy,
};

void login_open(app *a, void (*on_login)(app *a))
{
	login_screen *l = calloc(1, sizeof *l);
	if (l == NULL)
		return;
	l->field[LOGIN_USER] = edit_new(32);
	l->field[LOGIN_PASSWORD] = edit_new(256);
	if (l->field[LOGIN_USER] == NULL || l->field[LOGIN_PASSWORD] == NULL) {
		login_destroy(&l->base);
		return;
	}
	l->on_login = on_login;
	l->base.ops = &login_ops;
	l->base.title = msg_text(MSG_UI_APP_TITLE);
	l->base.keys =
	    KEYS_BIT(ACT_HELP) | KEYS_BIT(ACT_ENTER) | KEYS_BIT(ACT_NEXT) | KEYS_BIT(ACT_QUIT);
	app_push(a, &l->base);
}
