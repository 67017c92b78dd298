/*
 * screen — helpers of the screen tests (see screen.h).
 */
#include "tests/screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const SCREEN_UTF8 = "zh_CN.UTF-8";
const char *const SCREEN_GB18030 = "zh_CN.GB18030";

static char *const screen_env[] = {"LAOBAO_TODAY=2026-11-25", "LAOBAO_PWHASH_FAST=1", NULL};

int screen_cli(const char *db, const char *in, const char *const *args)
{
	char *argv[16];
	int n = 0;
	argv[n++] = (char *)test_laobao();
	argv[n++] = "--db";
	argv[n++] = (char *)db;
	for (int i = 0; args[i] != NULL && n < 15; i++)
		argv[n++] = (char *)args[i];
	argv[n] = NULL;
	char *out = NULL, *err = NULL;
	int st = test_exec(argv, in, screen_env, &out, &err);
	if (st != 0)
		printf("# laobao %s: status %d: %s%s", args[0], st, out ? out : "", err ? err : "");
	free(out);
	free(err);
	return st;
}

int screen_make_db(char *path, size_t size)
{
	snprintf(path, size, "%s/laobao.db", test_tmpdir());
	static const char *const demo[] = {"demo", "--persons", "200", NULL};
	if (screen_cli(path, NULL, demo) != 0) {
		test_fail(__FILE__, __LINE__, "cannot make the demo database %s", path);
		return -1;
	}
	return 0;
}

vt *screen_start(const char *db, const screen_opts *o)
{
	static const screen_opts none;
	if (o == NULL)
		o = &none;
	const char *locale = o->locale ? o->locale : SCREEN_UTF8;
	if (!vt_locale_available(locale)) {
		test_skip("locale not installed and localedef cannot build it");
		return NULL;
	}
	const char *env[16];
	int n = 0;
	for (int i = 0; screen_env[i] != NULL; i++)
		env[n++] = screen_env[i];
	for (int i = 0; o->env != NULL && o->env[i] != NULL && n < 15; i++)
		env[n++] = o->env[i];
	env[n] = NULL;
	char *argv[] = {(char *)test_laobao(), "--db", (char *)db, NULL};
	vt_opts vo = {.argv = argv,
	              .env = env,
	              .locale = locale,
	              .term = o->term,
	              .keys = o->keys,
	              .rows = o->rows,
	              .cols = o->cols};
	vt *v = NULL;
	if (vt_start(&vo, &v) != 0) {
		test_fail(__FILE__, __LINE__, "cannot start laobao under %s", locale);
		return NULL;
	}
	return v;
}

int screen_login(vt *v, const char *user, const char *password, const char *expect)
{
	if (!vt_wait_text(v, "用户登录", SCREEN_WAIT_MS) || !vt_wait_idle(v, SCREEN_WAIT_MS))
		return 0;
	if (vt_type(v, user) != 0 || vt_key(v, VT_KEY_ENTER) != 0 || vt_type(v, password) != 0 ||
	    vt_key(v, VT_KEY_ENTER) != 0)
		return 0;
	return vt_wait_text(v, expect, SCREEN_WAIT_MS) && vt_wait_idle(v, SCREEN_WAIT_MS);
}

int screen_at(vt *v, const char *text, int row, int col)
{
	/* The cells from (row, col) on must spell text; a wide cell's right half adds nothing. */
	char got[1024];
	size_t n = 0, want = strlen(text);
	for (int c = col; c < vt_cols(v) && n < want && n + 32 < sizeof got; c++) {
		vt_cell cell;
		if (vt_cell_at(v, row, c, &cell) != 0)
			break;
		size_t k = strlen(cell.text);
		memcpy(got + n, cell.text, k);
		n += k;
	}
	got[n] = '\0';
	if (n >= want && memcmp(got, text, want) == 0)
		return 1;
	int r = -1, c = -1;
	if (vt_find(v, text, &r, &c))
		printf("#   \"%s\" at %d,%d, expected %d,%d\n", text, r, c, row, col);
	else
		printf("#   \"%s\" not on the screen (at %d,%d: \"%s\")\n", text, row, col, got);
	return 0;
}

int screen_cursor_at(vt *v, int row, int col)
{
	int r, c;
	vt_cursor(v, &r, &c);
	if (r != row || c != col)
		printf("#   cursor at %d,%d, expected %d,%d\n", r, c, row, col);
	return r == row && c == col;
}

int screen_cursor_is(vt *v, int row, int col)
{
	int r, c;
	vt_cursor(v, &r, &c);
	return r == row && c == col;
}

int screen_raw_has(vt *v, const char *bytes)
{
	size_t len, n = strlen(bytes);
	const char *raw = vt_raw(v, &len);
	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(raw + i, bytes, n) == 0)
			return 1;
	return 0;
}

int screen_key(vt *v, vt_keyname k)
{
	return vt_key(v, k) == 0 && vt_wait_frame(v, SCREEN_WAIT_MS) &&
	       vt_wait_idle(v, SCREEN_WAIT_MS);
}

int screen_type(vt *v, const char *utf8)
{
	return vt_type(v, utf8) == 0 && vt_wait_idle(v, SCREEN_WAIT_MS);
}

const char *screen_short(const char *locale)
{
	return strcmp(locale, SCREEN_GB18030) == 0 ? "gb18030" : "utf-8";
}
