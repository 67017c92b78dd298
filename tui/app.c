/*
 * app — the application context and loop (see app.h).
 */
#include "tui/app.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <time.h>
#include <unistd.h>

#include "db/setting.h"
#include "locale/msg.h"
#include "locale/text.h"

/* How long the loop sleeps at most without input when no screen asks for a tick. */
#define APP_IDLE_MS 1000
/* A terminal that keeps answering "nothing" at once is gone, not idle. */
#define APP_EMPTY_READS 50
/* Largest paste kept; no field holds nearly as much, so a longer one is refused whole. */
#define APP_PASTE_MAX 65536

struct app {
	db *db;              /* borrowed, or owned when opened by app_open_after_first_frame */
	const char *db_path; /* to open after the first frame, or NULL */
	int db_owned;        /* app_free closes db */
	err_info open_err;   /* why the deferred open failed (code ERR_OK if it did not) */
	lb_date today;       /* for dates, ages, deadlines */
	operator_rec op;     /* who logged in */
	int logged_in;       /* op is valid */
	char office[192];    /* the operator's office name, UTF-8 */
	draw_style style;    /* colours, borders */
	app_screen *top;     /* screen stack */
	char msg[512];       /* message line, UTF-8, "" when empty */
	app_msg_kind msg_kind;
	int caret_y, caret_x; /* hardware cursor for this frame, -1 none */
	int frame_fd;         /* LAOBAO_FRAME_FD, or -1 */
	int quit;             /* leave the loop */
	int pasting;          /* inside a bracketed paste */
	char *paste;          /* the paste so far, UTF-8 */
	size_t paste_len, paste_cap;
	int paste_on; /* bracketed paste was switched on */
	int keys_on;  /* keypad and the extra key sequences are set up */
	SCREEN *scr;  /* the curses screen */
	/* A long piece of work under way (app_progress), drawn over the screens. */
	struct {
		int on;
		char step[96];  /* "正在导出" */
		char item[128]; /* the file */
		uint64_t done, total;
		long long t0, shown; /* when the step started and was last drawn, ms */
	} prog;
};

/* Set by the SIGHUP/SIGTERM handler; the loop saves drafts and ends. */
static volatile sig_atomic_t app_signalled;

static void app_on_signal(int sig)
{
	(void)sig;
	app_signalled = 1;
}

static int app_frame_fd(void)
{
	const char *s = getenv("LAOBAO_FRAME_FD");
	if (s == NULL || *s == '\0')
		return -1;
	char *end;
	long fd = strtol(s, &end, 10);
	if (*end != '\0' || fd < 3 || fd > 1024 || fcntl((int)fd, F_GETFD) < 0)
		return -1;
	/* Never let a harness that stopped reading stall the program. */
	fcntl((int)fd, F_SETFL, fcntl((int)fd, F_GETFL) | O_NONBLOCK);
	fcntl((int)fd, F_SETFD, FD_CLOEXEC);
	return (int)fd;
}

static int app_want_ascii(db *d)
{
	const char *env = getenv("LAOBAO_ASCII");
	if (env != NULL && strcmp(env, "1") == 0)
		return 1;
	char v[32];
	if (d != NULL && setting_get(d, "tui.borders", "", v, sizeof v, NULL) == ERR_OK)
		return strcmp(v, "ascii") == 0;
	return 0;
}

