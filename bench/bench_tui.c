/*
 * bench_tui — the terminal side, each figure beside a reference program run
 * in the same way in the same run, all through the pty harness (tests/vt)
 * at 80x24 under zh_CN.UTF-8:
 *
 *   start to first screen: from starting the program to its first frame
 *     (LAOBAO_FRAME_FD), laobao showing its login screen on the benchmark
 *     database against ref_hello; the median of BT_STARTS alternating runs;
 *   RSS at the main menu: laobao logged in as demo against ref_hello on its
 *     screen (VmRSS); the goal allows laobao's page cache on top of twice
 *     the reference;
 *   bytes on the wire: the first screen (login) and the screen after login
 *     against ref_form doing the same; each typed Chinese character in 姓名
 *     of 人员基本信息 and each move between two fields against ref_form's
 *     form; the first screen and a typed character against dialog(1)'s
 *     input box when dialog is installed (optional: scripts/setup does not
 *     install it);
 *   a whole 失业登记 typed in at 9600 baud: every byte laobao sends from
 *     start to exit while a new person is registered key by key, every
 *     field of the form filled, and saved; seconds = bytes x 10 / 9600
 *     (8N1, no compression).
 *
 * Byte counts are the raw bytes the program wrote to the pty.
 *
 *   bench_tui DB   (DB is a scratch copy: the typed registration is saved in it)
 */
#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench/bench.h"
#include "tests/vt.h"

#define BT_WAIT_MS 20000
#define BT_STARTS 15
#define BT_LOCALE "zh_CN.UTF-8"
#define BT_CACHE_KIB 16384 /* db_open's page cache: db/db.c DB_CACHE_KIB */

typedef struct bt_paths {
	const char *db;
	char laobao[4096], ref_hello[4096], ref_form[4096], dialog[64];
} bt_paths;

static vt *bt_start(char *const *argv)
{
	vt_opts o = {.argv = argv, .locale = BT_LOCALE};
	vt *v = NULL;
	if (vt_start(&o, &v) != 0) {
		fprintf(stderr, "bench_tui: cannot start %s\n", argv[0]);
		return NULL;
	}
	return v;
}

static vt *bt_laobao(const bt_paths *p)
{
	char *argv[] = {(char *)p->laobao, "--db", (char *)p->db, NULL};
	return bt_start(argv);
}

/* Type one key's worth of text and let the program draw its answer. */
static int bt_type(vt *v, const char *utf8)
{
	return vt_type(v, utf8) == 0 && vt_wait_idle(v, BT_WAIT_MS);
}

static int bt_key(vt *v, vt_keyname k)
{
	return vt_key(v, k) == 0 && vt_wait_idle(v, BT_WAIT_MS);
}

/* Type text one character at a time, as a person at a keyboard does. */
static int bt_type_chars(vt *v, const char *utf8)
{
	while (*utf8) {
		size_t n = 1;
		unsigned char c = (unsigned char)*utf8;
		if (c >= 0xF0)
			n = 4;
		else if (c >= 0xE0)
			n = 3;
		else if (c >= 0xC0)
			n = 2;
		char one[8];
		memcpy(one, utf8, n);
		one[n] = '\0';
		if (!bt_type(v, one))
			return 0;
		utf8 += n;
	}
	return 1;
}

/* Log in as demo; a draft an earlier run left behind is declined. */
static int bt_login(vt *v)
{
	int ok = vt_wait_text(v, "用户登录", BT_WAIT_MS) && vt_wait_idle(v, BT_WAIT_MS) &&
	         bt_type(v, "demo") && bt_key(v, VT_KEY_ENTER) && bt_type(v, "demo") &&
	         vt_key(v, VT_KEY_ENTER) == 0 && vt_wait_text(v, "主菜单", BT_WAIT_MS) &&
	         vt_wait_idle(v, BT_WAIT_MS);
	while (ok && vt_contains(v, "发现未保存的草稿"))
		ok = bt_type(v, "n");
	return ok;
}

/* VmRSS or VmHWM of pid in KiB, -1 if unreadable. */
static long bt_proc_kib(int pid, const char *field)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", pid);
	FILE *f = fopen(path, "r");
	long kib = -1;
	size_t n = strlen(field);
	while (f != NULL && fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, field, n) == 0 && line[n] == ':')
			kib = strtol(line + n + 1, NULL, 10);
	if (f != NULL)
		fclose(f);
	return kib;
}

