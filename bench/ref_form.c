/*
 * ref_form — the reference ncurses program: what a straightforward ncurses
 * form costs on the wire, the baseline our byte counts are compared with.
 *
 *   ref_form [login|form] [paste]
 *
 * "login" (the default) shows a login box (用户名/密码); Enter on 密码 opens
 * the form. "form" starts with the form: a title line, a box of 8 labelled
 * fields and a key bar. Every frame is werase() plus a full redraw followed
 * by refresh(), leaving the diffing to ncurses; text goes in and out only
 * through the wide-character API; no libform.
 *
 * Keys: Tab/Down/Enter/^N next field, Shift-Tab/Up/^P previous, Backspace
 * deletes, ^U clears the field, F1/^G help, F2/^O "save", F10/^X exit,
 * ^L repaints. "paste" turns on bracketed paste, so a pasted line end does
 * not move to the next field.
 *
 * With LAOBAO_FRAME_FD set, one byte is written to that descriptor after
 * each refresh(), i.e. after the frame's output has been flushed. The
 * program exits with status 0 on F10/^X and 3 when the terminal goes away
 * (SIGHUP, SIGTERM, end of input).
 */
#include <curses.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#define REF_FIELDS 8
#define REF_MAXCH 60
#define REF_KEY_PASTE_BEGIN (KEY_MAX + 1)
#define REF_KEY_PASTE_END (KEY_MAX + 2)
#define REF_CTRL(c) ((c)&0x1f)

typedef struct ref_field {
	const wchar_t *label;
	int width;  /* columns on screen */
	int secret; /* shown as '*' */
	wchar_t text[REF_MAXCH + 1];
	int len; /* characters in text */
} ref_field;

typedef struct ref_app {
	ref_field login[2];
	ref_field form[REF_FIELDS];
	int in_form;     /* 0: login box, 1: form */
	int cur;         /* current field of the screen shown */
	int pasting;     /* between bracketed-paste markers */
	int frame_fd;    /* LAOBAO_FRAME_FD, or -1 */
	wchar_t msg[80]; /* message line, empty when none */
} ref_app;

static volatile sig_atomic_t ref_lost; /* SIGHUP or SIGTERM arrived */

static void ref_on_signal(int sig)
{
	(void)sig;
	ref_lost = 1;
}

static void ref_field_init(ref_field *f, const wchar_t *label, int width, int secret)
{
	memset(f, 0, sizeof *f);
	f->label = label;
	f->width = width;
	f->secret = secret;
}

static int ref_text_width(const wchar_t *s, int n)
{
	int w = 0;
	for (int i = 0; i < n; i++)
		w += wcwidth(s[i]) > 0 ? wcwidth(s[i]) : 1;
	return w;
}

/* Draw a field's text padded to its width in underline; returns the caret column. */
static int ref_draw_field(const ref_field *f, int y, int x)
{
	attron(A_UNDERLINE);
	mvhline(y, x, ' ', f->width);
	if (f->secret) {
		for (int i = 0; i < f->len; i++)
			mvaddch(y, x + i, '*');
	} else {
		mvaddnwstr(y, x, f->text, f->len);
	}
	attroff(A_UNDERLINE);
	return x + (f->secret ? f->len : ref_text_width(f->text, f->len));
}

static void ref_box(int y, int x, int h, int w)
{
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
}

static void ref_keybar(void)
{
	static const wchar_t *const keys[][2] = {
	    {L"F1", L"帮助"},      {L"F2", L"保存"},  {L"Tab", L"下一项"},
	    {L"S-Tab", L"上一项"}, {L"F10", L"退出"}, {L"^G^O^X", L"同F1/F2/F10"},
	};
	int x = 0;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		attron(A_REVERSE);
		mvaddwstr(LINES - 1, x, keys[i][0]);
		attroff(A_REVERSE);
		x += (int)wcslen(keys[i][0]);
		mvaddwstr(LINES - 1, x, keys[i][1]);
		x += ref_text_width(keys[i][1], (int)wcslen(keys[i][1])) + 2;
	}
}