err_code app_new(db *d, lb_date today, app **out, err_info *e)
{
	*out = NULL;
	if (setlocale(LC_ALL, "") == NULL) {
		fprintf(stderr, "laobao: %s\n", msg_text(MSG_UI_NO_LOCALE));
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "LANG");
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "laobao: %s\n", msg_text(MSG_UI_NEED_TTY));
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "tty");
	}
	app *a = calloc(1, sizeof *a);
	if (a == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	a->db = d;
	a->today = today;
	a->caret_y = a->caret_x = -1;
	a->frame_fd = app_frame_fd();

	/* Before curses starts, so ncurses leaves these signals to us. */
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = app_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	/* Ctrl-C is a key in raw mode; a SIGINT from elsewhere must not skip the drafts. */
	sigaction(SIGINT, &sa, NULL);

	a->scr = newterm(NULL, stdout, stdin);
	if (a->scr == NULL) {
		const char *term = getenv("TERM");
		fprintf(stderr, "laobao: ");
		fprintf(stderr, msg_text(MSG_UI_BAD_TERM), term ? term : "");
		fputc('\n', stderr);
		free(a);
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "TERM");
	}
	set_term(a->scr);
	raw();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	idlok(stdscr, TRUE);
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(200);
	curs_set(1);
	draw_style_init(&a->style, app_want_ascii(d));
	char *be = tigetstr("BE");
	if (be != NULL && be != (char *)-1) {
		putp(be);
		a->paste_on = 1;
	}
	*out = a;
	return ERR_OK;
}

/* ---- context ---- */

db *app_db(const app *a)
{
	return a->db;
}

lb_date app_today(const app *a)
{
	return a->today;
}

const draw_style *app_style(const app *a)
{
	return &a->style;
}

const operator_rec *app_operator(const app *a)
{
	return a->logged_in ? &a->op : NULL;
}

void app_set_operator(app *a, const operator_rec *op, const char *office_name)
{
	a->op = *op;
	a->logged_in = 1;
	snprintf(a->office, sizeof a->office, "%s", office_name ? office_name : "");
}

/* ---- screens ---- */

void app_push(app *a, app_screen *s)
{
	s->below = a->top;
	a->top = s;
}

void app_remove(app *a, app_screen *s)
{
	for (app_screen **p = &a->top; *p != NULL; p = &(*p)->below) {
		if (*p == s) {
			*p = s->below;
			s->below = NULL;
			s->ops->destroy(s);
			return;
		}
	}
}

void app_pop(app *a)
{
	if (a->top != NULL)
		app_remove(a, a->top);
}

app_screen *app_top(const app *a)
{
	return a->top;
}

int app_body_top(const app *a)
{
	(void)a;
	return 1;
}

int app_body_rows(const app *a)
{
	(void)a;
	return LINES - 3;
}

void app_caret(app *a, int y, int x)
{
	a->caret_y = y;
	a->caret_x = x;
}

/* ---- message line ---- */

void app_msg(app *a, app_msg_kind kind, const char *utf8)
{
	snprintf(a->msg, sizeof a->msg, "%s", utf8 ? utf8 : "");
	a->msg_kind = kind;
}

void app_msgf(app *a, app_msg_kind kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
	a->msg_kind = kind;
}

void app_msg_err(app *a, const err_info *e)
{
	err_format(e, a->msg, sizeof a->msg);
	a->msg_kind = APP_MSG_ERROR;
}

void app_msg_clear(app *a)
{
	a->msg[0] = '\0';
	a->msg_kind = APP_MSG_NOTICE;
}

int app_msg_is_error(const app *a)
{
	return a->msg[0] != '\0' && a->msg_kind == APP_MSG_ERROR;
}

int app_msg_is_notice(const app *a)
{
	return a->msg[0] != '\0' && a->msg_kind == APP_MSG_NOTICE;
}

void app_msg_clear_hint(app *a)
{
	if (a->msg_kind == APP_MSG_HINT)
		app_msg_clear(a);
}

/* ---- drawing a frame ---- */