/* Start-up: alternate laobao and ref_hello, time each to its first frame. */
static void bt_startup(const bt_paths *p)
{
	static double ours[BT_STARTS], ref[BT_STARTS];
	double first = 0;
	int bad = 0;
	char *hello[] = {(char *)p->ref_hello, NULL};
	for (int i = 0; i < BT_STARTS; i++) {
		for (int k = 0; k < 2; k++) {
			int mine = (i + k) % 2 == 0;
			double t0 = bench_now_us();
			vt *v = mine ? bt_laobao(p) : bt_start(hello);
			int ok = v != NULL && vt_wait_frame(v, BT_WAIT_MS);
			double t = bench_now_us() - t0;
			if (mine)
				ok = ok && vt_wait_text(v, "用户登录", BT_WAIT_MS);
			bad += !ok;
			if (mine)
				ours[i] = t;
			else
				ref[i] = t;
			if (mine && i == 0)
				first = t;
			vt_free(v);
		}
	}
	double o = bench_pct(ours, BT_STARTS, 0.5), r = bench_pct(ref, BT_STARTS, 0.5);
	bench_row_us("start to login screen, first run", first, 0, "report", "-");
	bench_row_us("start to login screen, median", o, r, "<= 2x ref",
	             bench_met(!bad && o <= 2 * r));
}

static void bt_rss(const bt_paths *p)
{
	char *hello[] = {(char *)p->ref_hello, NULL};
	vt *r = bt_start(hello);
	long ref = -1;
	if (r != NULL && vt_wait_frame(r, BT_WAIT_MS))
		ref = bt_proc_kib(vt_pid(r), "VmRSS");
	vt_free(r);
	vt *v = bt_laobao(p);
	long ours = -1, peak = -1;
	if (v != NULL && bt_login(v)) {
		ours = bt_proc_kib(vt_pid(v), "VmRSS");
		peak = bt_proc_kib(vt_pid(v), "VmHWM");
	}
	vt_free(v);
	char o[32], rf[32], ratio[32], goal[48];
	snprintf(o, sizeof o, "%.1fMiB", ours / 1024.0);
	snprintf(rf, sizeof rf, "%.1fMiB", ref / 1024.0);
	snprintf(ratio, sizeof ratio, "%.2fx", ref > 0 ? (double)ours / (double)ref : 0);
	snprintf(goal, sizeof goal, "<= 2x+%dMiB", BT_CACHE_KIB / 1024);
	int ok = ours > 0 && ref > 0 && ours <= 2 * ref + BT_CACHE_KIB;
	bench_row("RSS at the main menu", o, rf, ratio, goal, bench_met(ok));
	snprintf(o, sizeof o, "%.1fMiB", peak / 1024.0);
	bench_row("peak RSS up to the main menu (login hashing)", o, "-", "-", "report", "-");
}

typedef struct bt_bytes {
	unsigned long first, after_login, per_char_worst, per_char_sum, per_move_worst,
	    per_move_sum;
	int chars, moves;
} bt_bytes;

static unsigned long bt_cost_text(vt *v, const char *utf8)
{
	vt_bytes_mark(v);
	if (vt_type(v, utf8) != 0 || !vt_wait_frame(v, BT_WAIT_MS) || !vt_wait_idle(v, BT_WAIT_MS))
		return 99999;
	return vt_bytes_since(v);
}

static unsigned long bt_cost_key(vt *v, vt_keyname k)
{
	vt_bytes_mark(v);
	if (vt_key(v, k) != 0 || !vt_wait_frame(v, BT_WAIT_MS) || !vt_wait_idle(v, BT_WAIT_MS))
		return 99999;
	return vt_bytes_since(v);
}

static const char *const bt_chars[] = {"欧", "阳", "娜", "娜", "张", "三"};

static void bt_count(unsigned long b, unsigned long *worst, unsigned long *sum, int *n)
{
	*sum += b;
	*worst = b > *worst ? b : *worst;
	(*n)++;
}

