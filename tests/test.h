/*
 * test — the small unit-test framework every tests/test_*.c uses.
 *
 * A test file defines `static void name(void)` cases with CHECK* inside and
 * ends with TEST_MAIN(T(a), T(b), ...). Each case prints "ok - file:case" or
 * "not ok - file:case" with the failed checks; tests/run adds the lines of
 * all binaries up into the closing "N passed, N failed". A binary may be
 * given case names as arguments to run only those.
 */
#ifndef LAOBAO_TEST_H
#define LAOBAO_TEST_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct test_case {
	const char *name;
	void (*fn)(void);
};

#define T(fn) {#fn, fn}

/* Count a failed check in the running case and print where it failed. */
void test_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Mark the running case skipped (reason printed); it counts neither way. */
void test_skip(const char *reason);
int test_main(const char *file, const struct test_case *cases, size_t n, int argc, char **argv);

#define TEST_MAIN(...)                                                                             \
	int main(int argc, char **argv)                                                            \
	{                                                                                          \
		static const struct test_case cases[] = {__VA_ARGS__};                             \
		return test_main(__FILE__, cases, sizeof cases / sizeof cases[0], argc, argv);     \
	}

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond))                                                                       \
			test_fail(__FILE__, __LINE__, "CHECK(%s)", #cond);                         \
	} while (0)

#define CHECK_INT(a, b)                                                                            \
	do {                                                                                       \
		long long check_a_ = (long long)(a), check_b_ = (long long)(b);                    \
		if (check_a_ != check_b_)                                                          \
			test_fail(__FILE__, __LINE__, "%s == %lld, expected %s == %lld", #a,       \
			          check_a_, #b, check_b_);                                         \
	} while (0)

#define CHECK_STR(a, b)                                                                            \
	do {                                                                                       \
		const char *check_a_ = (a), *check_b_ = (b);                                       \
		if (check_a_ == NULL || check_b_ == NULL || strcmp(check_a_, check_b_) != 0)       \
			test_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", #a,         \
			          check_a_ ? check_a_ : "(null)", check_b_ ? check_b_ : "(null)"); \
	} while (0)

/* Stop the running case (after a failed precondition) without crashing. */
#define REQUIRE(cond)                                                                              \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			test_fail(__FILE__, __LINE__, "REQUIRE(%s)", #cond);                       \
			return;                                                                    \
		}                                                                                  \
	} while (0)

/* A fresh empty directory under $TMPDIR, removed at exit. Never NULL. */
const char *test_tmpdir(void);

/* Path of the laobao binary under test ($LAOBAO_BIN, else ./laobao). */
const char *test_laobao(void);

/*
 * Run argv (argv[0] a path) with stdin fed from `in` (may be NULL), env
 * entries "K=V" added (NULL-terminated list, may be NULL). Captures stdout
 * and stderr into malloc'ed strings the caller frees; returns the exit status
 * (0..255), or 128+signal if killed, or -1 if it could not run.
 */
int test_exec(char *const argv[], const char *in, char *const env[], char **out, char **err);

#endif