static void app_draw_top_line(app *a, const char *title)
{
	const draw_style *st = &a->style;
	char right[400] = "", date[DATE_ISO_LEN];
	date_format(a->today, date);
	if (a->logged_in) {
		/* The office gives way first when the line is short of room. */
		char who[160], office[sizeof a->office];
		snprintf(who, sizeof who, msg_text(MSG_UI_OPERATOR), a->op.name);
		int room = COLS - draw_width(title ? title : "") - draw_width(who) - 18;
		text_truncate(a->office, room > 0 ? room : 0, 1, office, sizeof office);
		snprintf(right, sizeof right, "%s  %s%s%s ", who, office, office[0] ? "  " : "",
		         date);
	} else {
		snprintf(right, sizeof right, "%s ", date);
	}
	draw_fill(st, 0, 0, COLS, DRAW_TITLE);
	int rw = draw_width(right);
	draw_text(st, 0, 1, COLS - rw - 2, title ? title : "", DRAW_TITLE, 0);
	draw_text(st, 0, COLS - rw, rw, right, DRAW_TITLE, 0);
}

static void app_draw_too_small(app *a)
{
	const char *notice = msg_text(MSG_UI_TOO_SMALL);
	int y = LINES / 2, w = draw_width(notice);
	int x = w < COLS ? (COLS - w) / 2 : 0;
	int drawn = draw_text(&a->style, y, x, COLS - x, notice, DRAW_NORMAL, 0);
	app_caret(a, y, x + drawn < COLS ? x + drawn : COLS - 1);
}

/* The message line; a message too long for it starts one line higher, never cut. */
static void app_draw_msg(app *a)
{
	draw_role r = a->msg_kind == APP_MSG_ERROR    ? DRAW_ERROR
	              : a->msg_kind == APP_MSG_NOTICE ? DRAW_NOTICE
	                                              : DRAW_NORMAL;
	int cols = COLS - 2;
	if (draw_width(a->msg) <= cols) {
		draw_text(&a->style, LINES - 2, 1, cols, a->msg, r, 0);
		return;
	}
	char first[sizeof a->msg];
	text_truncate(a->msg, cols, 0, first, sizeof first);
	draw_fill(&a->style, LINES - 3, 0, COLS, DRAW_NORMAL);
	draw_text(&a->style, LINES - 3, 1, cols, first, r, 0);
	draw_text(&a->style, LINES - 2, 1, cols, a->msg + strlen(first), r, 0);
}

/* Milliseconds on a clock that never steps back. */
static long long app_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * The progress box: the step and file, a bar of reverse-video cells (no
 * box-drawing or block characters, whose width CJK terminals disagree on)
 * with the percentage, then rows, rows per second and the time left.
 */
static void app_draw_progress(app *a)
{
	const draw_style *st = &a->style;
	int w = COLS - 8 < 64 ? COLS - 8 : 64;
	int y = app_body_top(a) + app_body_rows(a) / 2 - 3, x = (COLS - w) / 2;
	char line[256];
	draw_box(st, y, x, 6, w);
	snprintf(line, sizeof line, "%s%s%s", a->prog.step, a->prog.item[0] ? "  " : "",
	         a->prog.item);
	draw_text(st, y + 1, x + 2, w - 4, line, DRAW_NORMAL, 0);
	if (a->prog.total == 0)
		return;
	uint64_t done = a->prog.done < a->prog.total ? a->prog.done : a->prog.total;
	int bar = w - 11, pct = (int)(done * 100 / a->prog.total);
	int filled = (int)((double)bar * (double)done / (double)a->prog.total);
	draw_fill(st, y + 2, x + 2, bar, DRAW_NORMAL);
	draw_text(st, y + 2, x + 2, 1, "[", DRAW_BORDER, 0);
	draw_fill(st, y + 2, x + 3, filled > bar - 2 ? bar - 2 : filled, DRAW_SELECT);
	draw_text(st, y + 2, x + bar + 1, 1, "]", DRAW_BORDER, 0);
	snprintf(line, sizeof line, "%3d%%", pct);
	draw_text(st, y + 2, x + bar + 3, 5, line, DRAW_NORMAL, 0);
	double secs = (double)(app_now_ms() - a->prog.t0) / 1000.0;
	double rate = secs > 0.05 ? (double)done / secs : 0;
	unsigned long long left =
	    rate > 0 ? (unsigned long long)((double)(a->prog.total - done) / rate + 0.5) : 0;
	snprintf(line, sizeof line, msg_text(MSG_UI_PROGRESS), (unsigned long long)done,
	         (unsigned long long)a->prog.total, (unsigned long long)rate, left);
	draw_text(st, y + 3, x + 2, w - 4, line, DRAW_NORMAL, 0);
}