/* ref_form: its login box, the form after it, typed characters, field moves. */
static int bt_ref_bytes(const bt_paths *p, bt_bytes *out)
{
	memset(out, 0, sizeof *out);
	char *argv[] = {(char *)p->ref_form, NULL};
	vt *v = bt_start(argv);
	if (v == NULL || !vt_wait_frame(v, BT_WAIT_MS) || !vt_wait_idle(v, BT_WAIT_MS)) {
		vt_free(v);
		return -1;
	}
	out->first = vt_bytes_total(v);
	int ok = bt_type(v, "demo") && bt_key(v, VT_KEY_ENTER) && bt_type(v, "demo");
	out->after_login = ok ? bt_cost_key(v, VT_KEY_ENTER) : 99999;
	for (size_t i = 0; i < sizeof bt_chars / sizeof bt_chars[0]; i++)
		bt_count(bt_cost_text(v, bt_chars[i]), &out->per_char_worst, &out->per_char_sum,
		         &out->chars);
	for (int i = 0; i < 6; i++)
		bt_count(bt_cost_key(v, i % 2 ? VT_KEY_BTAB : VT_KEY_TAB), &out->per_move_worst,
		         &out->per_move_sum, &out->moves);
	vt_free(v);
	return 0;
}

/* Row of a field's label ("姓名") on the screen, or -1. */
static int bt_row(vt *v, const char *label)
{
	char want[64];
	int r = -1, c = -1;
	snprintf(want, sizeof want, "%s：", label);
	return vt_find(v, want, &r, &c) ? r : -1;
}

static int bt_cursor_row(vt *v)
{
	int r, c;
	vt_cursor(v, &r, &c);
	return r;
}

static int bt_laobao_bytes(const bt_paths *p, bt_bytes *out)
{
	memset(out, 0, sizeof *out);
	vt *v = bt_laobao(p);
	if (v == NULL || !vt_wait_text(v, "用户登录", BT_WAIT_MS) || !vt_wait_idle(v, BT_WAIT_MS)) {
		vt_free(v);
		return -1;
	}
	out->first = vt_bytes_total(v);
	int ok = bt_type(v, "demo") && bt_key(v, VT_KEY_ENTER) && bt_type(v, "demo");
	vt_bytes_mark(v);
	ok = ok && vt_key(v, VT_KEY_ENTER) == 0 && vt_wait_text(v, "主菜单", BT_WAIT_MS) &&
	     vt_wait_idle(v, BT_WAIT_MS);
	out->after_login = ok ? vt_bytes_since(v) : 99999;
	/* 人员查询, F5: a new 人员基本信息; Tab to 姓名. */
	ok = ok && bt_type(v, "1") && vt_wait_text(v, "人员查询", BT_WAIT_MS) &&
	     bt_key(v, VT_KEY_F5) && vt_wait_text(v, "人员基本信息", BT_WAIT_MS) &&
	     bt_key(v, VT_KEY_TAB);
	for (size_t i = 0; ok && i < sizeof bt_chars / sizeof bt_chars[0]; i++)
		bt_count(bt_cost_text(v, bt_chars[i]), &out->per_char_worst, &out->per_char_sum,
		         &out->chars);
	ok = ok && vt_contains(v, "欧阳娜娜张三");
	/*
	 * Moves between 现住址, 电子邮箱 and 备注, fields without a hint of
	 * their own; one move there and back first clears any hint an
	 * earlier field left on the message line.
	 */
	int r_addr = bt_row(v, "现住址");
	for (int i = 0; ok && i < 20 && bt_cursor_row(v) != r_addr; i++)
		ok = bt_key(v, VT_KEY_TAB);
	ok = ok && bt_cursor_row(v) == r_addr && bt_key(v, VT_KEY_TAB) && bt_key(v, VT_KEY_BTAB);
	static const vt_keyname moves[] = {VT_KEY_TAB,  VT_KEY_TAB,  VT_KEY_BTAB,
	                                   VT_KEY_BTAB, VT_KEY_DOWN, VT_KEY_UP};
	for (size_t i = 0; ok && i < sizeof moves / sizeof moves[0]; i++)
		bt_count(bt_cost_key(v, moves[i]), &out->per_move_worst, &out->per_move_sum,
		         &out->moves);
	vt_free(v);
	return ok ? 0 : -1;
}

/* dialog(1): the first screen of an input box, as a login prompt would be, and a typed character.
 */
static int bt_dialog(const bt_paths *p, long *first, long *per_char)
{
	*first = *per_char = -1;
	if (p->dialog[0] == '\0')
		return -1;
	char *argv[] = {(char *)p->dialog, "--inputbox", "用户名", "8", "40", NULL};
	vt *v = bt_start(argv);
	if (v != NULL && vt_wait_text(v, "用户名", BT_WAIT_MS) && vt_wait_idle(v, BT_WAIT_MS)) {
		*first = (long)vt_bytes_total(v);
		vt_bytes_mark(v);
		if (bt_type(v, "张") && vt_contains(v, "张"))
			*per_char = (long)vt_bytes_since(v);
	}
	vt_free(v);
	return *first > 0 ? 0 : -1;
}

