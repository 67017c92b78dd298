/*
 * app — the application context and its loop.
 *
 * One `app` holds everything a screen needs: the database, the operator
 * who logged in and their office, "today", the stack of screens, the
 * message line and the drawing style. It is passed explicitly; there is no
 * global state besides the flag the hang-up signal handler sets.
 *
 * The loop reads every key that is pending (an IME burst or a paste is one
 * frame), hands each to the top screen, then draws one frame: top line
 * (title, operator, office, date), the screens' bodies, the message line
 * and the function-key bar, flushed with a single doupdate(); ncurses sends
 * only what changed. A terminal below 80x24 shows only a notice until it
 * grows back; the screens keep their state meanwhile. On hang-up (SIGHUP,
 * SIGTERM, or the terminal gone) every screen saves its draft and the
 * program ends with status 0.
 */
#ifndef LAOBAO_APP_H
#define LAOBAO_APP_H

#include <stdint.h>

#include "db/db.h"
#include "db/operator.h"
#include "forms/date.h"
#include "locale/err.h"
#include "tui/draw.h"
#include "tui/keys.h"

/* Smallest terminal the screens are laid out for. */
#define APP_MIN_ROWS 24
#define APP_MIN_COLS 80

typedef struct app app;
typedef struct app_screen app_screen;

typedef struct app_screen_ops {
	/* Draw the body (and popups their box); place the caret with app_caret. */
	void (*draw)(app *a, app_screen *s);
	/* One input event for the top screen. */
	void (*input)(app *a, app_screen *s, const keys_event *ev);
	/* Milliseconds until the screen wants a frame on its own (a countdown), or -1. May be NULL.
	 */
	int (*tick)(app *a, app_screen *s);
	/*
	 * The session ends: `lost` 1 on hang-up (keep what was typed as a
	 * draft), 0 when the user confirmed leaving (drop it). May be NULL.
	 */
	void (*leave)(app *a, app_screen *s, int lost);
	/* 1 if leaving now would lose changes. May be NULL (never). */
	int (*dirty)(app *a, app_screen *s);
	/* Release the screen (after it left the stack). */
	void (*destroy)(app_screen *s);
} app_screen_ops;

/* The part every screen starts with; screens embed it as their first member. */
struct app_screen {
	const app_screen_ops *ops;
	const char *title; /* UTF-8 for the top line; NULL: the title of the screen below */
	unsigned keys;     /* actions shown on the key bar (KEYS_BIT set) */
	int popup;         /* drawn over the screen below instead of replacing it */
	app_screen *below; /* set by app_push */
};

typedef enum app_msg_kind {
	APP_MSG_NOTICE = 0, /* stays until replaced or cleared */
	APP_MSG_ERROR,      /* shown as an error */
	APP_MSG_HINT,       /* about the field under the cursor: goes when the cursor leaves */
} app_msg_kind;

/*
 * Set up the terminal (locale, signal handlers, curses, colours, bracketed
 * paste) and a context for database d (borrowed); the keys are set up by
 * app_run once the first frame is out. ERR_TERMINAL when there is no
 * usable terminal.
 */
err_code app_new(db *d, lb_date today, app **out, err_info *e);

/* Run until the user quits or the terminal goes away; the exit status (0). */
int app_run(app *a);

/* Restore the terminal and free everything, screens included. NULL is a no-op. */
void app_free(app *a);

/* ---- context ---- */

db *app_db(const app *a);
lb_date app_today(const app *a);
const draw_style *app_style(const app *a);
/* The operator logged in, or NULL before login. */
const operator_rec *app_operator(const app *a);
/* Log in: remember the operator (copied) and their office's name (UTF-8, may be ""). */
void app_set_operator(app *a, const operator_rec *op, const char *office_name);

/* ---- screens ---- */

/* Put s on top (the app owns it from now on). */
void app_push(app *a, app_screen *s);
/* Take the top screen off and destroy it. */
void app_pop(app *a);
app_screen *app_top(const app *a);
/* Remove s wherever it is in the stack and destroy it. */
void app_remove(app *a, app_screen *s);

/* Body rectangle of a full screen: first row and number of rows (width is COLS). */
int app_body_top(const app *a);
int app_body_rows(const app *a);

/* Where the hardware cursor goes at the end of this frame (the caret; IMEs follow it). */
void app_caret(app *a, int y, int x);

/* ---- message line ---- */

/* Show text (UTF-8) on the message line until replaced or cleared. */
void app_msg(app *a, app_msg_kind kind, const char *utf8);
/* printf-style; the format is usually a catalog text. */
void app_msgf(app *a, app_msg_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* An error, as "字段：规则（细节）". */
void app_msg_err(app *a, const err_info *e);
void app_msg_clear(app *a);
/* 1 if an error is on the message line. */
int app_msg_is_error(const app *a);
/* 1 if a notice is on the message line (e.g. what leaving the last field did). */
int app_msg_is_notice(const app *a);
/* Clear the message line if it holds a hint. */
void app_msg_clear_hint(app *a);

/* ---- long work ---- */

/*
 * Show how far a long piece of work (an export, an import) has got, while
 * it runs inside a key's handler: a box over the screen with step (UTF-8,
 * e.g. "正在导出") and item (the file), and when total > 0 a bar, the
 * percentage, rows done of total, rows per second and the seconds left,
 * reckoned from the step's first report. Drawn at once for a step's first
 * report and its last (done >= total), else at most four times a second.
 * app_progress_end takes the box away at the next frame.
 */
void app_progress(app *a, const char *step, const char *item, uint64_t done, uint64_t total);
void app_progress_end(app *a);

/* ---- leaving ---- */

/* Quit the program: asks first if a screen has unsaved changes. */
void app_quit(app *a);
/* Quit without asking (screens' leave(…, 0) is called). */
void app_quit_now(app *a);

/* How a question was answered. */
typedef enum app_answer {
	APP_ANSWER_GONE = -2,  /* the program ends with the question open */
	APP_ANSWER_LATER = -1, /* Esc: no decision now */
	APP_ANSWER_NO = 0,     /* 否 (N) */
	APP_ANSWER_YES = 1,    /* 是 (Y) */
} app_answer;

/*
 * Ask a yes/no question in a popup (是(Y)/否(N), Esc for neither); `answer`
 * is called after the popup is gone, also with APP_ANSWER_GONE when the
 * program ends first, so ctx can be released.
 */
void app_ask(app *a, const char *question, void (*answer)(app *a, void *ctx, app_answer ans),
             void *ctx);

/*
 * Start without a database and open the one at path (borrowed string) right
 * after the first frame is on the screen, so the login screen does not wait
 * for SQLite to read the schema; the app then owns and closes the handle.
 * If the open fails the loop ends and app_open_error() says why.
 */
void app_open_after_first_frame(app *a, const char *path);
const err_info *app_open_error(const app *a);

#endif