static void ref_draw(ref_app *a)
{
	int cy = 0, cx = 0;
	werase(stdscr);
	if (LINES < 24 || COLS < 80) {
		mvaddwstr(0, 0, L"窗口太小，请放大到 80x24");
		refresh();
		return;
	}
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	mvaddwstr(0, 2, a->in_form ? L"参保人员登记（参考程序）" : L"劳保终端（参考程序）");
	attroff(A_REVERSE);
	if (a->in_form) {
		ref_box(2, 2, REF_FIELDS + 2, 76);
		for (int i = 0; i < REF_FIELDS; i++) {
			if (i == a->cur)
				attron(A_BOLD);
			mvaddwstr(3 + i, 5, a->form[i].label);
			addwstr(L"：");
			attroff(A_BOLD);
			int x = ref_draw_field(&a->form[i], 3 + i, 22);
			if (i == a->cur)
				cy = 3 + i, cx = x;
		}
	} else {
		ref_box(8, 20, 7, 40);
		mvaddwstr(9, 36, L"用户登录");
		for (int i = 0; i < 2; i++) {
			if (i == a->cur)
				attron(A_BOLD);
			mvaddwstr(11 + i, 24, a->login[i].label);
			addwstr(L"：");
			attroff(A_BOLD);
			int x = ref_draw_field(&a->login[i], 11 + i, 34);
			if (i == a->cur)
				cy = 11 + i, cx = x;
		}
	}
	if (a->msg[0] != L'\0')
		mvaddwstr(LINES - 3, 2, a->msg);
	ref_keybar();
	move(cy, cx);
	refresh();
}

static void ref_frame_done(const ref_app *a)
{
	if (a->frame_fd >= 0 && write(a->frame_fd, "F", 1) < 0) {
		/* A full or closed pipe only costs the harness a frame signal. */
	}
}

static ref_field *ref_current(ref_app *a)
{
	return a->in_form ? &a->form[a->cur] : &a->login[a->cur];
}

static void ref_move(ref_app *a, int delta)
{
	int n = a->in_form ? REF_FIELDS : 2;
	a->cur = (a->cur + delta + n) % n;
}

static void ref_insert(ref_app *a, wchar_t c)
{
	ref_field *f = ref_current(a);
	int w = wcwidth(c);
	if (w <= 0 || f->len >= REF_MAXCH)
		return;
	int used = f->secret ? f->len : ref_text_width(f->text, f->len);
	if (used + (f->secret ? 1 : w) > f->width)
		return;
	f->text[f->len++] = c;
	f->text[f->len] = L'\0';
}

static void ref_enter(ref_app *a)
{
	if (!a->in_form && a->cur == 1) {
		a->in_form = 1;
		a->cur = 0;
		swprintf(a->msg, sizeof a->msg / sizeof a->msg[0], L"欢迎，%ls", a->login[0].text);
		return;
	}
	ref_move(a, 1);
}

