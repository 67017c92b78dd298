/*
 * keys — the one key table: every action with its function key, the Ctrl
 * fallback that works when F-keys do not arrive over SSH, its label on the
 * function-key bar and its line of help. The bar and the F1 help screen are
 * generated from the table, so what is shown is what works.
 *
 * Input is decoded here into events (a character, an action, a resize, a
 * bracketed-paste marker). The terminal dialects that terminfo may not know
 * for the TERM in use — PuTTY's ESC[11~ function keys, the Linux console's
 * ESC[[A, ESC[1~/ESC[4~ Home/End, xterm's own — are taught to ncurses with
 * define_key, so they work whatever TERM says.
 */
#ifndef LAOBAO_KEYS_H
#define LAOBAO_KEYS_H

#include <wchar.h>

#include "tui/draw.h"

typedef enum keys_action {
	ACT_NONE = 0,
	ACT_HELP,   /* F1  ^G  帮助 */
	ACT_SAVE,   /* F2  ^O  保存 */
	ACT_FIND,   /* F3  ^W  查找 */
	ACT_PICK,   /* F4  ^T  选择 (picklist) */
	ACT_NEW,    /* F5  ^E  新建 */
	ACT_MORE,   /* F6  ^R  更多: a form's related records and actions */
	ACT_BACK,   /* Esc ^X  返回 */
	ACT_QUIT,   /* F10 ^Q  退出 */
	ACT_NEXT,   /* Tab Down ^N  下一项 */
	ACT_PREV,   /* Shift-Tab Up ^P  上一项 */
	ACT_ENTER,  /* Enter: confirm; in a form the same as 下一项 */
	ACT_PGUP,   /* PgUp 翻页 */
	ACT_PGDN,   /* PgDn 翻页 */
	ACT_CLEAR,  /* ^U  清除 */
	ACT_REDRAW, /* ^L  重画 */
	ACT_LEFT,   /* editing keys, listed in help only */
	ACT_RIGHT,
	ACT_HOME,
	ACT_END,
	ACT_BACKSPACE,
	ACT_DELETE,
	ACT_COUNT
} keys_action;

/* A set of actions (for the bar of a screen). */
#define KEYS_BIT(a) (1u << (a))

typedef enum keys_kind {
	KE_NONE = 0,    /* nothing usable (an unknown key) */
	KE_CHAR,        /* a character to insert: ch */
	KE_ACTION,      /* an action: action */
	KE_RESIZE,      /* the terminal changed size */
	KE_PASTE_BEGIN, /* bracketed paste starts: line ends are text from here */
	KE_PASTE_END,   /* ... and ends */
	KE_PASTE,       /* a whole bracketed paste, as text (made by the app loop) */
} keys_kind;

typedef struct keys_event {
	keys_kind kind;
	keys_action action; /* KE_ACTION */
	int code;           /* KE_ACTION: the curses key code (KEY_DOWN …), 0 for a character */
	wchar_t ch;         /* KE_CHAR; a pasted line end arrives as L'\n' */
	int pasted;         /* KE_CHAR inside a bracketed paste */
	const char *text;   /* KE_PASTE: UTF-8, line ends as "\n"; valid during the call */
} keys_event;

/* Teach ncurses the extra key sequences and the paste markers (after newterm, keypad on). */
void keys_setup(void);

/*
 * Decode what wget_wch returned (rc OK or KEY_CODE_YES, and the value) into
 * an event. `pasting` says a bracketed paste is in progress: line ends and
 * Tab are then text, never Enter or Tab.
 */
keys_event keys_decode(int rc, wint_t value, int pasting);

/*
 * Pasted text made fit for a one-line field: line ends inside become
 * spaces, leading and trailing blanks and line ends go. Written to out
 * (always NUL-terminated); -1 if it does not fit in size, else the length.
 */
int keys_paste_line(const char *text, char *out, size_t size);

/* The label of an action for the bar ("帮助"), UTF-8. */
const char *keys_label(keys_action a);

/*
 * Draw the function-key bar for the set `mask` on row y: "F1帮助 F2保存 …",
 * in table order, as many as fit in `cols` columns.
 */
void keys_draw_bar(const draw_style *st, int y, int cols, unsigned mask);

/* Number of actions in the help (lines below its heading). */
int keys_help_lines(void);

/*
 * Draw the help in the rectangle at (y, x), rows by cols: a heading, then
 * one line per action from the `first` one (keys, Ctrl fallback, label,
 * explanation).
 */
void keys_draw_help(const draw_style *st, int y, int x, int rows, int cols, int first);

#endif
