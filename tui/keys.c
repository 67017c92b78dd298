/*
 * keys — the key table, input decoding and the generated bar and help (see keys.h).
 */
#include "tui/keys.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "locale/msg.h"

/* Codes our own define_key() sequences produce beyond what curses defines. */
#define KEYS_PASTE_BEGIN (KEY_MAX + 1)
#define KEYS_PASTE_END (KEY_MAX + 2)

#define KEYS_CTRL(c) ((c)&0x1f)
#define KEYS_ESC 0x1b
#define KEYS_DEL 0x7f

typedef struct keys_entry {
	keys_action action;
	const char *bar;   /* key name on the function-key bar, NULL: not on the bar */
	const char *names; /* key names for the help screen (ASCII), NULL: not in the help */
	int codes[5];      /* curses key codes (KEY_*) that mean the action, 0-terminated */
	int chars[4];      /* plain characters that mean it (Tab, Enter, Esc …), 0-terminated */
	char ctrl;         /* Ctrl fallback letter, 0 if none */
	msg_id label;      /* short label: the bar, the help screen */
	msg_id help;       /* what it does, for the help screen */
} keys_entry;

/* The table: bar and help come out in this order. */
static const keys_entry keys_table[] = {
    {.action = ACT_HELP,
     .bar = "F1",
     .names = "F1",
     .codes = {KEY_F(1)},
     .ctrl = 'G',
     .label = MSG_KEY_HELP,
     .help = MSG_KEYH_HELP},
    {.action = ACT_SAVE,
     .bar = "F2",
     .names = "F2",
     .codes = {KEY_F(2)},
     .ctrl = 'O',
     .label = MSG_KEY_SAVE,
     .help = MSG_KEYH_SAVE},
    {.action = ACT_FIND,
     .bar = "F3",
     .names = "F3",
     .codes = {KEY_F(3)},
     .ctrl = 'W',
     .label = MSG_KEY_FIND,
     .help = MSG_KEYH_FIND},
    {.action = ACT_PICK,
     .bar = "F4",
     .names = "F4",
     .codes = {KEY_F(4)},
     .ctrl = 'T',
     .label = MSG_KEY_PICK,
     .help = MSG_KEYH_PICK},
    {.action = ACT_NEW,
     .bar = "F5",
     .names = "F5",
     .codes = {KEY_F(5)},
     .ctrl = 'E',
     .label = MSG_KEY_NEW,
     .help = MSG_KEYH_NEW},
    {.action = ACT_MORE,
     .bar = "F6",
     .names = "F6",
     .codes = {KEY_F(6)},
     .ctrl = 'R',
     .label = MSG_KEY_MORE,
     .help = MSG_KEYH_MORE},
    {.action = ACT_ENTER,
     .bar = "Enter",
     .names = "Enter",
     .codes = {KEY_ENTER},
     .chars = {'\r', '\n'},
     .label = MSG_KEY_ENTER,
     .help = MSG_KEYH_ENTER},
    {.action = ACT_NEXT,
     .names = "Tab Down",
     .codes = {KEY_DOWN},
     .chars = {'\t'},
     .ctrl = 'N',
     .label = MSG_KEY_NEXT,
     .help = MSG_KEYH_NEXT},
    {.action = ACT_PREV,
     .names = "S-Tab Up",
     .codes = {KEY_BTAB, KEY_UP},
     .ctrl = 'P',
     .label = MSG_KEY_PREV,
     .help = MSG_KEYH_PREV},
    {.action = ACT_PGUP,
     .bar = "PgUp",
     .names = "PgUp",
     .codes = {KEY_PPAGE},
     .label = MSG_KEY_PGUP,
     .help = MSG_KEYH_PGUP},
    {.action = ACT_PGDN,
     .bar = "PgDn",
     .names = "PgDn",
     .codes = {KEY_NPAGE},
     .label = MSG_KEY_PGDN,
     .help = MSG_KEYH_PGDN},
    {.action = ACT_BACK,
     .bar = "Esc",
     .names = "Esc",
     .chars = {KEYS_ESC},
     .ctrl = 'X',
     .label = MSG_KEY_BACK,
     .help = MSG_KEYH_BACK},
    {.action = ACT_QUIT,
     .bar = "F10",
     .names = "F10",
     .codes = {KEY_F(10)},
     .ctrl = 'Q',
     .label = MSG_KEY_QUIT,
     .help = MSG_KEYH_QUIT},
    {.action = ACT_CLEAR, .names = "", .ctrl = 'U', .label = MSG_KEY_CLEAR, .help = MSG_KEYH_CLEAR},
    {.action = ACT_REDRAW,
     .names = "",
     .ctrl = 'L',
     .label = MSG_KEY_REDRAW,
     .help = MSG_KEYH_REDRAW},
    /* Left and Right share a help line, so the whole help fits one 80x24 screen. */
    {.action = ACT_LEFT,
     .names = "Left Right",
     .codes = {KEY_LEFT},
     .label = MSG_KEY_LEFT_RIGHT,
     .help = MSG_KEYH_LEFT_RIGHT},
    {.action = ACT_RIGHT, .codes = {KEY_RIGHT}, .label = MSG_KEY_RIGHT, .help = MSG_KEYH_RIGHT},
    {.action = ACT_HOME,
     .names = "Home",
     .codes = {KEY_HOME, KEY_FIND, KEY_A1},
     .label = MSG_KEY_HOME,
     .help = MSG_KEYH_HOME},
    {.action = ACT_END,
     .names = "End",
     .codes = {KEY_END, KEY_SELECT, KEY_C1, KEY_LL},
     .label = MSG_KEY_END,
     .help = MSG_KEYH_END},
    {.action = ACT_BACKSPACE,
     .names = "Backspace",
     .codes = {KEY_BACKSPACE},
     .chars = {KEYS_DEL, KEYS_CTRL('h')},
     .label = MSG_KEY_BACKSPACE,
     .help = MSG_KEYH_BACKSPACE},
    {.action = ACT_DELETE,
     .names = "Delete",
     .codes = {KEY_DC},
     .label = MSG_KEY_DELETE,
     .help = MSG_KEYH_DELETE},
};

