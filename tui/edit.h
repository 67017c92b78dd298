/*
 * edit — the CJK-aware single-line (and memo) field editor, as logic only.
 *
 * ncurses' form library mis-handles double-width text, so fields are edited
 * here: the text is an array of characters (wchar_t code points, with
 * combining marks kept with their base), the cursor moves by character, the
 * display is measured in columns with the locale's wcwidth(), and a visible
 * window of `cols` columns scrolls horizontally so the cursor is always
 * shown and a double-width character is never split at either edge. This
 * module makes no curses calls: tui/ draws what edit_view() returns, and
 * tests exercise it without a terminal.
 */
#ifndef LAOBAO_EDIT_H
#define LAOBAO_EDIT_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

typedef struct edit edit;

/* A new editor for a field of at most max_chars characters (> 0). NULL on no memory. */
edit *edit_new(int max_chars);
void edit_free(edit *ed);

/* Replace the text with UTF-8 s (cursor to the end). 0 ok, -1 invalid UTF-8 or too long. */
int edit_set_utf8(edit *ed, const char *s);

/* The text as UTF-8 into buf (NUL-terminated); returns the byte length, or -1 if buf is too small. */
int edit_get_utf8(const edit *ed, char *buf, size_t size);

/* Number of characters and the cursor position (0 … length). */
int edit_length(const edit *ed);
int edit_cursor(const edit *ed);

enum edit_result {
	EDIT_OK = 0,
	EDIT_FULL = 1,    /* refused: the field already holds max_chars characters */
	EDIT_INVALID = 2, /* refused: a control or unprintable character */
};

/* Insert one character at the cursor. A zero-width combining mark joins the previous character. */
int edit_insert(edit *ed, wchar_t ch);

/* Insert a whole string (a paste or an IME burst) — all or nothing. */
int edit_insert_utf8(edit *ed, const char *s);

void edit_left(edit *ed);
void edit_right(edit *ed);
void edit_home(edit *ed);
void edit_end(edit *ed);
void edit_backspace(edit *ed); /* delete the character before the cursor */
void edit_delete(edit *ed);    /* delete the character under the cursor */
void edit_clear(edit *ed);     /* Ctrl-U: delete everything */

/*
 * What to draw in a box `cols` wide: the visible slice as wide characters
 * into out (NUL-terminated, at most out_len including NUL), padded with
 * spaces to exactly cols columns (a wide character that would straddle
 * either edge is replaced by a space), and the cursor's column inside the
 * box in *cursor_col. Scrolls the window as needed (so it is not const).
 */
void edit_view(edit *ed, int cols, wchar_t *out, size_t out_len, int *cursor_col);

#endif
