/*
 * edit — the CJK-aware field editor (see edit.h), pure logic.
 *
 * The text is an array of cells, each a base character with its combining
 * marks, allocated once for max_chars so typing never allocates and never
 * fails for want of memory. Widths are asked of wcwidth() each time a view
 * is made rather than cached, so they always agree with the locale ncurses
 * draws in. Layout treats the cursor's slot at the end of a line (before a
 * '\n' or at the end of the text) as one column wide, which is what keeps
 * the cursor inside the box.
 */
#include "tui/edit.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "locale/text.h"

/* Code points are stored in wchar_t and measured with wcwidth(). */
#ifndef __STDC_ISO_10646__
#error "edit.c needs a C library whose wchar_t holds Unicode code points"
#endif

struct edit_cell {
	wchar_t ch;               /* the base character, or L'\n' in a memo */
	wchar_t mark[EDIT_MARKS]; /* zero-width marks drawn on it */
	unsigned char nmark;      /* how many of mark[] are used */
};

struct edit {
	struct edit_cell *cell; /* max cells, len used */
	int len;
	int max;       /* max_chars */
	int cursor;    /* 0 … len */
	int multiline; /* '\n' allowed */
	int left;      /* first cell shown by edit_view */
	int top;       /* first wrapped line shown by edit_view_lines */
	int goal;      /* column up/down aim for; -1 when not moving vertically */
};

enum edit_kind {
	EDIT_K_BAD,     /* refused everywhere */
	EDIT_K_BASE,    /* starts a new cell */
	EDIT_K_MARK,    /* joins the cell before it */
	EDIT_K_NEWLINE, /* a hard break: a cell of its own, memo only */
};

static enum edit_kind edit_classify(uint32_t cp)
{
	if (cp == '\n')
		return EDIT_K_NEWLINE;
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return EDIT_K_BAD;
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return EDIT_K_BAD;
	/* ZWJ glues emoji sequences terminals draw in no agreed width; the bidi
	 * controls reorder what is shown; U+2028/9 are line breaks in disguise. */
	if (cp == 0x200D || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x2028 || cp == 0x2029)
		return EDIT_K_BAD;
	return wcwidth((wchar_t)cp) == 0 ? EDIT_K_MARK : EDIT_K_BASE;
}

static edit *edit_make(int max_chars, int multiline)
{
	if (max_chars <= 0)
		return NULL;
	edit *ed = calloc(1, sizeof *ed);
	if (ed == NULL)
		return NULL;
	ed->cell = calloc((size_t)max_chars, sizeof *ed->cell);
	if (ed->cell == NULL) {
		free(ed);
		return NULL;
	}
	ed->max = max_chars;
	ed->multiline = multiline;
	ed->goal = -1;
	return ed;
}

edit *edit_new(int max_chars)
{
	return edit_make(max_chars, 0);
}

edit *edit_new_multiline(int max_chars)
{
	return edit_make(max_chars, 1);
}

void edit_free(edit *ed)
{
	if (ed == NULL)
		return;
	free(ed->cell);
	free(ed);
}

int edit_is_multiline(const edit *ed)
{
	return ed != NULL && ed->multiline;
}

/*
 * Walk UTF-8 s as if each character were inserted at the cursor, one after
 * the other. Without apply, only checks: returns EDIT_OK or EDIT_INVALID and
 * counts the new cells in *cells (marks do not count). With apply, writes
 * the new cells into cell[cursor …], which the caller has vacated, and the
 * leading marks onto the cell before the cursor; s must have passed the check.
 */