#define KEYS_N (sizeof keys_table / sizeof keys_table[0])

/* Sequences of the common dialects, whatever terminfo says about TERM. */
static const struct {
	const char *seq;
	int code;
} keys_extra[] = {
    /* xterm, and PuTTY in its default "ESC[n~" mode */
    {"\033OP", KEY_F(1)},
    {"\033OQ", KEY_F(2)},
    {"\033OR", KEY_F(3)},
    {"\033OS", KEY_F(4)},
    {"\033[11~", KEY_F(1)},
    {"\033[12~", KEY_F(2)},
    {"\033[13~", KEY_F(3)},
    {"\033[14~", KEY_F(4)},
    {"\033[15~", KEY_F(5)},
    {"\033[17~", KEY_F(6)},
    {"\033[18~", KEY_F(7)},
    {"\033[19~", KEY_F(8)},
    {"\033[20~", KEY_F(9)},
    {"\033[21~", KEY_F(10)},
    {"\033[23~", KEY_F(11)},
    {"\033[24~", KEY_F(12)},
    /* the Linux console */
    {"\033[[A", KEY_F(1)},
    {"\033[[B", KEY_F(2)},
    {"\033[[C", KEY_F(3)},
    {"\033[[D", KEY_F(4)},
    {"\033[[E", KEY_F(5)},
    /* Home and End in their many spellings */
    {"\033[1~", KEY_HOME},
    {"\033[4~", KEY_END},
    {"\033[7~", KEY_HOME},
    {"\033[8~", KEY_END},
    {"\033[H", KEY_HOME},
    {"\033[F", KEY_END},
    {"\033OH", KEY_HOME},
    {"\033OF", KEY_END},
    /* cursor and editing keys in both cursor modes */
    {"\033[A", KEY_UP},
    {"\033[B", KEY_DOWN},
    {"\033[C", KEY_RIGHT},
    {"\033[D", KEY_LEFT},
    {"\033OA", KEY_UP},
    {"\033OB", KEY_DOWN},
    {"\033OC", KEY_RIGHT},
    {"\033OD", KEY_LEFT},
    {"\033[2~", KEY_IC},
    {"\033[3~", KEY_DC},
    {"\033[5~", KEY_PPAGE},
    {"\033[6~", KEY_NPAGE},
    {"\033[Z", KEY_BTAB},
    {"\033OM", KEY_ENTER},
    /* bracketed paste */
    {"\033[200~", KEYS_PASTE_BEGIN},
    {"\033[201~", KEYS_PASTE_END},
};

void keys_setup(void)
{
	for (size_t i = 0; i < sizeof keys_extra / sizeof keys_extra[0]; i++)
		define_key(keys_extra[i].seq, keys_extra[i].code);
}

static keys_event keys_action_event(keys_action a)
{
	return (keys_event){.kind = KE_ACTION, .action = a};
}

