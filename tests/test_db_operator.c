/*
 * Tests for db/operator: adding operators, logging in, wrong passwords and
 * unknown logins looking the same, disabled operators, password changes,
 * failure counters. Hashing uses LAOBAO_PWHASH_FAST=1 except where the
 * timing of real hashes is the point.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "db/audit.h"
#include "db/dbint.h"
#include "db/office.h"
#include "db/operator.h"
#include "tests/test.h"

static db *fresh(void)
{
	err_info e;
	db *d = NULL;
	char path[4400];
	snprintf(path, sizeof path, "%s/op.db", test_tmpdir());
	if (db_open(path, DB_OPEN_CREATE, &d, &e) != ERR_OK) {
		test_fail(__FILE__, __LINE__, "open: %s", err_name(e.code));
		return NULL;
	}
	office o = {0};
	strcpy(o.code, "420102");
	strcpy(o.name, "江岸区劳动保障事务所");
	strcpy(o.area_code, "420102");
	if (office_insert(d, &o, &e) != ERR_OK)
		test_fail(__FILE__, __LINE__, "office: %s", err_name(e.code));
	return d;
}

static operator_rec op(const char *login, const char *name, op_role role)
{
	operator_rec o;
	memset(&o, 0, sizeof o);
	snprintf(o.login, sizeof o.login, "%s", login);
	snprintf(o.name, sizeof o.name, "%s", name);
	o.role = role;
	strcpy(o.office, "420102");
	return o;
}

static void add_find_and_list(void)
{
	setenv("LAOBAO_PWHASH_FAST", "1", 1);
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	operator_rec a = op("admin", "管理员", ROLE_ADMIN);
	REQUIRE(operator_add(d, &a, "secret1", &e) == ERR_OK);
	CHECK(a.id > 0);
	CHECK_INT(a.version, 1);
	operator_rec b = op("li.si-2", "李四", ROLE_CASEWORKER);
	b.office[0] = '\0';
	REQUIRE(operator_add(d, &b, "密码密码", &e) == ERR_OK);
	operator_rec f;
	REQUIRE(operator_find(d, "admin", &f, &e) == ERR_OK);
	CHECK_INT(f.id, a.id);
	CHECK_STR(f.name, "管理员");
	CHECK_INT(f.role, ROLE_ADMIN);
	CHECK_STR(f.office, "420102");
	CHECK_INT(f.disabled, 0);
	CHECK_INT(operator_find(d, "ADMIN", &f, &e), ERR_OK); /* logins ignore case */
	CHECK_INT(operator_find(d, "nobody", &f, &e), ERR_NOT_FOUND);
	CHECK_INT(operator_find(d, "bad login", &f, &e), ERR_NOT_FOUND);
	CHECK_INT(operator_get(d, b.id, &f, &e), ERR_OK);
	CHECK_STR(f.login, "li.si-2");
	operator_list l;
	REQUIRE(operator_list_all(d, &l, &e) == ERR_OK);
	REQUIRE(l.n == 2);
	CHECK_STR(l.items[0].login, "admin");
	CHECK_STR(l.items[1].login, "li.si-2");
	operator_list_free(&l);
	operator_list_free(NULL);
	/* The stored hash is Argon2id and never the password. */
	sqlite3_stmt *st = db_stmt(d, "SELECT pw_hash FROM operators WHERE login = 'admin'", &e);
	REQUIRE(st != NULL && sqlite3_step(st) == SQLITE_ROW);
	const char *h = (const char *)sqlite3_column_text(st, 0);
	CHECK(strncmp(h, "$argon2id$", 10) == 0);
	CHECK(strstr(h, "secret1") == NULL);
	db_done(st);
	/* Nor does the audit log see it. */
	audit_list al;
	REQUIRE(audit_list_row(d, "operators", a.id, &al, &e) == ERR_OK);
	REQUIRE(al.n == 1);
	CHECK(strstr(al.items[0].after, "argon2") == NULL);
	CHECK(strstr(al.items[0].after, "\"login\":\"admin\"") != NULL);
	audit_list_free(&al);
	db_close(d);
}