static int edit_walk(edit *ed, const char *s, int apply, int *cells)
{
	size_t len = strlen(s);
	int n = 0;
	/* What a mark would join: the cell before the cursor, then each new one. */
	struct edit_cell *prev = ed->cursor > 0 ? &ed->cell[ed->cursor - 1] : NULL;
	int has_prev = prev != NULL;
	int prev_newline = has_prev && prev->ch == L'\n';
	int prev_marks = has_prev ? prev->nmark : 0;
	while (len > 0) {
		uint32_t cp;
		int used = text_utf8_check(s, len, &cp);
		if (used <= 0)
			return EDIT_INVALID;
		if (cp == '\r' && ed->multiline) {
			if (len > 1 && s[1] == '\n')
				used = 2;
			cp = '\n';
		}
		s += used;
		len -= (size_t)used;
		enum edit_kind kind = edit_classify(cp);
		if (kind == EDIT_K_BAD || (kind == EDIT_K_NEWLINE && !ed->multiline))
			return EDIT_INVALID;
		if (kind == EDIT_K_MARK) {
			if (!has_prev || prev_newline || prev_marks >= EDIT_MARKS)
				return EDIT_INVALID;
			if (apply)
				prev->mark[prev->nmark++] = (wchar_t)cp;
			prev_marks++;
			continue;
		}
		if (apply) {
			prev = &ed->cell[ed->cursor + n];
			memset(prev, 0, sizeof *prev);
			prev->ch = (wchar_t)cp;
		}
		has_prev = 1;
		prev_newline = kind == EDIT_K_NEWLINE;
		prev_marks = 0;
		n++;
	}
	*cells = n;
	return EDIT_OK;
}

/* Insert s at the cursor, all or nothing. */
static int edit_put(edit *ed, const char *s)
{
	int n = 0;
	int rc = edit_walk(ed, s, 0, &n);
	if (rc != EDIT_OK)
		return rc;
	if (n > ed->max - ed->len)
		return EDIT_FULL;
	memmove(&ed->cell[ed->cursor + n], &ed->cell[ed->cursor],
	        (size_t)(ed->len - ed->cursor) * sizeof *ed->cell);
	edit_walk(ed, s, 1, &n);
	ed->len += n;
	ed->cursor += n;
	ed->goal = -1;
	return EDIT_OK;
}

int edit_set_utf8(edit *ed, const char *s)
{
	if (ed == NULL)
		return -1;
	if (s == NULL)
		s = "";
	/* Check against an empty field; the old text stays until this passes. */
	int len = ed->len, cursor = ed->cursor, n = 0;
	ed->len = ed->cursor = 0;
	int rc = edit_walk(ed, s, 0, &n);
	if (rc != EDIT_OK || n > ed->max) {
		ed->len = len;
		ed->cursor = cursor;
		return -1;
	}
	edit_walk(ed, s, 1, &n);
	ed->len = ed->cursor = n;
	ed->left = ed->top = 0;
	ed->goal = -1;
	return 0;
}

size_t edit_utf8_size(const edit *ed)
{
	size_t size = 0;
	char tmp[4];
	if (ed == NULL)
		return 0;
	for (int i = 0; i < ed->len; i++) {
		const struct edit_cell *c = &ed->cell[i];
		size += text_utf8_encode((uint32_t)c->ch, tmp);
		for (int m = 0; m < c->nmark; m++)
			size += text_utf8_encode((uint32_t)c->mark[m], tmp);
	}
	return size;
}

int edit_get_utf8(const edit *ed, char *buf, size_t size)
{
	if (buf == NULL || size == 0)
		return -1;
	buf[0] = '\0';
	size_t need = edit_utf8_size(ed);
	if (need >= size || need > (size_t)INT_MAX)
		return -1;
	size_t used = 0;
	for (int i = 0; ed != NULL && i < ed->len; i++) {
		const struct edit_cell *c = &ed->cell[i];
		used += text_utf8_encode((uint32_t)c->ch, buf + used);
		for (int m = 0; m < c->nmark; m++)
			used += text_utf8_encode((uint32_t)c->mark[m], buf + used);
	}
	buf[used] = '\0';
	return (int)used;
}

int edit_length(const edit *ed)
{
	return ed ? ed->len : 0;
}

int edit_cursor(const edit *ed)
{
	return ed ? ed->cursor : 0;
}

