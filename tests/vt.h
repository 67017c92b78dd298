/*
 * vt — screen-test harness: runs a full-screen program on a pseudo-terminal
 * and reads its screen back through libvterm.
 *
 * The program gets a pty of the requested size, a pinned locale, TERM, TZ
 * and ESCDELAY, and LAOBAO_FRAME_FD=3: fd 3 is a pipe to the harness and the
 * program writes one byte there after each completed frame (after doupdate()
 * has flushed the output). vt_wait_frame() reads that byte and then drains
 * the pty until it is empty, so the emulated screen holds the whole frame
 * without any sleeping. Programs without frame support are driven with
 * vt_wait_text() and vt_wait_idle().
 *
 * What a program does for LAOBAO_FRAME_FD=n (see bench/ref_form.c): after
 * each refresh()/doupdate() — which writes out everything ncurses buffered
 * — write(n, "F", 1), with n set O_NONBLOCK and errors ignored, so a harness
 * that stops reading can never stall it. A byte written before the frame's
 * output is flushed (e.g. through stdio) breaks the guarantee above.
 *
 * libvterm decodes only UTF-8, so output of a GB18030/GBK child goes through
 * a streaming iconv to UTF-8 first; byte counts are taken before that
 * conversion, i.e. they are what the program really sent down the line.
 * Typed text is converted to the child's encoding before it is written.
 * Replies the terminal owes the program (cursor position reports and the
 * like) are produced by libvterm and written back to the pty.
 *
 * Waiting functions return 1 when the condition is met and 0 on timeout or
 * when the program has gone; on timeout they print a "# " diagnostic and the
 * screen. Actions return 0 on success and -1 on failure (with a diagnostic).
 * Everything is bounded by a timeout; nothing here can hang a test.
 */
#ifndef LAOBAO_VT_H
#define LAOBAO_VT_H

#include <stddef.h>
#include <stdio.h>

typedef struct vt vt;

/* Which function-key dialect vt_key() speaks; cursor keys follow the mode
 * the program selected (normal or application), as a real terminal does. */
typedef enum vt_keystyle {
	VT_KEYS_XTERM = 0, /* F1-F4 ESC O P..S, F5-F12 ESC [ 15~..24~, Home ESC O H */
	VT_KEYS_PUTTY,     /* PuTTY "ESC[n~" mode: F1-F4 ESC [ 11~..14~, Home ESC [ 1~ */
	VT_KEYS_LINUX,     /* Linux console: F1-F5 ESC [ [ A..E, Home ESC [ 1~ */
} vt_keystyle;

typedef struct vt_opts {
	char *const *argv;      /* program and arguments; argv[0] a path or a name on PATH */
	const char *const *env; /* extra "K=V" entries applied last, NULL-terminated; may be NULL */
	const char *cwd;        /* working directory of the program; NULL: the caller's */
	const char *locale;     /* LANG and LC_ALL; NULL: "zh_CN.UTF-8" */
	const char *locpath;    /* LOCPATH for the program; NULL: chosen by the harness */
	const char *term;       /* TERM; NULL: "xterm-256color" (see vt_start for the list) */
	int rows, cols;         /* size; 0: 24 rows, 80 columns */
	int escdelay;           /* ESCDELAY in ms; 0: 50 */
	vt_keystyle keys;       /* function-key dialect of vt_key() */
	int read_chunk;         /* largest single read from the pty; 0: 8192. Tiny values
	                           split characters between reads, to test decoding */
} vt_opts;

/*
 * Start o->argv on a new pty. The environment is the caller's minus
 * anything locale-, terminal- or size-related, plus LANG, LC_ALL, TERM,
 * TZ=UTC, ESCDELAY, LAOBAO_FRAME_FD=3, LOCPATH when the locale had to be
 * built, then o->env. TERM must be one of vt100, xterm, xterm-256color,
 * linux, screen, tmux-256color, putty, putty-256color. Fails (-1) if the
 * locale is not available (see vt_locale_available) or the program cannot
 * be started; an exec failure shows as exit status 127.
 */
int vt_start(const vt_opts *o, vt **out);

/* Kill the program if it still runs, reap it, release everything. NULL is a no-op. */
void vt_free(vt *v);

/* Locales ------------------------------------------------------------------ */

/*
 * 1 if programs can be run under `name` ("zh_CN.UTF-8", "zh_CN.GB18030",
 * "zh_CN.GBK"): either the system has it, or the harness built it with
 * localedef into a temporary folder (once per process, removed at exit) and
 * will pass LOCPATH. 0 if neither works: call test_skip(). Setting
 * LAOBAO_VT_LOCALEDEF=1 makes the harness build its own even when the
 * system has the locale, to exercise that path.
 */
int vt_locale_available(const char *name);

/*
 * Build locale `name` with localedef into dir/<name> (dir must exist), so
 * LOCPATH=dir selects it. Returns 0, or -1 if localedef is missing or fails.
 */
int vt_locale_build(const char *name, const char *dir);

/* Waiting ------------------------------------------------------------------ */

/*
 * Wait for a frame signal the test has not yet seen, then drain all output
 * the program wrote before it. Frames signalled before the last vt_type,
 * vt_key, vt_paste or vt_resize count as seen, so "act, then wait" waits for
 * a frame drawn after the action. All pending signals are consumed. After a
 * burst of input the first frame may be followed by more: use vt_wait_idle.
 */
int vt_wait_frame(vt *v, int timeout_ms);

