/*
 * Tests of the laobao command line as an administrator uses it: check-id and
 * check-uscc reports and exit statuses, usage errors, init, user management.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "tests/test.h"

static char *const cli_env[] = {"LAOBAO_TODAY=2026-11-25", "LAOBAO_PWHASH_FAST=1",
                                "LAOBAO_DB=", NULL};

/* Run laobao with up to 8 arguments; out/err are freed by the caller. */
static int run(const char *in, char **out, char **err, const char *a1, const char *a2,
               const char *a3, const char *a4, const char *a5, const char *a6)
{
	char *argv[10] = {(char *)test_laobao(),
	                  (char *)a1,
	                  (char *)a2,
	                  (char *)a3,
	                  (char *)a4,
	                  (char *)a5,
	                  (char *)a6,
	                  NULL};
	return test_exec(argv, in, cli_env, out, err);
}

static void check_id_upgrades_15_digit_id(void)
{
	char *out, *err;
	int st = run(NULL, &out, &err, "check-id", "110101900307123", NULL, NULL, NULL, NULL);
	CHECK_INT(st, 0);
	CHECK_STR(out, "110101199003071233\t男\t1990-03-07\n");
	free(out), free(err);
}

static void check_id_reports_each_input_and_fails(void)
{
	char *out, *err;
	int st = run(NULL, &out, &err, "check-id", "11010519491231002x", "110105194912310021",
	             "420102198506170035", NULL, NULL);
	CHECK_INT(st, 1);
	CHECK(strstr(out, "11010519491231002X\t女\t1949-12-31\n") == out);
	CHECK(strstr(out, "错误\t110105194912310021\t") != NULL);
	CHECK(strstr(out, "校验") != NULL);
	CHECK(strstr(out, "420102198506170035\t男\t1985-06-17\n") != NULL);
	free(out), free(err);
}

static void check_id_reads_stdin_with_bad_lines(void)
{
	char *out, *err;
	const char *in = "320106199211080266\r\n\n\xff\xfe\tbinary\n"
	                 "11010519491231002X 9\n440305200002290512\n";
	int st = run(in, &out, &err, "check-id", "-", NULL, NULL, NULL, NULL);
	CHECK_INT(st, 1);
	/* one line per input, in order */
	int lines = 0;
	for (const char *p = out; *p; p++)
		lines += *p == '\n';
	CHECK_INT(lines, 5);
	CHECK(strncmp(out, "320106199211080266\t女\t1992-11-08\n错误\t\t", 40) == 0);
	CHECK(strstr(out, "错误\t\\xFF\\xFE\\x09binary\t") != NULL);
	CHECK(strstr(out, "440305200002290512\t男\t2000-02-29\n") != NULL);
	free(out), free(err);
	/* a very long line is an error line, not a crash */
	char *big = malloc(200001);
	memset(big, '1', 200000);
	big[200000] = '\0';
	st = run(big, &out, &err, "check-id", NULL, NULL, NULL, NULL, NULL);
	CHECK_INT(st, 1);
	CHECK(strncmp(out, "错误\t", 7) == 0);
	CHECK(strlen(out) < 400);
	free(big), free(out), free(err);
}

static void check_id_non_ascii_and_empty_arguments(void)
{
	char *out, *err;
	int st = run(NULL, &out, &err, "check-id", "张三", "", "１１０１０１９００３０７１２３",
	             NULL, NULL);
	CHECK_INT(st, 1);
	CHECK(strncmp(out, "错误\t张三\t", strlen("错误\t张三\t")) == 0);
	CHECK(strstr(out, "\n错误\t\t") != NULL);
	/* full-width digits from an IME are accepted and normalised */
	CHECK(strstr(out, "110101199003071233\t男\t1990-03-07\n") != NULL);
	free(out), free(err);
}