void edit_set_cursor(edit *ed, int pos)
{
	if (ed == NULL)
		return;
	ed->cursor = pos < 0 ? 0 : pos > ed->len ? ed->len : pos;
	ed->goal = -1;
}

int edit_insert(edit *ed, wchar_t ch)
{
	if (ed == NULL || ch <= 0)
		return EDIT_INVALID;
	char s[5] = {0};
	/* Encoding refuses surrogates and values past U+10FFFF. */
	if (text_utf8_encode((uint32_t)ch, s) == 0)
		return EDIT_INVALID;
	/* A lone '\r' typed is Enter on some terminals; it is not a break here. */
	if (ch == L'\r')
		return EDIT_INVALID;
	return edit_put(ed, s);
}

int edit_insert_utf8(edit *ed, const char *s)
{
	if (ed == NULL || s == NULL)
		return EDIT_INVALID;
	return edit_put(ed, s);
}

void edit_left(edit *ed)
{
	if (ed != NULL && ed->cursor > 0)
		edit_set_cursor(ed, ed->cursor - 1);
}

void edit_right(edit *ed)
{
	if (ed != NULL && ed->cursor < ed->len)
		edit_set_cursor(ed, ed->cursor + 1);
}

void edit_home(edit *ed)
{
	if (ed == NULL)
		return;
	int pos = ed->cursor;
	while (pos > 0 && ed->cell[pos - 1].ch != L'\n')
		pos--;
	edit_set_cursor(ed, pos);
}

void edit_end(edit *ed)
{
	if (ed == NULL)
		return;
	int pos = ed->cursor;
	while (pos < ed->len && ed->cell[pos].ch != L'\n')
		pos++;
	edit_set_cursor(ed, pos);
}

/* Remove cell at; the cursor, if after it, moves back with the text. */
static void edit_remove(edit *ed, int at)
{
	memmove(&ed->cell[at], &ed->cell[at + 1], (size_t)(ed->len - at - 1) * sizeof *ed->cell);
	ed->len--;
	if (ed->cursor > at)
		ed->cursor--;
	ed->goal = -1;
}

void edit_backspace(edit *ed)
{
	if (ed != NULL && ed->cursor > 0)
		edit_remove(ed, ed->cursor - 1);
}

void edit_delete(edit *ed)
{
	if (ed != NULL && ed->cursor < ed->len)
		edit_remove(ed, ed->cursor);
}

void edit_clear(edit *ed)
{
	if (ed == NULL)
		return;
	ed->len = ed->cursor = ed->left = ed->top = 0;
	ed->goal = -1;
}

/*
 * Columns of the slot at pos: a cell's width, 2 for one wcwidth() cannot
 * measure (drawn as 〓), and 1 for a '\n' or the end of the text, where only
 * the cursor stands. A base of width 0 can only come from a locale changed
 * since it was typed; it is given a column so the cursor can reach it.
 */
static int edit_slot_width(const edit *ed, int pos)
{
	if (pos >= ed->len || ed->cell[pos].ch == L'\n')
		return 1;
	int w = text_cp_width((uint32_t)ed->cell[pos].ch);
	return w > 0 ? w : 1;
}

/* Bounded writer of one output row. */
struct edit_out {
	wchar_t *buf;
	size_t size; /* room, NUL included */
	size_t used;
};

static void edit_out_char(struct edit_out *o, wchar_t ch)
{
	if (o->used + 1 < o->size)
		o->buf[o->used++] = ch;
}

/* Write a cell; a space if it does not fit whole (or is a '\n'). */
static void edit_out_cell(struct edit_out *o, const struct edit_cell *c)
{
	if (c->ch == L'\n' || o->used + 1 + c->nmark + 1 > o->size) {
		edit_out_char(o, L' ');
		return;
	}
	o->buf[o->used++] = c->ch;
	for (int m = 0; m < c->nmark; m++)
		o->buf[o->used++] = c->mark[m];
}

