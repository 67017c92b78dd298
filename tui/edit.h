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
 *
 * A "character" here is a cell: one base character followed by at most
 * EDIT_MARKS zero-width combining marks (wcwidth() == 0), the unit ncurses
 * keeps in one cchar_t. max_chars, edit_length() and the cursor count cells.
 *
 * Widths are those of the running locale (set it with setlocale first): a
 * Han character is 2 columns everywhere, “ ” are 1 under UTF-8 and 2 under
 * GB18030. A character the locale cannot measure (wcwidth() < 0, e.g. an
 * emoji under GB18030) is counted as 2 columns: the drawing code must show
 * it as 〓 (U+3013, 2 columns in every Chinese locale), so what is drawn
 * takes exactly the columns counted here. The views return the original
 * character, not the substitute.
 *
 * Refused (EDIT_INVALID): C0 and C1 controls, DEL, ZWJ (U+200D), the
 * bidirectional embedding/override/isolate controls (U+202A-202E,
 * U+2066-2069, which would let text display in an order other than it is
 * stored), the line and paragraph separators U+2028/2029, surrogates, values
 * past U+10FFFF, a combining mark with no character before it (or after a
 * line break, or a fifth mark on one character), and a line break in a
 * single-line field.
 */
#ifndef LAOBAO_EDIT_H
#define LAOBAO_EDIT_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

typedef struct edit edit;

/* Zero-width marks one character may carry (a cchar_t holds 1 + 4). */
#define EDIT_MARKS 4

/* wchar_t elements that always hold one row of a view `cols` wide, NUL included. */
#define EDIT_VIEW_LEN(cols) ((size_t)(cols) * (EDIT_MARKS + 1) + 1)

/* A new editor for a field of at most max_chars characters (> 0). NULL on no memory. */
edit *edit_new(int max_chars);

/*
 * A new editor for a memo (multi-line) field: like edit_new, but '\n' may be
 * inserted as a hard line break (it counts as one character). Shown with
 * edit_view_lines(). NULL if max_chars <= 0 or on no memory.
 */
edit *edit_new_multiline(int max_chars);

void edit_free(edit *ed);

/* 1 if the editor was made by edit_new_multiline. */
int edit_is_multiline(const edit *ed);

/*
 * Replace the text with UTF-8 s (cursor to the end). 0 ok, -1 invalid UTF-8,
 * a refused character (see above) or too long; on -1 nothing changes. NULL
 * s empties the field. In a memo, "\r\n" and a lone "\r" are read as "\n".
 */
int edit_set_utf8(edit *ed, const char *s);

/*
 * The text as UTF-8 into buf (NUL-terminated); returns the byte length, or
 * -1 if buf is too small (buf then holds "" if size > 0).
 */
int edit_get_utf8(const edit *ed, char *buf, size_t size);

/* Bytes edit_get_utf8 needs, not counting the NUL. */
size_t edit_utf8_size(const edit *ed);

/* Number of characters and the cursor position (0 … length). */
int edit_length(const edit *ed);
int edit_cursor(const edit *ed);

/* Put the cursor before character pos (clamped to 0 … length). */
void edit_set_cursor(edit *ed, int pos);

enum edit_result {
	EDIT_OK = 0,
	EDIT_FULL = 1,    /* refused: the field already holds max_chars characters */
	EDIT_INVALID = 2, /* refused: a control or unprintable character */
};

/*
 * Insert one character at the cursor. A zero-width combining mark joins the
 * character before the cursor and does not count against max_chars. Returns
 * EDIT_OK, EDIT_FULL (text unchanged) or EDIT_INVALID (text unchanged).
 */
int edit_insert(edit *ed, wchar_t ch);

/*
 * Insert a whole UTF-8 string (a paste or an IME burst) at the cursor — all
 * or nothing: EDIT_INVALID if s is not valid UTF-8 or holds a refused
 * character, EDIT_FULL if it would not fit in max_chars; in both cases the
 * text is unchanged. The cursor ends after the inserted text. In a memo,
 * "\r\n" and a lone "\r" are inserted as "\n".
 */
int edit_insert_utf8(edit *ed, const char *s);

void edit_left(edit *ed);
void edit_right(edit *ed);
void edit_home(edit *ed);      /* start of the text; in a memo, of the line (after '\n') */
void edit_end(edit *ed);       /* end of the text; in a memo, of the line (before '\n') */
void edit_backspace(edit *ed); /* delete the character before the cursor */
void edit_delete(edit *ed);    /* delete the character under the cursor */
void edit_clear(edit *ed);     /* Ctrl-U: delete everything */

/*
 * What to draw in a box `cols` wide: the visible slice as wide characters
 * into out (NUL-terminated, at most out_len including NUL), padded with
 * spaces to exactly cols columns (a wide character that would straddle
 * either edge is replaced by a space), and the cursor's column inside the
 * box in *cursor_col. Scrolls the window as needed (so it is not const).
 *
 * The window starts at a character (the scroll offset is kept in
 * characters) and moves only as far as needed to show the cursor; the
 * cursor at the end of the text takes one free column. With at least 4
 * columns, text hidden on the left is shown by '<' in column 0 (the text
 * then starts in column 1) and text hidden on the right by '>' in the last
 * column, unless the character under the cursor needs that column; the
 * window scrolls one column further so that it rarely does. When there is
 * room, the window moves back left so no space is wasted while text is
 * hidden on the left (after a deletion or a wider box). A '\n' in the text
 * is shown as a space. out_len >= EDIT_VIEW_LEN(cols) always suffices; a
 * smaller out gets what fits, still NUL-terminated. cursor_col may be NULL.
 */
void edit_view(edit *ed, int cols, wchar_t *out, size_t out_len, int *cursor_col);

/*
 * What to draw in a memo box of rows x cols: the text wrapped by columns (a
 * character that does not fit on the rest of a line starts the next; '\n'
 * ends a line), each row into out + r * line_len as a NUL-terminated string
 * padded with spaces to exactly cols columns (out holds rows * line_len
 * wchar_t; line_len >= EDIT_VIEW_LEN(cols) always suffices). The end of a
 * line and the end of the text take one column for the cursor, so a line
 * that fills the box exactly puts its '\n' (or the final cursor) on the next
 * row. The window scrolls by rows, minimally, so the cursor is shown; its
 * row (0 … rows-1) and column go to *cursor_row and *cursor_col (either may
 * be NULL). Returns the number of wrapped lines in the whole text.
 */
int edit_view_lines(edit *ed, int rows, int cols, wchar_t *out, size_t line_len, int *cursor_row,
                    int *cursor_col);

/* The first wrapped line shown by the last edit_view_lines (0 = nothing hidden above). */
int edit_first_line(const edit *ed);

/*
 * Move the cursor one wrapped line up or down, as laid out `cols` wide by
 * edit_view_lines, keeping its column where possible (repeated up/down
 * aim for the column where they started; a double-width character under
 * that column puts the cursor before it). Returns 1 if moved, 0 if the
 * cursor was already on the first (last) line, so the caller can move to
 * the previous (next) field instead.
 */
int edit_up(edit *ed, int cols);
int edit_down(edit *ed, int cols);

#endif
