/*
 * draw — text and chrome on the screen (see draw.h).
 */
#include "tui/draw.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "locale/enc.h"
#include "locale/text.h"

#define DRAW_SUBST 0x3013  /* 〓, what the screen shows for a character it cannot */
#define DRAW_MAXW 600      /* wide characters drawn in one call (a line is at most COLS) */
#define DRAW_FIELD_MAX 116 /* widest input box: its view fits in DRAW_MAXW */

enum draw_pair {
	DRAW_PAIR_TITLE = 1,
	DRAW_PAIR_KEY,
	DRAW_PAIR_ERROR,
	DRAW_PAIR_NOTICE,
};

void draw_style_init(draw_style *st, int ascii)
{
	memset(st, 0, sizeof *st);
	st->ascii = ascii;
	const char *no = getenv("NO_COLOR");
	if ((no != NULL && *no != '\0') || !has_colors() || start_color() != OK || COLORS < 8 ||
	    COLOR_PAIRS < 8)
		return;
	/* The user's own background stays where the terminal allows it. */
	short bg = use_default_colors() == OK ? -1 : COLOR_BLACK;
	init_pair(DRAW_PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(DRAW_PAIR_KEY, COLOR_BLACK, COLOR_CYAN);
	init_pair(DRAW_PAIR_ERROR, COLOR_RED, bg);
	init_pair(DRAW_PAIR_NOTICE, COLOR_GREEN, bg);
	st->colour = 1;
}

attr_t draw_attr(const draw_style *st, draw_role r)
{
	int c = st != NULL && st->colour;
	switch (r) {
	case DRAW_TITLE:
		return c ? COLOR_PAIR(DRAW_PAIR_TITLE) : A_REVERSE;
	case DRAW_KEY:
		return c ? COLOR_PAIR(DRAW_PAIR_KEY) : A_REVERSE;
	case DRAW_ERROR:
		return c ? COLOR_PAIR(DRAW_PAIR_ERROR) | A_BOLD : A_BOLD;
	case DRAW_NOTICE:
		return c ? COLOR_PAIR(DRAW_PAIR_NOTICE) : A_NORMAL;
	case DRAW_SELECT:
		return A_REVERSE;
	case DRAW_HEADER:
		return A_BOLD;
	case DRAW_NORMAL:
	case DRAW_LABEL:
	case DRAW_BORDER:
		break;
	}
	return A_NORMAL;
}

/* What the screen shows for code point cp: itself, 〓, or '?'. */
static wchar_t draw_safe(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0xD800 && cp <= 0xDFFF) ||
	    cp > 0x10FFFF)
		return L'?';
	if (cp < 0x7F)
		return (wchar_t)cp;
	if (!enc_locale_can_show(cp) || wcwidth((wchar_t)cp) < 0)
		return enc_locale_can_show(DRAW_SUBST) ? (wchar_t)DRAW_SUBST : L'?';
	return (wchar_t)cp;
}

size_t draw_decode(const char *utf8, wchar_t *out, size_t out_len)
{
	size_t n = 0;
	if (out_len == 0)
		return 0;
	size_t len = utf8 ? strlen(utf8) : 0;
	for (size_t i = 0; i < len && n + 1 < out_len;) {
		uint32_t cp = 0;
		int k = text_utf8_check(utf8 + i, len - i, &cp);
		if (k <= 0) {
			out[n++] = L'?';
			i++;
			continue;
		}
		i += (size_t)k;
		wchar_t w = draw_safe(cp);
		/* A combining mark needs a base before it, or it would land on the box edge. */
		if (w != L'?' && wcwidth(w) == 0 && (n == 0 || out[n - 1] == L' '))
			continue;
		out[n++] = w;
	}
	out[n] = L'\0';
	return n;
}

int draw_width(const char *utf8)
{
	return text_width(utf8);
}