static void edit_out_end(struct edit_out *o)
{
	if (o->size > 0)
		o->buf[o->used] = L'\0';
}

/* Column where the text starts when the window begins at cell left. */
static int edit_view_start(int markers, int left)
{
	return markers && left > 0 ? 1 : 0;
}

void edit_view(edit *ed, int cols, wchar_t *out, size_t out_len, int *cursor_col)
{
	struct edit_out o = {out, out == NULL ? 0 : out_len, 0};
	if (cursor_col != NULL)
		*cursor_col = 0;
	if (ed == NULL || cols <= 0) {
		edit_out_end(&o);
		return;
	}
	/* Below 4 columns a marker would leave no room for the text. */
	int markers = cols >= 4;
	int cur = ed->cursor;
	int left = ed->left < 0 ? 0 : ed->left > cur ? cur : ed->left;

	/* span: columns from the window start to the cursor; after: columns of
	 * the text past the cursor's cell. */
	int span = 0, after = 0;
	for (int i = left; i < cur; i++)
		span += edit_slot_width(ed, i);
	for (int i = cur + 1; i < ed->len; i++)
		after += edit_slot_width(ed, i);
	int cw = edit_slot_width(ed, cur);

	/* Scroll right until the cursor's cell fits, leaving the last column to
	 * '>' when the text after it will not all fit anyway. */
	while (left < cur) {
		int need = edit_view_start(markers, left) + span + cw;
		int room = markers && need + after > cols ? cols - 1 : cols;
		if (need <= room)
			break;
		span -= edit_slot_width(ed, left);
		left++;
	}
	/* Scroll back while everything from one cell further left still fits:
	 * no blank columns on the right while text hides on the left. */
	int rest = span + cw + after;
	while (left > 0) {
		int w = edit_slot_width(ed, left - 1);
		if (edit_view_start(markers, left - 1) + w + rest > cols)
			break;
		rest += w;
		span += w;
		left--;
	}
	/* '<' over a single narrow cell hides nothing worth hiding: show it. */
	if (markers && left == 1 && edit_slot_width(ed, 0) == 1) {
		left = 0;
		span += 1;
	}
	ed->left = left;

	int start = edit_view_start(markers, left);
	int ccol = start + span;
	int col = start;
	int end = left;
	while (end < ed->len && col + edit_slot_width(ed, end) <= cols)
		col += edit_slot_width(ed, end++);
	/* The scroll above keeps the last column free whenever text is hidden
	 * on the right; the cursor test only guards that promise. */
	int limit = cols;
	if (markers && end < ed->len && ccol + cw < cols)
		limit = cols - 1;

	if (start > 0)
		edit_out_char(&o, L'<');
	col = start;
	for (int i = left; i < ed->len; i++) {
		int w = edit_slot_width(ed, i);
		if (col + w > limit)
			break;
		edit_out_cell(&o, &ed->cell[i]);
		col += w;
	}
	for (; col < limit; col++)
		edit_out_char(&o, L' ');
	if (limit < cols)
		edit_out_char(&o, L'>');
	edit_out_end(&o);
	if (cursor_col != NULL)
		*cursor_col = ccol;
}

/*
 * Wrapped layout, computed as a walk over the cursor positions 0 … len: each
 * position has a row and a column. A slot that does not fit on the rest of
 * a row starts the next one; a '\n' ends its row.
 */
struct edit_flow {
	const edit *ed;
	int cols;
	int pos; /* position being placed */
	int row, col;
};

static void edit_flow_place(struct edit_flow *f)
{
	if (f->col > 0 && f->col + edit_slot_width(f->ed, f->pos) > f->cols) {
		f->row++;
		f->col = 0;
	}
}

static void edit_flow_start(struct edit_flow *f, const edit *ed, int cols)
{
	f->ed = ed;
	f->cols = cols;
	f->pos = f->row = f->col = 0;
	edit_flow_place(f);
}