/* Handle one key; returns 1 when the user asked to leave. */
static int ref_key(ref_app *a, int is_key, wint_t k)
{
	ref_field *f = ref_current(a);
	a->msg[0] = L'\0';
	if (is_key) {
		if (k == KEY_F(10))
			return 1;
		if (k == REF_KEY_PASTE_BEGIN || k == REF_KEY_PASTE_END)
			a->pasting = k == REF_KEY_PASTE_BEGIN;
		else if (k == KEY_DOWN)
			ref_move(a, 1);
		else if (k == KEY_UP || k == KEY_BTAB)
			ref_move(a, -1);
		else if (k == KEY_ENTER)
			ref_enter(a);
		else if (k == KEY_BACKSPACE || k == KEY_DC) {
			if (f->len > 0)
				f->text[--f->len] = L'\0';
		} else if (k == KEY_F(1))
			wcscpy(a->msg, L"帮助：Tab 下一项，Shift-Tab 上一项，F10 退出");
		else if (k == KEY_F(2))
			wcscpy(a->msg, L"已保存（参考程序不写文件）");
		else if (k > KEY_F0 && k <= KEY_F(12))
			swprintf(a->msg, sizeof a->msg / sizeof a->msg[0], L"功能键 F%d 未定义",
			         (int)(k - KEY_F0));
		return 0;
	}
	if (a->pasting && (k == L'\r' || k == L'\n' || k == L'\t'))
		return 0;
	switch (k) {
	case REF_CTRL('x'):
		return 1;
	case L'\t':
	case REF_CTRL('n'):
		ref_move(a, 1);
		break;
	case REF_CTRL('p'):
		ref_move(a, -1);
		break;
	case L'\r':
	case L'\n':
		ref_enter(a);
		break;
	case 0x7f:
	case REF_CTRL('h'):
		if (f->len > 0)
			f->text[--f->len] = L'\0';
		break;
	case REF_CTRL('u'):
		f->len = 0;
		f->text[0] = L'\0';
		break;
	case REF_CTRL('g'):
		return ref_key(a, 1, KEY_F(1));
	case REF_CTRL('o'):
		return ref_key(a, 1, KEY_F(2));
	case REF_CTRL('l'):
		clearok(curscr, TRUE);
		break;
	default:
		if (iswprint(k))
			ref_insert(a, (wchar_t)k);
	}
	return 0;
}

static int ref_frame_fd(void)
{
	const char *s = getenv("LAOBAO_FRAME_FD");
	if (s == NULL || *s == '\0')
		return -1;
	char *end;
	long fd = strtol(s, &end, 10);
	if (*end != '\0' || fd < 0 || fd > 1024 || fcntl((int)fd, F_GETFD) < 0)
		return -1;
	fcntl((int)fd, F_SETFL, O_NONBLOCK);
	return (int)fd;
}

int main(int argc, char **argv)
{
	ref_app app;
	ref_app *a = &app;
	memset(a, 0, sizeof *a);
	int paste = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "form") == 0)
			a->in_form = 1;
		else if (strcmp(argv[i], "paste") == 0)
			paste = 1;
		else if (strcmp(argv[i], "login") != 0) {
			fprintf(stderr, "用法：ref_form [login|form] [paste]\n");
			return 2;
		}
	}
	if (setlocale(LC_ALL, "") == NULL) {
		fprintf(stderr, "ref_form: 无法设置区域（LANG/LC_ALL）\n");
		return 2;
	}
	a->frame_fd = ref_frame_fd();
	ref_field_init(&a->login[0], L"用户名", 16, 0);
	ref_field_init(&a->login[1], L"密码", 16, 1);
	static const struct {
		const wchar_t *label;
		int width;
	} spec[REF_FIELDS] = {
	    {L"姓名", 20}, {L"公民身份号码", 18}, {L"性别", 4},      {L"出生日期", 10},
	    {L"民族", 10}, {L"联系电话", 15},     {L"户籍地址", 50}, {L"参保日期", 10},
	};
	for (int i = 0; i < REF_FIELDS; i++)
		ref_field_init(&a->form[i], spec[i].label, spec[i].width, 0);

	/* Before initscr, so ncurses keeps its hands off these signals. */
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ref_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	initscr();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(1);
	if (paste) {
		define_key("\033[200~", REF_KEY_PASTE_BEGIN);
		define_key("\033[201~", REF_KEY_PASTE_END);
		putp("\033[?2004h");
		fflush(stdout); /* putp goes through stdio, not ncurses' own buffer */
	}
	int status = 3; /* not 1: that is what a sanitizer exits with */
	for (;;) {
		ref_draw(a);
		ref_frame_done(a);
		wint_t k;
		int r = get_wch(&k);
		if (ref_lost || r == ERR)
			break; /* hangup, or input is gone (EIO/EOF): never spin on ERR */
		if (r == KEY_CODE_YES && k == KEY_RESIZE)
			continue;
		if (ref_key(a, r == KEY_CODE_YES, k)) {
			status = 0;
			break;
		}
	}
	if (paste)
		putp("\033[?2004l");
	endwin();
	return status;
}