/*
 * Wait until the program sleeps waiting for input, then take in all it wrote:
 * the screen is then final for everything sent so far (bursts included).
 * Seen from /proc/<pid>/syscall and /proc/<pid>/status; where those are
 * unreadable (or LAOBAO_VT_NO_PROC=1), a quiet spell of 30 ms without output
 * stands in. Every action (vt_type, vt_key, vt_paste, vt_send, vt_resize,
 * vt_signal) first waits like this, for up to 2 s, so input never lands
 * while the program is still drawing — for a resize or a signal that would
 * let ncurses or a flag-setting handler miss it until the next key.
 */
int vt_wait_idle(vt *v, int timeout_ms);

/* Wait until the screen contains utf8 (on one row). */
int vt_wait_text(vt *v, const char *utf8, int timeout_ms);

/* Wait until no row of the screen contains utf8. */
int vt_wait_gone(vt *v, const char *utf8, int timeout_ms);

/*
 * Wait for the program to end; *status (may be NULL) gets the waitpid
 * status. After it ended, later calls return 1 at once.
 */
int vt_wait_exit(vt *v, int timeout_ms, int *status);

/* Read whatever output is pending without waiting. */
void vt_poll(vt *v);

/* Number of frame signals received so far. */
unsigned long vt_frames(const vt *v);

/* Input -------------------------------------------------------------------- */

typedef enum vt_keyname {
	VT_KEY_F1 = 1, /* F1..F12 are VT_KEY_F1 + 0..11 */
	VT_KEY_F2,
	VT_KEY_F3,
	VT_KEY_F4,
	VT_KEY_F5,
	VT_KEY_F6,
	VT_KEY_F7,
	VT_KEY_F8,
	VT_KEY_F9,
	VT_KEY_F10,
	VT_KEY_F11,
	VT_KEY_F12,
	VT_KEY_UP,
	VT_KEY_DOWN,
	VT_KEY_LEFT,
	VT_KEY_RIGHT,
	VT_KEY_HOME,
	VT_KEY_END,
	VT_KEY_PGUP,
	VT_KEY_PGDN,
	VT_KEY_INSERT,
	VT_KEY_DELETE,
	VT_KEY_TAB,
	VT_KEY_BTAB, /* Shift-Tab, ESC [ Z */
	VT_KEY_ENTER,
	VT_KEY_ESC,
	VT_KEY_BACKSPACE, /* DEL, 0x7f */
	VT_KEY_CTRL_BASE = 0x100,
} vt_keyname;

/* Ctrl and a letter ('a'..'z' or 'A'..'Z'), e.g. vt_key(v, VT_CTRL('x')). */
#define VT_CTRL(c) ((vt_keyname)(VT_KEY_CTRL_BASE + ((c)&0x1f)))

/* Type UTF-8 text, converted to the program's encoding, in one write. */
int vt_type(vt *v, const char *utf8);

/* Press a key in the dialect chosen in vt_opts.keys. */
int vt_key(vt *v, vt_keyname k);

/* Press a key in a given dialect. */
int vt_key_as(vt *v, vt_keyname k, vt_keystyle style);

/*
 * Paste text as a terminal does: line ends become CR, and the text is
 * wrapped in ESC [ 200~ ... ESC [ 201~ if (and only if) the program has
 * turned bracketed paste on (ESC [ ? 2004 h).
 */
int vt_paste(vt *v, const char *utf8);

/* Write raw bytes to the program as they are. */
int vt_send(vt *v, const void *bytes, size_t len);

/* Screen ------------------------------------------------------------------- */

int vt_rows(const vt *v);
int vt_cols(const vt *v);

/*
 * UTF-8 text of a row, each wide character once, trailing blanks removed,
 * always NUL-terminated. Returns buf ("" for a row out of range).
 */
char *vt_row_text(vt *v, int row, char *buf, size_t size);

/* All rows joined with '\n' (no final newline). Returns buf. */
char *vt_screen_text(vt *v, char *buf, size_t size);

/* 1 if some row contains utf8. */
int vt_contains(vt *v, const char *utf8);

/* Find the first occurrence of utf8 (top to bottom); its screen row and column. */
int vt_find(vt *v, const char *utf8, int *row, int *col);

/* Cursor position (0-based) and whether the program has it visible. */
void vt_cursor(vt *v, int *row, int *col);
int vt_cursor_visible(const vt *v);

typedef struct vt_cell {
	char text[32]; /* UTF-8 of the cell ("" for the right half of a wide char) */
	int width;     /* columns: 1, 2, or 0 for the right half of a wide char */
	int bold, underline, reverse;
	int fg, bg; /* palette index, or -1 for the default colour (or an RGB one) */
} vt_cell;

/* The cell at (row, col). Returns 0, or -1 if out of range. */
int vt_cell_at(vt *v, int row, int col, vt_cell *out);

/* Print size, cursor and every row to f, each line prefixed with "# ". */
void vt_dump(vt *v, FILE *f);

/* Byte counts (raw, before any conversion) -------------------------------- */

/* Bytes the program has written to the terminal since it started. */
unsigned long vt_bytes_total(const vt *v);

/* Start a measurement: remember the total and forget captured raw output. */
void vt_bytes_mark(vt *v);

/* Bytes written since the last vt_bytes_mark (or since the start). */
unsigned long vt_bytes_since(const vt *v);

/* Raw output captured since the last mark (first 1 MiB of it), *len its length. */
const char *vt_raw(const vt *v, size_t *len);

/* Terminal events ---------------------------------------------------------- */

/* Change the size: the emulator and the pty (the program gets SIGWINCH). */
int vt_resize(vt *v, int rows, int cols);

/* Close the master side, as a dropped connection does (the program gets SIGHUP). */
void vt_hangup(vt *v);

/*
 * Send a signal to the program, once it waits for input (see vt_wait_idle):
 * a handler that only sets a flag cannot miss it then. -1 if it has ended.
 */
int vt_signal(vt *v, int sig);

/* The program's process id. */
int vt_pid(const vt *v);

#endif