static void bt_row_bytes(const char *metric, unsigned long ours, unsigned long ref,
                         const char *goal, int met)
{
	char o[32], r[32] = "-", ratio[32] = "-";
	snprintf(o, sizeof o, "%luB", ours);
	if (ref > 0) {
		snprintf(r, sizeof r, "%luB", ref);
		snprintf(ratio, sizeof ratio, "%.2fx", (double)ours / (double)ref);
	}
	bench_row(metric, o, r, ratio, goal, bench_met(met));
}

static void bt_wire(const bt_paths *p)
{
	bt_bytes ours, ref;
	int ok_ref = bt_ref_bytes(p, &ref) == 0, ok = bt_laobao_bytes(p, &ours) == 0;
	if (!ok || !ok_ref) {
		fprintf(stderr, "bench_tui: byte counts failed (laobao %d, ref_form %d)\n", ok,
		        ok_ref);
		bench_row("bytes on the wire", "failed", "-", "-", "-", "NO");
		return;
	}
	bt_row_bytes("bytes: first screen (login)", ours.first, ref.first, "<= 1.2x ref",
	             ours.first <= 1.2 * (double)ref.first);
	long dlg, dlg_char;
	if (bt_dialog(p, &dlg, &dlg_char) == 0)
		bt_row_bytes("bytes: first screen vs dialog(1) inputbox", ours.first,
		             (unsigned long)dlg, "<= 1.2x ref", ours.first <= 1.2 * (double)dlg);
	else
		bench_row("bytes: first screen vs dialog(1)", "-", "not installed", "-", "report",
		          "-");
	bt_row_bytes("bytes: screen after login (main menu)", ours.after_login, ref.after_login,
	             "<= 1.2x ref", ours.after_login <= 1.2 * (double)ref.after_login);
	char m[96];
	snprintf(m, sizeof m, "bytes per typed Chinese character, worst of %d", ours.chars);
	bt_row_bytes(m, ours.per_char_worst, ref.per_char_worst, "<= 4B",
	             ours.chars > 0 && ours.per_char_worst <= 4);
	if (dlg_char > 0)
		bt_row_bytes("bytes per typed Chinese character vs dialog(1)", ours.per_char_worst,
		             (unsigned long)dlg_char, "<= 4B",
		             ours.chars > 0 && ours.per_char_worst <= 4);
	snprintf(m, sizeof m, "bytes per field move, worst of %d", ours.moves);
	bt_row_bytes(m, ours.per_move_worst, ref.per_move_worst, "<= 10B",
	             ours.moves > 0 && ours.per_move_worst <= 10);
}

/*
 * For the typed session: a 公民身份号码 not yet in the database (a new
 * person is registered) and the credit code of an employer that is.
 */