/* Step to the next position; 0 once past the end of the text. */
static int edit_flow_next(struct edit_flow *f)
{
	if (f->pos >= f->ed->len)
		return 0;
	if (f->ed->cell[f->pos].ch == L'\n') {
		f->row++;
		f->col = 0;
	} else {
		f->col += edit_slot_width(f->ed, f->pos);
	}
	f->pos++;
	edit_flow_place(f);
	return 1;
}

/* Row and column of position pos, and the number of rows in all. */
static int edit_flow_find(const edit *ed, int cols, int pos, int *row, int *col)
{
	struct edit_flow f;
	edit_flow_start(&f, ed, cols);
	do {
		if (f.pos == pos) {
			*row = f.row;
			*col = f.col;
		}
	} while (edit_flow_next(&f));
	return f.row + 1;
}

int edit_view_lines(edit *ed, int rows, int cols, wchar_t *out, size_t line_len, int *cursor_row,
                    int *cursor_col)
{
	if (cursor_row != NULL)
		*cursor_row = 0;
	if (cursor_col != NULL)
		*cursor_col = 0;
	if (ed == NULL || rows <= 0 || cols <= 0) {
		for (int r = 0; out != NULL && line_len > 0 && r < rows; r++)
			out[(size_t)r * line_len] = L'\0';
		return 0;
	}
	int crow = 0, ccol = 0;
	int total = edit_flow_find(ed, cols, ed->cursor, &crow, &ccol);

	int top = ed->top < 0 ? 0 : ed->top;
	if (crow < top)
		top = crow;
	if (crow >= top + rows)
		top = crow - rows + 1;
	if (top > 0 && top + rows > total)
		top = total > rows ? total - rows : 0;
	ed->top = top;

	if (out != NULL) {
		struct edit_flow f;
		edit_flow_start(&f, ed, cols);
		for (int r = 0; r < rows; r++) {
			struct edit_out o = {out + (size_t)r * line_len, line_len, 0};
			int col = 0;
			while (f.pos < ed->len && f.row < top + r)
				edit_flow_next(&f);
			while (f.pos < ed->len && f.row == top + r) {
				const struct edit_cell *c = &ed->cell[f.pos];
				int w = edit_slot_width(ed, f.pos);
				if (c->ch != L'\n') {
					/* Only a cell wider than the whole box overflows. */
					if (w > cols)
						edit_out_char(&o, L' ');
					else
						edit_out_cell(&o, c);
					col += w > cols ? cols : w;
				}
				edit_flow_next(&f);
			}
			for (; col < cols; col++)
				edit_out_char(&o, L' ');
			edit_out_end(&o);
		}
	}
	if (cursor_row != NULL)
		*cursor_row = crow - top;
	if (cursor_col != NULL)
		*cursor_col = ccol;
	return total;
}

int edit_first_line(const edit *ed)
{
	return ed ? ed->top : 0;
}

/* Move to wrapped row crow + dir at the goal column; 1 if moved. */
static int edit_vertical(edit *ed, int cols, int dir)
{
	if (ed == NULL || cols <= 0)
		return 0;
	int crow = 0, ccol = 0;
	int total = edit_flow_find(ed, cols, ed->cursor, &crow, &ccol);
	int target = crow + dir;
	if (target < 0 || target >= total)
		return 0;
	int goal = ed->goal >= 0 ? ed->goal : ccol;
	/* The last position on the target row not right of the goal; every row
	 * has a position in column 0, so one is always found. */
	int best = -1;
	struct edit_flow f;
	edit_flow_start(&f, ed, cols);
	do {
		if (f.row == target && f.col <= goal)
			best = f.pos;
	} while (f.row <= target && edit_flow_next(&f));
	if (best < 0)
		return 0;
	ed->cursor = best;
	ed->goal = goal;
	return 1;
}

int edit_up(edit *ed, int cols)
{
	return edit_vertical(ed, cols, -1);
}

int edit_down(edit *ed, int cols)
{
	return edit_vertical(ed, cols, 1);
}