static void add_refuses_bad_input(void)
{
	setenv("LAOBAO_PWHASH_FAST", "1", 1);
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	operator_rec o = op("a b", "空格", ROLE_VIEWER);
	CHECK_INT(operator_add(d, &o, "secret1", &e), ERR_OP_LOGIN);
	CHECK_INT(e.field, MSG_F_LOGIN);
	o = op("", "空", ROLE_VIEWER);
	CHECK_INT(operator_add(d, &o, "secret1", &e), ERR_OP_LOGIN);
	o = op("张三", "中文", ROLE_VIEWER);
	CHECK_INT(operator_add(d, &o, "secret1", &e), ERR_OP_LOGIN);
	o = op("x';--", "注入", ROLE_VIEWER);
	CHECK_INT(operator_add(d, &o, "secret1", &e), ERR_OP_LOGIN);
	o = op("abcdefghijabcdefghijabcdefghijab", "三十二", ROLE_VIEWER); /* 32 is the most */
	CHECK_INT(operator_add(d, &o, "secret1", &e), ERR_OK);
	o = op("abcdefghijabcdefghijabcdefghijab", "重复", ROLE_VIEWER);
	memset(o.login, 'a', sizeof o.login); /* no terminating NUL */
	CHECK_INT(operator_add(d, &o, "secret1", &e), ERR_OP_LOGIN);
	o = op("short", "短密码", ROLE_VIEWER);
	CHECK_INT(operator_add(d, &o, "abc", &e), ERR_OP_PASSWORD_SHORT);
	CHECK_INT(e.field, MSG_F_PASSWORD);
	CHECK_INT(operator_add(d, &o, "密码密", &e),
	          ERR_OP_PASSWORD_SHORT); /* 3 characters, 9 bytes */
	CHECK_INT(operator_add(d, &o, NULL, &e), ERR_OP_PASSWORD_SHORT);
	char big[400];
	memset(big, 'p', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	CHECK_INT(operator_add(d, &o, big, &e), ERR_OP_PASSWORD_LONG);
	o.role = (op_role)42;
	CHECK_INT(operator_add(d, &o, "secret1", &e), ERR_OP_ROLE);
	o = op("dup", "一", ROLE_VIEWER);
	CHECK_INT(operator_add(d, &o, "secret1", &e), ERR_OK);
	o = op("DUP", "二", ROLE_VIEWER);
	CHECK_INT(operator_add(d, &o, "secret1", &e), ERR_DB_DUPLICATE);
	CHECK_INT(e.field, MSG_F_LOGIN);
	o = op("elsewhere", "外", ROLE_VIEWER);
	strcpy(o.office, "999999");
	CHECK_INT(operator_add(d, &o, "secret1", &e), ERR_DB_REFERENCE);
	o = op("noname", "", ROLE_VIEWER);
	CHECK_INT(operator_add(d, &o, "secret1", &e), ERR_DB_REQUIRED);
	CHECK_INT(e.field, MSG_COL_OPERATOR_NAME);
	CHECK_INT(operator_add(d, NULL, "secret1", &e), ERR_INVALID_ARG);
	operator_list l;
	REQUIRE(operator_list_all(d, &l, &e) == ERR_OK);
	CHECK_INT(l.n, 2);
	operator_list_free(&l);
	db_close(d);
}

static void verify_and_same_error_for_unknown_login(void)
{
	setenv("LAOBAO_PWHASH_FAST", "1", 1);
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	operator_rec a = op("clerk", "书记员", ROLE_ARBITRATION);
	REQUIRE(operator_add(d, &a, "right-pass", &e) == ERR_OK);
	operator_rec who;
	memset(&who, 0, sizeof who);
	CHECK_INT(operator_verify(d, "clerk", "right-pass", &who, &e), ERR_OK);
	CHECK_INT(who.id, a.id);
	CHECK_INT(who.role, ROLE_ARBITRATION);

	char wrong[300], unknown[300];
	CHECK_INT(operator_verify(d, "clerk", "wrong-pass", &who, &e), ERR_OP_BAD_LOGIN);
	err_format(&e, wrong, sizeof wrong);
	CHECK_INT(operator_verify(d, "ghost", "right-pass", &who, &e), ERR_OP_BAD_LOGIN);
	err_format(&e, unknown, sizeof unknown);
	CHECK_STR(wrong, "用户名或密码不正确");
	CHECK_STR(unknown, wrong);
	CHECK_INT(operator_verify(d, "not a login!", "x", &who, &e), ERR_OP_BAD_LOGIN);
	CHECK_INT(operator_verify(d, NULL, NULL, &who, &e), ERR_OP_BAD_LOGIN);
	CHECK_INT(operator_verify(d, "clerk", NULL, &who, &e), ERR_OP_BAD_LOGIN);
	CHECK_INT(operator_verify(d, "clerk", "", &who, &e), ERR_OP_BAD_LOGIN);

	/* Failures are counted per login and reset by a success. */
	int n = -1;
	CHECK_INT(operator_failures(d, "clerk", &n, &e), ERR_OK);
	CHECK_INT(n, 3);
	CHECK_INT(operator_failures(d, "ghost", &n, &e), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_INT(operator_verify(d, "ghost", "again", &who, &e), ERR_OP_BAD_LOGIN);
	CHECK_INT(operator_failures(d, "GHOST", &n, &e), ERR_OK);
	CHECK_INT(n, 2);
	CHECK_INT(operator_verify(d, "CLERK", "right-pass", &who, &e), ERR_OK);
	CHECK_INT(operator_failures(d, "clerk", &n, &e), ERR_OK);
	CHECK_INT(n, 0);
	CHECK_INT(operator_failures(d, "bad login", &n, &e), ERR_OK);
	CHECK_INT(n, 0);
	/* Bookkeeping is not an edit: the row version stays. */
	CHECK_INT(operator_find(d, "clerk", &who, &e), ERR_OK);
	CHECK_INT(who.version, 1);
	db_close(d);
}

static void disabled_operator_cannot_log_in(void)
{
	setenv("LAOBAO_PWHASH_FAST", "1", 1);
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	operator_rec a = op("temp", "临时", ROLE_VIEWER);
	REQUIRE(operator_add(d, &a, "pass1234", &e) == ERR_OK);
	CHECK_INT(operator_set_disabled(d, "temp", 1, &e), ERR_OK);
	operator_rec who;
	CHECK_INT(operator_verify(d, "temp", "pass1234", &who, &e), ERR_OP_DISABLED);
	char buf[200];
	CHECK(strstr(err_format(&e, buf, sizeof buf), "停用") != NULL);
	/* A wrong password says nothing about the account being disabled. */
	CHECK_INT(operator_verify(d, "temp", "wrong", &who, &e), ERR_OP_BAD_LOGIN);
	CHECK_INT(operator_set_disabled(d, "temp", 0, &e), ERR_OK);
	CHECK_INT(operator_verify(d, "temp", "pass1234", &who, &e), ERR_OK);
	CHECK_INT(who.version, 3);
	CHECK_INT(operator_set_disabled(d, "nobody", 1, &e), ERR_NOT_FOUND);
	/* Name, role and office change with the row version. */
	operator_rec stale = who;
	strcpy(who.name, "正式");
	who.role = ROLE_TRAINING;
	CHECK_INT(operator_update(d, &who, &e), ERR_OK);
	CHECK_INT(operator_update(d, &stale, &e), ERR_DB_STALE);
	CHECK_INT(operator_find(d, "temp", &who, &e), ERR_OK);
	CHECK_STR(who.name, "正式");
	CHECK_INT(who.role, ROLE_TRAINING);
	db_close(d);
}

static void password_change(void)
{
	setenv("LAOBAO_PWHASH_FAST", "1", 1);
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	operator_rec a = op("wang", "王", ROLE_CONTRACT);
	REQUIRE(operator_add(d, &a, "old-pass", &e) == ERR_OK);
	CHECK_INT(operator_set_password(d, "wang", "new-pass", &e), ERR_OK);
	operator_rec who;
	CHECK_INT(operator_verify(d, "wang", "old-pass", &who, &e), ERR_OP_BAD_LOGIN);
	CHECK_INT(operator_verify(d, "wang", "new-pass", &who, &e), ERR_OK);
	CHECK_INT(who.version, 2);
	CHECK_INT(operator_set_password(d, "wang", "ab", &e), ERR_OP_PASSWORD_SHORT);
	CHECK_INT(operator_set_password(d, "nobody", "new-pass", &e), ERR_NOT_FOUND);
	CHECK_INT(operator_verify(d, "wang", "new-pass", &who, &e), ERR_OK);
	audit_list al;
	REQUIRE(audit_list_row(d, "operators", a.id, &al, &e) == ERR_OK);
	REQUIRE(al.n == 2);
	CHECK_STR(al.items[1].action, "update");
	CHECK(strstr(al.items[1].after, "argon2") == NULL);
	CHECK(strstr(al.items[1].after, "pw_changed_at") != NULL);
	audit_list_free(&al);
	db_close(d);
}

static void role_names(void)
{
	err_info e;
	op_role r;
	for (int i = ROLE_ADMIN; i <= ROLE_VIEWER; i++) {
		CHECK_INT(operator_role_parse(operator_role_name((op_role)i), &r, &e), ERR_OK);
		CHECK_INT(r, i);
		CHECK(operator_role_label((op_role)i) != MSG_NONE);
	}
	CHECK_STR(operator_role_name(ROLE_CASEWORKER), "caseworker");
	CHECK_STR(msg_text(operator_role_label(ROLE_ADMIN)), "系统管理员");
	CHECK_STR(operator_role_name((op_role)0), "");
	CHECK_INT(operator_role_label((op_role)9), MSG_NONE);
	CHECK_INT(operator_role_parse("root", &r, &e), ERR_OP_ROLE);
	CHECK_INT(operator_role_parse(NULL, &r, &e), ERR_OP_ROLE);
}

/*
 * CPU time of this process: the work a login does (Argon2id is CPU- and
 * memory-bound in this thread) without the noise of other processes
 * competing for the cores, which made wall-clock comparisons flaky.
 */
static double seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void unknown_login_takes_as_long_as_wrong_password(void)
{
	unsetenv("LAOBAO_PWHASH_FAST"); /* real (interactive) limits */
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	operator_rec a = op("real", "真", ROLE_VIEWER);
	REQUIRE(operator_add(d, &a, "interactive", &e) == ERR_OK);
	operator_rec who;
	/* The very first attempt of a session counts: measure it, not a warmed-up one. */
	double t0 = seconds();
	CHECK_INT(operator_verify(d, "ghost", "wrong", &who, &e), ERR_OP_BAD_LOGIN);
	double t1 = seconds();
	CHECK_INT(operator_verify(d, "real", "wrong", &who, &e), ERR_OP_BAD_LOGIN);
	double t2 = seconds();
	double unknown = t1 - t0, wrong = t2 - t1;
	if (unknown < wrong * 0.6 || unknown > wrong * 1.6)
		test_fail(__FILE__, __LINE__, "wrong password %.3f s, unknown login %.3f s", wrong,
		          unknown);
	setenv("LAOBAO_PWHASH_FAST", "1", 1);
	db_close(d);
}

TEST_MAIN(T(add_find_and_list), T(add_refuses_bad_input),
          T(verify_and_same_error_for_unknown_login), T(disabled_operator_cannot_log_in),
          T(password_change), T(role_names), T(unknown_login_takes_as_long_as_wrong_password))