static int bt_session_data(const char *db, char id[19], char uscc[19])
{
	static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	sqlite3 *c = NULL;
	if (sqlite3_open_v2(db, &c, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return -1;
	sqlite3_stmt *st = NULL;
	sqlite3_prepare_v2(c, "SELECT 1 FROM persons WHERE id_no = ?1", -1, &st, NULL);
	int found = 1;
	for (int seq = 771; found && seq < 999; seq += 2) {
		char body[18];
		snprintf(body, sizeof body, "65010419850612%03d", seq);
		int s = 0;
		for (int i = 0; i < 17; i++)
			s += (body[i] - '0') * w[i];
		snprintf(id, 19, "%.17s%c", body, "10X98765432"[s % 11]);
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	sqlite3_prepare_v2(c,
	                   "SELECT uscc FROM employers WHERE uscc IS NOT NULL ORDER BY id LIMIT 1",
	                   -1, &st, NULL);
	int have = sqlite3_step(st) == SQLITE_ROW;
	if (have)
		snprintf(uscc, 19, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(c);
	return found || !have ? -1 : 0;
}

/* Characters, not bytes, are keystrokes. */
static int bt_chars_in(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/*
 * Everything laobao sends while a clerk registers a new person as
 * unemployed: start, log in, 失业登记, F5, every field of the form typed
 * key by key (the credit code fills in the employer's name), F2, back to
 * the menu, F10.
 */
static void bt_session(const bt_paths *p)
{
	char id[19], uscc[19];
	struct {
		const char *label; /* the field the cursor must be in */
		const char *text;  /* typed one character at a time; NULL: left as it is */
	} fields[] = {
	    {"公民身份号码", id},  {"姓名", "欧阳娜娜"},       {"登记日期", NULL},
	    {"户籍", "1"},         {"失业原因", "02"},         {"原单位信用代码", uscc},
	    {"原工作单位", NULL},  {"非本人意愿失业", "是"},   {"失业保险缴费年限", "3年6个月"},
	    {"人员类别", "12"},    {"就业困难人员类别", "99"}, {"求职意向职业", "餐厅服务员"},
	    {"求职意向行业", "H"}, {"期望月工资", "4500"},
	};
	vt *v = bt_session_data(p->db, id, uscc) == 0 ? bt_laobao(p) : NULL;
	int keys = 10; /* demo Enter demo Enter */
	int ok = v != NULL && bt_login(v) && bt_type(v, "2") &&
	         vt_wait_text(v, "失业登记查询", BT_WAIT_MS) && bt_key(v, VT_KEY_F5) &&
	         vt_wait_text(v, "失业保险缴费年限", BT_WAIT_MS);
	keys += 2;
	for (size_t i = 0; ok && i < sizeof fields / sizeof fields[0]; i++) {
		ok = bt_cursor_row(v) == bt_row(v, fields[i].label);
		if (ok && fields[i].text != NULL) {
			ok = bt_type_chars(v, fields[i].text);
			keys += bt_chars_in(fields[i].text);
		}
		ok = ok && bt_key(v, VT_KEY_TAB);
		keys++;
		if (!ok)
			fprintf(stderr, "bench_tui: the session stopped at %s\n", fields[i].label);
	}
	ok = ok && bt_key(v, VT_KEY_F2) && vt_wait_text(v, "已保存", BT_WAIT_MS) &&
	     vt_contains(v, "欧阳娜娜") && bt_key(v, VT_KEY_ESC) &&
	     vt_wait_text(v, "失业登记查询", BT_WAIT_MS) && bt_key(v, VT_KEY_ESC) &&
	     vt_wait_text(v, "主菜单", BT_WAIT_MS) && vt_key(v, VT_KEY_F10) == 0;
	keys += 4;
	int status = -1;
	ok = ok && vt_wait_exit(v, BT_WAIT_MS, &status) && WIFEXITED(status) &&
	     WEXITSTATUS(status) == 0;
	unsigned long bytes = v ? vt_bytes_total(v) : 0;
	if (!ok && v != NULL) {
		fprintf(stderr, "bench_tui: the typed session failed\n");
		vt_dump(v, stderr);
	}
	vt_free(v);
	char b[48], s[48], m[96];
	snprintf(m, sizeof m, "unemployment registration typed in (%d keys): bytes", keys);
	snprintf(b, sizeof b, "%luB", bytes);
	bench_row(m, ok ? b : "failed", "-", "-", "report", ok ? "-" : "NO");
	snprintf(s, sizeof s, "%.1fs", (double)bytes * 10 / 9600);
	bench_row("unemployment registration: seconds at 9600 baud", ok ? s : "failed", "-", "-",
	          "report", ok ? "-" : "NO");
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench_tui DB\n");
		return 2;
	}
	bt_paths p = {.db = argv[1]};
	const char *bin = getenv("LAOBAO_BIN"), *build = getenv("LAOBAO_BUILD");
	snprintf(p.laobao, sizeof p.laobao, "%s", bin ? bin : "build/laobao");
	snprintf(p.ref_hello, sizeof p.ref_hello, "%s/bench/ref_hello", build ? build : "build");
	snprintf(p.ref_form, sizeof p.ref_form, "%s/bench/ref_form", build ? build : "build");
	static const char *const dialogs[] = {"/usr/bin/dialog", "/bin/dialog",
	                                      "/usr/local/bin/dialog"};
	for (size_t i = 0; i < sizeof dialogs / sizeof dialogs[0] && !p.dialog[0]; i++)
		if (access(dialogs[i], X_OK) == 0)
			snprintf(p.dialog, sizeof p.dialog, "%s", dialogs[i]);
	if (!vt_locale_available(BT_LOCALE)) {
		bench_row("terminal rows", "n/a", "-", "-", BT_LOCALE " missing", "NO");
		return 0;
	}
	signal(SIGPIPE, SIG_IGN);
	bt_startup(&p);
	bt_rss(&p);
	bt_wire(&p);
	bt_session(&p);
	return 0;
}