static void app_draw_screens(app *a)
{
	/* The topmost full screen and the popups above it, bottom first. */
	app_screen *stack[32];
	int n = 0;
	for (app_screen *s = a->top; s != NULL && n < 32; s = s->below) {
		stack[n++] = s;
		if (!s->popup)
			break;
	}
	const char *title = NULL;
	for (app_screen *s = a->top; s != NULL && title == NULL; s = s->below)
		title = s->title;
	app_draw_top_line(a, title);
	for (int i = n - 1; i >= 0; i--)
		stack[i]->ops->draw(a, stack[i]);
	if (a->prog.on)
		app_draw_progress(a);
	if (a->msg[0] != '\0')
		app_draw_msg(a);
	if (a->top != NULL)
		keys_draw_bar(&a->style, LINES - 1, COLS - 1, a->top->keys);
}

static void app_frame(app *a)
{
	werase(stdscr);
	a->caret_y = a->caret_x = -1;
	if (LINES < APP_MIN_ROWS || COLS < APP_MIN_COLS)
		app_draw_too_small(a);
	else
		app_draw_screens(a);
	if (a->caret_y < 0)
		app_caret(a, LINES - 2, 0);
	wmove(stdscr, a->caret_y, a->caret_x);
	wnoutrefresh(stdscr);
	doupdate();
	fflush(stdout);
	if (a->frame_fd >= 0 && write(a->frame_fd, "F", 1) < 0) {
		/* A harness that is not reading only misses a frame signal. */
	}
}

/* ---- progress of long work ---- */

/* Redraws at most this often: over a slow line every frame costs bytes. */
#define APP_PROGRESS_EVERY_MS 250

void app_progress(app *a, const char *step, const char *item, uint64_t done, uint64_t total)
{
	if (a == NULL)
		return;
	step = step != NULL ? step : "";
	item = item != NULL ? item : "";
	long long now = app_now_ms();
	int fresh = !a->prog.on || strcmp(step, a->prog.step) != 0;
	if (fresh) {
		a->prog.on = 1;
		a->prog.t0 = now;
		snprintf(a->prog.step, sizeof a->prog.step, "%s", step);
	}
	snprintf(a->prog.item, sizeof a->prog.item, "%s", item);
	a->prog.done = done;
	a->prog.total = total;
	/* The first report of a step and the last are always drawn; the rest when due. */
	if (!fresh && !(total > 0 && done >= total) && now - a->prog.shown < APP_PROGRESS_EVERY_MS)
		return;
	a->prog.shown = now;
	app_frame(a);
}

void app_progress_end(app *a)
{
	if (a != NULL)
		a->prog.on = 0;
}

/* ---- help screen ---- */

typedef struct app_help {
	app_screen base;
	int first; /* first help line shown */
} app_help;

static void app_help_draw(app *a, app_screen *s)
{
	app_help *h = (app_help *)s;
	int top = app_body_top(a), rows = app_body_rows(a);
	int n = keys_help_lines();
	if (h->first > n - (rows - 1))
		h->first = n - (rows - 1) > 0 ? n - (rows - 1) : 0;
	keys_draw_help(&a->style, top, 2, rows, COLS - 4, h->first);
	app_caret(a, top, 2);
}

static void app_help_input(app *a, app_screen *s, const keys_event *ev)
{
	app_help *h = (app_help *)s;
	int page = app_body_rows(a) - 3;
	if (ev->kind == KE_ACTION && (ev->action == ACT_PGDN || ev->action == ACT_NEXT))
		h->first += ev->action == ACT_PGDN ? page : 1;
	else if (ev->kind == KE_ACTION && (ev->action == ACT_PGUP || ev->action == ACT_PREV))
		h->first -= ev->action == ACT_PGUP ? page : 1;
	else {
		app_pop(a); /* h is gone */
		return;
	}
	if (h->first < 0)
		h->first = 0;
}

