/*
 * draw — putting text and chrome on the screen, the one place that turns
 * UTF-8 into what ncursesw draws.
 *
 * Catalog texts and database values are UTF-8 whatever the terminal's
 * locale is, so they are decoded here with the UTF-8 decoder (never with
 * mbstowcs, which would read them as GB18030 under a GB locale) and drawn
 * with the wide API. A character the locale cannot show, or whose width the
 * locale does not know, is drawn as 〓 (U+3013, two columns, as text_width
 * counts it); a control character or an invalid byte as '?'. Widths are the
 * locale's wcwidth(), the same ncurses uses, so columns always line up.
 *
 * Everything draws on stdscr; the application redraws whole frames and
 * leaves the diffing to ncurses, so helpers never clear or refresh.
 */
#ifndef LAOBAO_DRAW_H
#define LAOBAO_DRAW_H

#include <curses.h>
#include <stddef.h>
#include <wchar.h>

#include "tui/edit.h"

/* What a piece of the screen is; draw_attr() decides how that looks. */
typedef enum draw_role {
	DRAW_NORMAL = 0,
	DRAW_TITLE,  /* the top line */
	DRAW_KEY,    /* a key name on the function-key bar */
	DRAW_LABEL,  /* a field label */
	DRAW_ERROR,  /* an error on the message line */
	DRAW_NOTICE, /* a notice on the message line */
	DRAW_SELECT, /* the selected row of a list */
	DRAW_HEADER, /* column headings */
	DRAW_BORDER, /* boxes and rules */
} draw_role;

typedef struct draw_style {
	int colour; /* the terminal has colours and they are in use */
	int ascii;  /* boxes drawn with + - | instead of line drawing */
} draw_style;

/*
 * Decide the style after the terminal is set up: colours when the terminal
 * has them (pairs are initialised here), plain attributes otherwise.
 */
void draw_style_init(draw_style *st, int ascii);

/* The attributes (colour pair included) for a role. */
attr_t draw_attr(const draw_style *st, draw_role r);

/*
 * Decode UTF-8 into screen-safe wide characters (see above) into out
 * (out_len including the terminating NUL). Returns the number written.
 */
size_t draw_decode(const char *utf8, wchar_t *out, size_t out_len);

/* Columns a string takes on screen (text_width: the locale's wcwidth). */
int draw_width(const char *utf8);

/*
 * Draw UTF-8 text at (y, x) in at most `cols` columns, never splitting a
 * double-width character; with `pad` the rest of the columns are filled
 * with spaces in the same attributes. Returns the columns drawn.
 */
int draw_text(const draw_style *st, int y, int x, int cols, const char *utf8, draw_role r, int pad);

/* draw_text for wide text that is already screen-safe or comes from the editor. */
int draw_wtext(const draw_style *st, int y, int x, int cols, const wchar_t *ws, draw_role r,
               int pad);

/* draw_text centred in `cols` columns starting at x. */
void draw_centred(const draw_style *st, int y, int x, int cols, const char *utf8, draw_role r);

/* Fill `cols` columns at (y, x) with spaces in the role's attributes. */
void draw_fill(const draw_style *st, int y, int x, int cols, draw_role r);

/*
 * An input box at (y, x): '[', `cols` columns of the editor's view, ']'.
 * With `masked` every character shows as '*' (passwords). Returns the
 * screen column of the caret.
 */
int draw_field(const draw_style *st, int y, int x, int cols, edit *ed, int masked);

/*
 * A memo box of rows x cols at (y, x), each row between '[' and ']', with
 * the editor's text wrapped; the caret's screen position goes to *caret_y,
 * *caret_x.
 */
void draw_memo(const draw_style *st, int y, int x, int rows, int cols, edit *ed, int *caret_y,
               int *caret_x);

/* A box h rows by w columns with its top-left corner at (y, x); the inside is blanked. */
void draw_box(const draw_style *st, int y, int x, int h, int w);

/* A horizontal rule of w columns. */
void draw_hline(const draw_style *st, int y, int x, int w);

#endif
