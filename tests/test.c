/*
 * test — the unit-test framework (see test.h).
 */
#define _GNU_SOURCE
#include "test.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static int test_failed;  /* checks failed in the running case */
static int test_skipped; /* the running case called test_skip() */
static char test_dir[4096];

void test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	test_failed++;
	printf("#   %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

void test_skip(const char *reason)
{
	test_skipped = 1;
	printf("#   skipped: %s\n", reason);
}

static void test_rm_tmpdir(void)
{
	if (test_dir[0] == '\0' || getenv("LAOBAO_KEEP_TMP") != NULL)
		return;
	pid_t pid = fork();
	if (pid == 0) {
		execlp("rm", "rm", "-rf", test_dir, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, NULL, 0);
}

const char *test_tmpdir(void)
{
	static int n;
	if (test_dir[0] == '\0') {
		const char *base = getenv("TMPDIR");
		snprintf(test_dir, sizeof test_dir, "%s/laobao-test-XXXXXX", base ? base : "/tmp");
		if (mkdtemp(test_dir) == NULL) {
			perror("mkdtemp");
			exit(2);
		}
		atexit(test_rm_tmpdir);
	}
	static char sub[4200];
	snprintf(sub, sizeof sub, "%s/%d", test_dir, ++n);
	if (mkdir(sub, 0700) != 0) {
		perror("mkdir");
		exit(2);
	}
	return sub;
}

const char *test_laobao(void)
{
	const char *b = getenv("LAOBAO_BIN");
	return b ? b : "./laobao";
}

static int test_read_all(int fd, char **buf, size_t *len, size_t *cap)
{
	char tmp[8192];
	ssize_t r = read(fd, tmp, sizeof tmp);
	if (r <= 0)
		return r == 0 || errno != EINTR ? 0 : 1;
	if (*len + (size_t)r + 1 > *cap) {
		*cap = (*len + (size_t)r + 1) * 2;
		*buf = realloc(*buf, *cap);
		if (*buf == NULL)
			abort();
	}
	memcpy(*buf + *len, tmp, (size_t)r);
	*len += (size_t)r;
	(*buf)[*len] = '\0';
	return 1;
}

int test_exec(char *const argv[], const char *in, char *const env[], char **out, char **err)
{
	int pin[2], pout[2], perr[2];
	if (pipe(pin) || pipe(pout) || pipe(perr))
		return -1;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		setsid(); /* no controlling terminal: a program must not prompt on /dev/tty */
		dup2(pin[0], 0);
		dup2(pout[1], 1);
		dup2(perr[1], 2);
		close(pin[0]), close(pin[1]), close(pout[0]), close(pout[1]), close(perr[0]), close(perr[1]);
		for (size_t i = 0; env && env[i]; i++)
			putenv(env[i]);
		execv(argv[0], argv);
		_exit(127);
	}
	close(pin[0]), close(pout[1]), close(perr[1]);
	signal(SIGPIPE, SIG_IGN);
	size_t in_len = in ? strlen(in) : 0, in_off = 0;
	if (in_len == 0)
		close(pin[1]), pin[1] = -1;
	else
		fcntl(pin[1], F_SETFL, O_NONBLOCK);
	char *ob = calloc(1, 1), *eb = calloc(1, 1);
	size_t ol = 0, oc = 1, el = 0, ec = 1;
	int open_out = 1, open_err = 1;
	while (open_out || open_err) {
		struct pollfd p[3] = {{pout[0], POLLIN, 0}, {perr[0], POLLIN, 0}, {pin[1], POLLOUT, 0}};
		if (poll(p, pin[1] >= 0 ? 3 : 2, -1) < 0 && errno != EINTR)
			break;
		if (open_out && p[0].revents)
			open_out = test_read_all(pout[0], &ob, &ol, &oc);
		if (open_err && p[1].revents)
			open_err = test_read_all(perr[0], &eb, &el, &ec);
		if (pin[1] >= 0 && p[2].revents) {
			ssize_t w = write(pin[1], in + in_off, in_len - in_off);
			if (w > 0)
				in_off += (size_t)w;
			if (w < 0 && errno != EAGAIN && errno != EINTR)
				in_off = in_len;
			if (in_off >= in_len)
				close(pin[1]), pin[1] = -1;
		}
	}
	if (pin[1] >= 0)
		close(pin[1]);
	close(pout[0]), close(perr[0]);
	int st = 0;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (out)
		*out = ob;
	else
		free(ob);
	if (err)
		*err = eb;
	else
		free(eb);
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return -1;
}

int test_main(const char *file, const struct test_case *cases, size_t n, int argc, char **argv)
{
	const char *base = strrchr(file, '/');
	base = base ? base + 1 : file;
	int passed = 0, failed = 0, skipped = 0;
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (size_t i = 0; i < n; i++) {
		if (argc > 1) {
			int want = 0;
			for (int a = 1; a < argc; a++)
				want |= strcmp(argv[a], cases[i].name) == 0;
			if (!want)
				continue;
		}
		test_failed = 0;
		test_skipped = 0;
		cases[i].fn();
		if (test_failed) {
			printf("not ok - %s:%s\n", base, cases[i].name);
			failed++;
		} else if (test_skipped) {
			printf("skip - %s:%s\n", base, cases[i].name);
			skipped++;
		} else {
			printf("ok - %s:%s\n", base, cases[i].name);
			passed++;
		}
	}
	printf("# %s: %d passed, %d failed, %d skipped\n", base, passed, failed, skipped);
	return failed ? 1 : 0;
}