static void app_help_destroy(app_screen *s)
{
	free(s);
}

static const app_screen_ops app_help_ops = {
    .draw = app_help_draw,
    .input = app_help_input,
    .destroy = app_help_destroy,
};

static void app_help_open(app *a)
{
	app_help *h = calloc(1, sizeof *h);
	if (h == NULL)
		return;
	h->base.ops = &app_help_ops;
	h->base.title = msg_text(MSG_UI_HELP_TITLE);
	h->base.keys = KEYS_BIT(ACT_PGUP) | KEYS_BIT(ACT_PGDN) | KEYS_BIT(ACT_BACK);
	app_push(a, &h->base);
}

/* ---- yes/no question ---- */

typedef struct app_ask_screen {
	app_screen base;
	app *a;       /* for an answer given when the popup goes away unanswered */
	int answered; /* the callback was called */
	char question[400];
	void (*answer)(app *a, void *ctx, app_answer ans);
	void *ctx;
} app_ask_screen;

static void app_ask_draw(app *a, app_screen *s)
{
	app_ask_screen *q = (app_ask_screen *)s;
	int w = draw_width(q->question) + 6;
	if (w > COLS - 4)
		w = COLS - 4;
	if (w < 30)
		w = 30;
	/* Low on the screen, where it hides least of a menu or the top of a form. */
	int y = app_body_top(a) + app_body_rows(a) * 2 / 3 - 2, x = (COLS - w) / 2;
	draw_box(&a->style, y, x, 5, w);
	int drawn = draw_text(&a->style, y + 2, x + 3, w - 6, q->question, DRAW_NORMAL, 0);
	app_caret(a, y + 2, x + 3 + drawn);
}

static void app_ask_input(app *a, app_screen *s, const keys_event *ev)
{
	app_ask_screen *q = (app_ask_screen *)s;
	app_answer ans;
	if (ev->kind == KE_CHAR && (ev->ch == L'y' || ev->ch == L'Y' || ev->ch == 0x662F /* 是 */))
		ans = APP_ANSWER_YES;
	else if (ev->kind == KE_CHAR &&
	         (ev->ch == L'n' || ev->ch == L'N' || ev->ch == 0x5426 /* 否 */))
		ans = APP_ANSWER_NO;
	else if (ev->kind == KE_ACTION && ev->action == ACT_BACK)
		ans = APP_ANSWER_LATER;
	else
		return;
	void (*answer)(app *, void *, app_answer) = q->answer;
	void *ctx = q->ctx;
	q->answered = 1;
	app_remove(a, s);
	if (answer != NULL)
		answer(a, ctx, ans);
}

static void app_ask_destroy(app_screen *s)
{
	app_ask_screen *q = (app_ask_screen *)s;
	/* The program is ending with the question open: let the asker clean up. */
	if (!q->answered && q->answer != NULL)
		q->answer(q->a, q->ctx, APP_ANSWER_GONE);
	free(s);
}

static const app_screen_ops app_ask_ops = {
    .draw = app_ask_draw,
    .input = app_ask_input,
    .destroy = app_ask_destroy,
};

void app_ask(app *a, const char *question, void (*answer)(app *a, void *ctx, app_answer ans),
             void *ctx)
{
	app_ask_screen *q = calloc(1, sizeof *q);
	if (q == NULL) {
		if (answer != NULL)
			answer(a, ctx, APP_ANSWER_GONE);
		return;
	}
	q->base.ops = &app_ask_ops;
	q->base.popup = 1;
	q->base.keys = KEYS_BIT(ACT_BACK);
	snprintf(q->question, sizeof q->question, "%s", question);
	q->answer = answer;
	q->ctx = ctx;
	q->a = a;
	app_push(a, &q->base);
}