static void check_uscc(void)
{
	char *out, *err;
	int st = run(NULL, &out, &err, "check-uscc", "91420102MA4K00010N", "913201061234567883",
	             NULL, NULL, NULL);
	CHECK_INT(st, 0);
	CHECK_STR(out, "91420102MA4K00010N\tMA4K0001-0\n913201061234567883\t12345678-8\n");
	free(out), free(err);
	st = run("91420102MA4K00010M\n", &out, &err, "check-uscc", "-", NULL, NULL, NULL, NULL);
	CHECK_INT(st, 1);
	const char *want = "错误\t91420102MA4K00010M\t";
	CHECK(strncmp(out, want, strlen(want)) == 0);
	CHECK(strstr(out, "应为N") != NULL);
	free(out), free(err);
}

static void usage_errors_exit_2(void)
{
	char *out, *err;
	CHECK_INT(run(NULL, &out, &err, "frobnicate", NULL, NULL, NULL, NULL, NULL), 2);
	CHECK(strstr(err, "未知命令") != NULL);
	free(out), free(err);
	CHECK_INT(run(NULL, &out, &err, "--bogus", NULL, NULL, NULL, NULL, NULL), 2);
	free(out), free(err);
	CHECK_INT(run(NULL, &out, &err, "demo", "--persons", "-5", NULL, NULL, NULL), 2);
	free(out), free(err);
	CHECK_INT(run(NULL, &out, &err, "--db", NULL, NULL, NULL, NULL, NULL), 2);
	free(out), free(err);
	CHECK_INT(run(NULL, &out, &err, "--help", NULL, NULL, NULL, NULL, NULL), 0);
	CHECK(strstr(out, "check-id") != NULL && strstr(out, "LAOBAO_DB") != NULL);
	free(out), free(err);
	CHECK_INT(run(NULL, &out, &err, "--version", NULL, NULL, NULL, NULL, NULL), 0);
	CHECK(strncmp(out, "laobao ", 7) == 0);
	free(out), free(err);
}

static void init_and_users(void)
{
	char db[4200], *out, *err;
	snprintf(db, sizeof db, "%s/sub/office.db", test_tmpdir());
	/* no database yet: a clear error, status 1 */
	CHECK_INT(run(NULL, &out, &err, "--db", db, "user", "list", NULL, NULL), 1);
	CHECK(strstr(err, "laobao init") != NULL);
	free(out), free(err);
	CHECK_INT(run(NULL, &out, &err, "--db", db, "init", NULL, NULL, NULL), 0);
	free(out), free(err);
	struct stat st;
	CHECK(stat(db, &st) == 0);
	CHECK_INT(run(NULL, &out, &err, "--db", db, "init", NULL, NULL, NULL),
	          0); /* again: no harm */
	free(out), free(err);
	CHECK_INT(
	    run("secret1\n", &out, &err, "--db", db, "user", "add", "wang", "--password-stdin"), 0);
	free(out), free(err);
	CHECK_INT(
	    run("secret1\n", &out, &err, "--db", db, "user", "add", "wang", "--password-stdin"), 1);
	free(out), free(err);
	CHECK_INT(run(NULL, &out, &err, "--db", db, "user", "disable", "wang", NULL), 0);
	free(out), free(err);
	CHECK_INT(run(NULL, &out, &err, "--db", db, "user", "list", NULL, NULL), 0);
	CHECK(strstr(out, "wang\twang\tcaseworker\t\t已停用\n") != NULL);
	free(out), free(err);
	CHECK_INT(run(NULL, &out, &err, "--db", db, "user", "disable", "nobody", NULL), 1);
	free(out), free(err);
	CHECK_INT(run("new-secret\n", &out, &err, "--db", db, "user", "passwd", "wang",
	              "--password-stdin"),
	          0);
	free(out), free(err);
	/* the password prompt needs a terminal; without one it says how to pass it */
	CHECK_INT(run(NULL, &out, &err, "--db", db, "user", "passwd", "wang", NULL), 2);
	CHECK(strstr(err, "--password-stdin") != NULL);
	free(out), free(err);
}

TEST_MAIN(T(check_id_upgrades_15_digit_id), T(check_id_reports_each_input_and_fails),
          T(check_id_reads_stdin_with_bad_lines), T(check_id_non_ascii_and_empty_arguments),
          T(check_uscc), T(usage_errors_exit_2), T(init_and_users))