int draw_wtext(const draw_style *st, int y, int x, int cols, const wchar_t *ws, draw_role r,
               int pad)
{
	wchar_t buf[DRAW_MAXW + 1];
	size_t n = 0;
	int used = 0;
	if (cols <= 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
		return 0;
	if (cols > COLS - x)
		cols = COLS - x;
	for (const wchar_t *p = ws; p && *p && n < DRAW_MAXW; p++) {
		wchar_t w = draw_safe((uint32_t)*p);
		int cw = wcwidth(w);
		if (cw < 0)
			cw = 1;
		if (cw == 0 && (n == 0 || buf[n - 1] == L' '))
			continue;
		if (used + cw > cols)
			break;
		buf[n++] = w;
		used += cw;
	}
	if (pad)
		while (used < cols && n < DRAW_MAXW)
			buf[n++] = L' ', used++;
	buf[n] = L'\0';
	attr_t a = draw_attr(st, r);
	if (a != A_NORMAL)
		attrset(a);
	mvaddnwstr(y, x, buf, (int)n);
	if (a != A_NORMAL)
		attrset(A_NORMAL);
	return used;
}

int draw_text(const draw_style *st, int y, int x, int cols, const char *utf8, draw_role r, int pad)
{
	wchar_t buf[DRAW_MAXW + 1];
	draw_decode(utf8, buf, sizeof buf / sizeof buf[0]);
	return draw_wtext(st, y, x, cols, buf, r, pad);
}

void draw_centred(const draw_style *st, int y, int x, int cols, const char *utf8, draw_role r)
{
	int w = draw_width(utf8);
	int off = w < cols ? (cols - w) / 2 : 0;
	draw_text(st, y, x + off, cols - off, utf8, r, 0);
}

void draw_fill(const draw_style *st, int y, int x, int cols, draw_role r)
{
	draw_wtext(st, y, x, cols, L"", r, 1);
}

int draw_field(const draw_style *st, int y, int x, int cols, edit *ed, int masked)
{
	wchar_t view[EDIT_VIEW_LEN(DRAW_FIELD_MAX)];
	int caret = 0;
	if (cols > DRAW_FIELD_MAX)
		cols = DRAW_FIELD_MAX;
	if (masked) {
		int n = edit_length(ed);
		caret = edit_cursor(ed);
		if (n > cols - 1)
			caret -= n - (cols - 1), n = cols - 1;
		if (caret < 0)
			caret = 0;
		for (int i = 0; i < n; i++)
			view[i] = L'*';
		view[n] = L'\0';
	} else {
		edit_view(ed, cols, view, sizeof view / sizeof view[0], &caret);
	}
	draw_text(st, y, x, 1, "[", DRAW_BORDER, 0);
	draw_wtext(st, y, x + 1, cols, view, DRAW_NORMAL, 1);
	draw_text(st, y, x + 1 + cols, 1, "]", DRAW_BORDER, 0);
	return x + 1 + caret;
}

void draw_memo(const draw_style *st, int y, int x, int rows, int cols, edit *ed, int *caret_y,
               int *caret_x)
{
	enum { LINE = EDIT_VIEW_LEN(DRAW_FIELD_MAX), ROWS = 12 };
	static const size_t line_len = LINE;
	wchar_t *view = calloc((size_t)ROWS * LINE, sizeof *view);
	int cr = 0, cc = 0;
	if (cols > DRAW_FIELD_MAX)
		cols = DRAW_FIELD_MAX;
	if (rows > ROWS)
		rows = ROWS;
	if (view != NULL)
		edit_view_lines(ed, rows, cols, view, line_len, &cr, &cc);
	for (int r = 0; r < rows; r++) {
		draw_text(st, y + r, x, 1, "[", DRAW_BORDER, 0);
		draw_wtext(st, y + r, x + 1, cols, view ? view + (size_t)r * line_len : L"",
		           DRAW_NORMAL, 1);
		draw_text(st, y + r, x + 1 + cols, 1, "]", DRAW_BORDER, 0);
	}
	free(view);
	*caret_y = y + cr;
	*caret_x = x + 1 + cc;
}

/*
 * Lines are put one cell at a time through waddch: whline()/wvline() store
 * cells directly and, over half of a double-width character, lose the
 * other half's neighbour (a popup's corner vanished over 劳动 in testing).
 */
static void draw_cells(int y, int x, int dy, int dx, int n, chtype ch)
{
	for (int i = 0; i < n; i++)
		mvaddch(y + i * dy, x + i * dx, ch);
}

void draw_hline(const draw_style *st, int y, int x, int w)
{
	if (w <= 0 || y < 0 || y >= LINES)
		return;
	draw_cells(y, x, 0, 1, w, st->ascii ? '-' : ACS_HLINE);
}

/*
 * Start column of the character covering column x of row y: x itself, or
 * the column before for the right half of a double-width character. Read
 * from what this frame has drawn so far.
 */
static int draw_char_start(int y, int x, int *width)
{
	for (int c = 0; c < x;) {
		cchar_t cc;
		wchar_t wc[CCHARW_MAX + 1];
		attr_t at;
		short pair;
		int w = 1;
		if (mvin_wch(y, c, &cc) == OK && getcchar(&cc, wc, &at, &pair, NULL) == OK)
			w = wcwidth(wc[0]) > 1 ? 2 : 1;
		if (c + w > x) {
			*width = w;
			return c;
		}
		c += w;
	}
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t at;
	short pair;
	*width = mvin_wch(y, x, &cc) == OK && getcchar(&cc, wc, &at, &pair, NULL) == OK &&
	                 wcwidth(wc[0]) > 1
	             ? 2
	             : 1;
	return x;
}

void draw_box(const draw_style *st, int y, int x, int h, int w)
{
	if (h < 2 || w < 2)
		return;
	/*
	 * ncurses 6.4 leaves the other half of a double-width character it
	 * overwrites in place, so the terminal would keep half a character
	 * beside the box: the halves outside the box are blanked here.
	 */
	for (int i = 0; i < h; i++) {
		int lw, rw;
		int ls = draw_char_start(y + i, x, &lw);
		int rs = draw_char_start(y + i, x + w - 1, &rw);
		if (ls < x)
			mvaddnwstr(y + i, ls, L" ", 1);
		draw_fill(st, y + i, x, w, DRAW_NORMAL);
		if (rs + rw > x + w && x + w < COLS)
			mvaddnwstr(y + i, x + w, L" ", 1);
	}
	int a = st->ascii;
	chtype hl = a ? '-' : ACS_HLINE, vl = a ? '|' : ACS_VLINE;
	mvaddch(y, x, a ? '+' : ACS_ULCORNER);
	draw_cells(y, x + 1, 0, 1, w - 2, hl);
	mvaddch(y, x + w - 1, a ? '+' : ACS_URCORNER);
	draw_cells(y + 1, x, 1, 0, h - 2, vl);
	draw_cells(y + 1, x + w - 1, 1, 0, h - 2, vl);
	mvaddch(y + h - 1, x, a ? '+' : ACS_LLCORNER);
	draw_cells(y + h - 1, x + 1, 0, 1, w - 2, hl);
	mvaddch(y + h - 1, x + w - 1, a ? '+' : ACS_LRCORNER);
}