/* ---- leaving ---- */

static void app_leave_all(app *a, int lost)
{
	for (app_screen *s = a->top; s != NULL; s = s->below)
		if (s->ops->leave != NULL)
			s->ops->leave(a, s, lost);
}

void app_quit_now(app *a)
{
	app_leave_all(a, 0);
	a->quit = 1;
}

static void app_quit_answer(app *a, void *ctx, app_answer ans)
{
	(void)ctx;
	if (ans == APP_ANSWER_YES)
		app_quit_now(a);
}

void app_quit(app *a)
{
	for (app_screen *s = a->top; s != NULL; s = s->below) {
		if (s->ops->dirty != NULL && s->ops->dirty(a, s)) {
			app_ask(a, msg_text(MSG_UI_CONFIRM_QUIT), app_quit_answer, NULL);
			return;
		}
	}
	app_quit_now(a);
}

/* ---- the loop ---- */

/* Keep one pasted character; the paste is handed over whole when it ends. */
static void app_paste_add(app *a, wchar_t ch)
{
	char u[4];
	size_t n = text_utf8_encode((uint32_t)ch, u);
	if (n == 0 || a->paste_len + n + 1 > APP_PASTE_MAX)
		return;
	if (a->paste_len + n + 1 > a->paste_cap) {
		size_t cap = a->paste_cap ? a->paste_cap * 2 : 256;
		while (cap < a->paste_len + n + 1)
			cap *= 2;
		char *p = realloc(a->paste, cap);
		if (p == NULL)
			return;
		a->paste = p;
		a->paste_cap = cap;
	}
	memcpy(a->paste + a->paste_len, u, n);
	a->paste_len += n;
	a->paste[a->paste_len] = '\0';
}

static void app_dispatch(app *a, int rc, wint_t value)
{
	keys_event ev = keys_decode(rc, value, a->pasting);
	switch (ev.kind) {
	case KE_NONE:
	case KE_RESIZE: /* ncurses has resized stdscr; the next frame fits the new size */
	case KE_PASTE:
		return;
	case KE_PASTE_BEGIN:
		a->pasting = 1;
		a->paste_len = 0;
		return;
	case KE_PASTE_END:
		if (!a->pasting)
			return;
		a->pasting = 0;
		ev = (keys_event){.kind = KE_PASTE, .text = a->paste_len ? a->paste : ""};
		break;
	case KE_CHAR:
		if (ev.pasted) {
			app_paste_add(a, ev.ch);
			return;
		}
		break;
	case KE_ACTION:
		break;
	}
	if (ev.kind == KE_ACTION && ev.action == ACT_REDRAW) {
		clearok(curscr, TRUE);
		return;
	}
	/* Nothing is done blind: below 80x24 only the notice is shown. */
	if (LINES < APP_MIN_ROWS || COLS < APP_MIN_COLS || a->top == NULL)
		return;
	int asking = a->top->ops == &app_ask_ops;
	if (ev.kind == KE_ACTION && ev.action == ACT_HELP && !asking) {
		if (a->top->ops != &app_help_ops)
			app_help_open(a);
		return;
	}
	if (ev.kind == KE_ACTION && ev.action == ACT_QUIT && !asking) {
		app_quit(a);
		return;
	}
	a->top->ops->input(a, a->top, &ev);
}

/* The session is lost: keep everyone's work as drafts. */
static void app_lost(app *a)
{
	app_leave_all(a, 1);
	a->quit = 1;
}

/* Milliseconds until a screen wants a frame by itself, or -1. */
static int app_next_tick(app *a)
{
	int ms = -1;
	for (app_screen *s = a->top; s != NULL; s = s->below) {
		int t = s->ops->tick ? s->ops->tick(a, s) : -1;
		if (t >= 0 && (ms < 0 || t < ms))
			ms = t;
	}
	return ms;
}

