/*
 * screen — what the screen tests share: a fresh demo database per test,
 * the real laobao started on a pty through tests/vt (LAOBAO_TODAY fixed,
 * fast password hashing), logging in, and checks of what the user sees.
 * Nothing here sleeps; every wait is a vt_wait_* with a timeout.
 */
#ifndef LAOBAO_SCREEN_H
#define LAOBAO_SCREEN_H

#include <stddef.h>

#include "tests/test.h"
#include "tests/vt.h"

#define SCREEN_WAIT_MS 10000

extern const char *const SCREEN_UTF8;    /* "zh_CN.UTF-8" */
extern const char *const SCREEN_GB18030; /* "zh_CN.GB18030" */

typedef struct screen_opts {
	const char *locale;     /* NULL: zh_CN.UTF-8 */
	const char *term;       /* NULL: xterm-256color */
	vt_keystyle keys;       /* function-key dialect */
	const char *const *env; /* extra "K=V" entries, NULL-terminated, or NULL */
	int rows, cols;         /* 0: 24x80 */
} screen_opts;

/*
 * Create a demo database (200 persons, operator demo/demo) in a new folder
 * under the test's temporary folder; its path goes to path. 0 on success,
 * -1 (after test_fail) if laobao could not make it.
 */
int screen_make_db(char *path, size_t size);

/* Run laobao with args (NULL-terminated) on db, no terminal; returns its exit status. */
int screen_cli(const char *db, const char *in, const char *const *args);

/*
 * Start the TUI on db. NULL if the locale is missing (the case is then
 * skipped) or laobao cannot start (the case fails).
 */
vt *screen_start(const char *db, const screen_opts *o);

/* Wait for the login screen, log in, and wait until `expect` shows (e.g. the menu). */
int screen_login(vt *v, const char *user, const char *password, const char *expect);

/* 1 if text is on the screen at (row, col); prints where it is otherwise. */
int screen_at(vt *v, const char *text, int row, int col);

/* 1 if the cursor is at (row, col); prints where it is otherwise. */
int screen_cursor_at(vt *v, int row, int col);

/* The same, silently (for loops that look for a place). */
int screen_cursor_is(vt *v, int row, int col);

/* 1 if the raw output since the last vt_bytes_mark contains bytes. */
int screen_raw_has(vt *v, const char *bytes);

/* Press a key and wait for the frame that answers it. */
int screen_key(vt *v, vt_keyname k);

/* Type text and wait until the program has taken all of it in and drawn. */
int screen_type(vt *v, const char *utf8);

/* "utf-8" or "gb18030", for messages. */
const char *screen_short(const char *locale);

/* A check on the screen that dumps it when it fails. */
#define CHECK_SCREEN(v, cond)                                                                      \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			test_fail(__FILE__, __LINE__, "CHECK(%s)", #cond);                         \
			vt_dump(v, stdout);                                                        \
		}                                                                                  \
	} while (0)

#endif