keys_event keys_decode(int rc, wint_t value, int pasting)
{
	keys_event none = {.kind = KE_NONE};
	if (rc == KEY_CODE_YES) {
		int code = (int)value;
		if (code == KEY_RESIZE)
			return (keys_event){.kind = KE_RESIZE};
		if (code == KEYS_PASTE_BEGIN)
			return (keys_event){.kind = KE_PASTE_BEGIN};
		if (code == KEYS_PASTE_END)
			return (keys_event){.kind = KE_PASTE_END};
		if (pasting && code == KEY_ENTER)
			return (keys_event){.kind = KE_CHAR, .ch = L'\n', .pasted = 1};
		for (size_t i = 0; i < KEYS_N; i++)
			for (int j = 0; keys_table[i].codes[j] != 0; j++)
				if (keys_table[i].codes[j] == code) {
					keys_event ev = keys_action_event(keys_table[i].action);
					ev.code = code;
					return ev;
				}
		return none;
	}
	if (rc != OK)
		return none;
	wchar_t ch = (wchar_t)value;
	if (pasting) {
		/* Pasted text is text: a line end never submits, a Tab never moves. */
		if (ch == L'\r' || ch == L'\n')
			return (keys_event){.kind = KE_CHAR, .ch = L'\n', .pasted = 1};
		if (ch == L'\t')
			return (keys_event){.kind = KE_CHAR, .ch = L' ', .pasted = 1};
		if (ch >= 0x20 && ch != KEYS_DEL)
			return (keys_event){.kind = KE_CHAR, .ch = ch, .pasted = 1};
	}
	if (ch < 0x20 || ch == KEYS_DEL) {
		for (size_t i = 0; i < KEYS_N; i++) {
			if (keys_table[i].ctrl != 0 && KEYS_CTRL(keys_table[i].ctrl) == ch)
				return keys_action_event(keys_table[i].action);
			for (int j = 0; keys_table[i].chars[j] != 0; j++)
				if (keys_table[i].chars[j] == ch)
					return keys_action_event(keys_table[i].action);
		}
		return none;
	}
	if (ch >= 0x80 && ch < 0xA0)
		return none; /* C1 controls are never text */
	return (keys_event){.kind = KE_CHAR, .ch = ch};
}

int keys_paste_line(const char *text, char *out, size_t size)
{
	if (size == 0)
		return -1;
	while (*text == ' ' || *text == '\n' || *text == '\t')
		text++;
	size_t n = 0;
	for (; *text != '\0'; text++) {
		if (n + 1 >= size) {
			out[0] = '\0';
			return -1;
		}
		out[n++] = *text == '\n' || *text == '\t' ? ' ' : *text;
	}
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	return (int)n;
}

const char *keys_label(keys_action a)
{
	for (size_t i = 0; i < KEYS_N; i++)
		if (keys_table[i].action == a)
			return msg_text(keys_table[i].label);
	return "";
}

void keys_draw_bar(const draw_style *st, int y, int cols, unsigned mask)
{
	int x = 0;
	for (size_t i = 0; i < KEYS_N; i++) {
		const keys_entry *k = &keys_table[i];
		if (k->bar == NULL || !(mask & KEYS_BIT(k->action)))
			continue;
		const char *label = msg_text(k->label);
		int kw = (int)strlen(k->bar), lw = draw_width(label);
		if (x + kw + lw > cols)
			break;
		draw_text(st, y, x, kw, k->bar, DRAW_KEY, 0);
		draw_text(st, y, x + kw, lw, label, DRAW_NORMAL, 0);
		x += kw + lw + 1;
	}
}

int keys_help_lines(void)
{
	int n = 0;
	for (size_t i = 0; i < KEYS_N; i++)
		n += keys_table[i].names != NULL;
	return n;
}

void keys_draw_help(const draw_style *st, int y, int x, int rows, int cols, int first)
{
	enum { NAMES = 11, CTRL = 6, LABEL = 10 };
	static const msg_id head[4] = {MSG_UI_HELP_KEY, MSG_UI_HELP_CTRL, MSG_UI_HELP_ACTION,
	                               MSG_UI_HELP_TEXT};
	static const int at[4] = {0, NAMES, NAMES + CTRL, NAMES + CTRL + LABEL};
	for (int i = 0; i < 4; i++)
		draw_text(st, y, x + at[i], (i < 3 ? at[i + 1] : cols) - at[i], msg_text(head[i]),
		          DRAW_HEADER, 0);
	/* The entries in the help, skipping those that share another's line. */
	size_t i = 0;
	for (int skip = first; i < KEYS_N; i++)
		if (keys_table[i].names != NULL && skip-- == 0)
			break;
	for (int r = 0; r + 1 < rows && i < KEYS_N; r++, i++) {
		while (i < KEYS_N && keys_table[i].names == NULL)
			i++;
		if (i >= KEYS_N)
			break;
		const keys_entry *k = &keys_table[i];
		char ctrl[4] = "";
		if (k->ctrl != 0)
			snprintf(ctrl, sizeof ctrl, "^%c", k->ctrl);
		draw_text(st, y + 1 + r, x, NAMES, k->names, DRAW_NORMAL, 0);
		draw_text(st, y + 1 + r, x + at[1], CTRL, ctrl, DRAW_NORMAL, 0);
		draw_text(st, y + 1 + r, x + at[2], LABEL, msg_text(k->label), DRAW_NORMAL, 0);
		draw_text(st, y + 1 + r, x + at[3], cols - at[3], msg_text(k->help), DRAW_NORMAL,
		          0);
	}
}