/* After a read that gave nothing: is the terminal gone? */
static int app_input_gone(int err, long long waited_ms, int timeout_ms, int *empty)
{
	if (err == EIO)
		return 1;
	if (err == EINTR)
		return 0;
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
	if (poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)))
		return 1;
	/* End of input returns at once, again and again; a timeout does not. */
	if (waited_ms < timeout_ms / 2)
		return ++*empty >= APP_EMPTY_READS;
	*empty = 0;
	return 0;
}

/*
 * Open the database the first screen was drawn without (see
 * app_open_after_first_frame); an installation's ASCII-border setting is
 * applied now, with a redraw.
 */
static err_code app_open_deferred(app *a)
{
	const char *path = a->db_path;
	a->db_path = NULL;
	db *d = NULL;
	if (db_open(path, 0, &d, &a->open_err) != ERR_OK) {
		a->quit = 1;
		return a->open_err.code;
	}
	a->db = d;
	a->db_owned = 1;
	int ascii = app_want_ascii(d);
	if (ascii != a->style.ascii) {
		draw_style_init(&a->style, ascii);
		app_frame(a);
	}
	return ERR_OK;
}

/*
 * What the first frame does not need, done once it is out and before the
 * first key is read: the keys (ncurses builds its tree of every sequence
 * the terminal description and keys_setup know) and the deferred database.
 */
static err_code app_first_frame_out(app *a)
{
	keypad(stdscr, TRUE);
	keys_setup();
	a->keys_on = 1;
	if (a->db_path == NULL)
		return ERR_OK;
	/*
	 * The frame reaches the terminal through a kernel worker that may be
	 * queued on this CPU; the open would keep the CPU for milliseconds
	 * while the login screen waits in the pty. Let the worker go first.
	 */
	sched_yield();
	return app_open_deferred(a);
}

void app_open_after_first_frame(app *a, const char *path)
{
	a->db_path = path;
}

const err_info *app_open_error(const app *a)
{
	return &a->open_err;
}

int app_run(app *a)
{
	int draw = 1, empty = 0;
	while (!a->quit && a->top != NULL) {
		if (app_signalled) {
			app_lost(a);
			break;
		}
		if (draw)
			app_frame(a);
		if (!a->keys_on && app_first_frame_out(a) != ERR_OK)
			break;
		int tick = app_next_tick(a);
		int wait = tick >= 0 && tick < APP_IDLE_MS ? tick : APP_IDLE_MS;
		wtimeout(stdscr, wait);
		wint_t value = 0;
		long long t0 = app_now_ms();
		errno = 0;
		int rc = wget_wch(stdscr, &value);
		if (rc == ERR) {
			int err = errno;
			if (app_signalled || app_input_gone(err, app_now_ms() - t0, wait, &empty)) {
				app_lost(a);
				break;
			}
			/* Nothing typed for a while: the database's spare-time work. */
			db_idle(a->db);
			/* Only a screen that asked for a tick (a countdown) needs a new frame. */
			draw = tick >= 0;
			continue;
		}
		empty = 0;
		app_dispatch(a, rc, value);
		/* Everything already typed (an IME burst, a paste) goes into one frame. */
		wtimeout(stdscr, 0);
		while (!a->quit && !app_signalled) {
			errno = 0;
			rc = wget_wch(stdscr, &value);
			if (rc == ERR) {
				if (errno == EIO)
					app_lost(a);
				break;
			}
			app_dispatch(a, rc, value);
		}
		draw = 1;
	}
	return 0;
}

void app_free(app *a)
{
	if (a == NULL)
		return;
	while (a->top != NULL)
		app_pop(a);
	if (a->paste_on) {
		char *bd = tigetstr("BD");
		if (bd != NULL && bd != (char *)-1)
			putp(bd);
	}
	/* On a terminal that is gone endwin fails at once; nothing waits for it. */
	endwin();
	fflush(stdout);
	delscreen(a->scr);
	if (a->db_owned)
		db_close(a->db);
	free(a->paste);
	free(a);
}
