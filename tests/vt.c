/*
 * vt — screen-test harness (see vt.h).
 *
 * One poll loop (vt_pump) serves everything: it reads frame signals, then
 * drains the pty into libvterm, then writes queued input. Reading the frame
 * pipe before draining matters: the program writes its frame byte only after
 * the frame's output has been written to the pty, so once the byte is read,
 * reading the pty until EAGAIN yields the whole frame (Linux completes the
 * pty's pending buffer work inside a read that would otherwise fail with
 * EAGAIN).
 */
#define _GNU_SOURCE
#include "tests/vt.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <iconv.h>
#include <locale.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

extern char **environ;

#define VT_RAW_CAP (1u << 20)
#define VT_WRITE_TIMEOUT_MS 2000
#define VT_IDLE_TIMEOUT_MS 2000
#define VT_QUIET_MS 30

struct vt {
	pid_t pid;           /* the program */
	int master;          /* pty master, -1 after hangup */
	int frame_fd;        /* read end of the frame pipe, -1 at EOF */
	int pty_eof;         /* the pty gave EOF/EIO: the program closed it */
	int exited;          /* reaped; status holds the waitpid status */
	int status;          /* waitpid status once exited */
	VTerm *term;         /* the emulator */
	VTermScreen *screen; /* its screen layer */
	int rows, cols;      /* current size */
	int cursor_visible;  /* as last set by the program */
	vt_keystyle keys;    /* dialect of vt_key */
	iconv_t from_child;  /* child encoding -> UTF-8, or (iconv_t)-1 for UTF-8 */
	iconv_t to_child;    /* UTF-8 -> child encoding, or (iconv_t)-1 */
	char tail[16];       /* incomplete multibyte sequence between reads */
	size_t tail_len;     /* bytes in tail */
	unsigned long bytes; /* raw bytes read from the program */
	unsigned long mark;  /* bytes at the last vt_bytes_mark */
	char *raw;           /* raw output since the mark (capped) */
	size_t raw_len, raw_cap;
	unsigned long frames; /* frame signals received */
	unsigned long seen;   /* frames already accounted for by the test */
	char *outq;           /* bytes waiting to be written to the pty */
	size_t outq_len, outq_cap;
	char label[64]; /* program name for diagnostics */
	int sent;       /* input or a resize went out since the program was last idle */
	long sleeps;    /* its voluntary context switches just before that */
	int no_proc;    /* LAOBAO_VT_NO_PROC=1: judge idleness by quiet only */
	size_t chunk;   /* largest read from the pty */
};

/* Time ----------------------------------------------------------------------- */

static long long vt_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int vt_left(long long deadline)
{
	long long d = deadline - vt_now_ms();
	return d < 0 ? 0 : (int)d;
}

/* Buffers -------------------------------------------------------------------- */

static void vt_grow(char **buf, size_t *cap, size_t need)
{
	if (need <= *cap)
		return;
	size_t n = *cap ? *cap : 256;
	while (n < need)
		n *= 2;
	char *p = realloc(*buf, n);
	if (p == NULL)
		abort();
	*buf = p;
	*cap = n;
}

static void vt_queue(vt *v, const char *s, size_t len)
{
	if (len == 0)
		return;
	vt_grow(&v->outq, &v->outq_cap, v->outq_len + len);
	memcpy(v->outq + v->outq_len, s, len);
	v->outq_len += len;
}

/* libvterm's replies to the program (CPR, DA, key sequences) go through here. */
static void vt_on_output(const char *s, size_t len, void *user)
{
	vt_queue(user, s, len);
}

static int vt_on_termprop(VTermProp prop, VTermValue *val, void *user)
{
	vt *v = user;
	if (prop == VTERM_PROP_CURSORVISIBLE)
		v->cursor_visible = val->boolean;
	return 1;
}

static const VTermScreenCallbacks vt_screen_cbs = {
    .settermprop = vt_on_termprop,
};

/* Output path ---------------------------------------------------------------- */

static void vt_capture(vt *v, const char *s, size_t len)
{
	v->bytes += len;
	if (v->raw_len >= VT_RAW_CAP)
		return;
	if (len > VT_RAW_CAP - v->raw_len)
		len = VT_RAW_CAP - v->raw_len;
	vt_grow(&v->raw, &v->raw_cap, v->raw_len + len + 1);
	memcpy(v->raw + v->raw_len, s, len);
	v->raw_len += len;
	v->raw[v->raw_len] = '\0';
}

/* Feed program output to the emulator, converting from the child's encoding. */
static void vt_feed(vt *v, const char *s, size_t len)
{
	if (v->from_child == (iconv_t)-1) {
		vterm_input_write(v->term, s, len);
		return;
	}
	char in[sizeof v->tail + 4096];
	while (len > 0) {
		size_t take = len < 4096 ? len : 4096;
		memcpy(in, v->tail, v->tail_len);
		memcpy(in + v->tail_len, s, take);
		s += take;
		len -= take;
		char *ip = in;
		size_t il = v->tail_len + take;
		v->tail_len = 0;
		while (il > 0) {
			char out[4 * sizeof in], *op = out;
			size_t ol = sizeof out;
			size_t r = iconv(v->from_child, &ip, &il, &op, &ol);
			vterm_input_write(v->term, out, (size_t)(op - out));
			if (r != (size_t)-1)
				break;
			if (errno == EINVAL) {
				/* A character split between reads: keep it for the next one. */
				memcpy(v->tail, ip, il);
				v->tail_len = il;
				break;
			}
			if (errno == EILSEQ) {
				vterm_input_write(v->term, "\xEF\xBF\xBD", 3);
				ip++, il--;
			}
		}
	}
}

/* Read the pty until it would block. */
static void vt_drain(vt *v)
{
	char buf[8192];
	while (v->master >= 0 && !v->pty_eof) {
		ssize_t r = read(v->master, buf, v->chunk);
		if (r > 0) {
			vt_capture(v, buf, (size_t)r);
			vt_feed(v, buf, (size_t)r);
			continue;
		}
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 && errno == EAGAIN)
			break;
		v->pty_eof = 1; /* EIO: every slave descriptor is closed */
	}
}

static void vt_read_frames(vt *v)
{
	char buf[256];
	while (v->frame_fd >= 0) {
		ssize_t r = read(v->frame_fd, buf, sizeof buf);
		if (r > 0) {
			v->frames += (unsigned long)r;
			continue;
		}
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 && errno == EAGAIN)
			break;
		close(v->frame_fd);
		v->frame_fd = -1;
	}
}

static void vt_flush_out(vt *v)
{
	while (v->outq_len > 0 && v->master >= 0 && !v->pty_eof) {
		ssize_t w = write(v->master, v->outq, v->outq_len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (errno != EAGAIN)
				v->outq_len = 0; /* the program is gone; nobody will read it */
			return;
		}
		memmove(v->outq, v->outq + w, v->outq_len - (size_t)w);
		v->outq_len -= (size_t)w;
	}
}

/* Reap the program if it has ended. */
static void vt_reap(vt *v)
{
	if (v->exited)
		return;
	int st;
	pid_t r = waitpid(v->pid, &st, WNOHANG);
	if (r == v->pid) {
		v->exited = 1;
		v->status = st;
	}
}

/*
 * Wait up to timeout_ms for something to happen, then handle all of it:
 * frame signals first, then pty output, then queued input.
 */
static void vt_pump(vt *v, int timeout_ms)
{
	struct pollfd p[2];
	nfds_t n = 0;
	if (v->master >= 0 && !v->pty_eof)
		p[n++] =
		    (struct pollfd){v->master, (short)(POLLIN | (v->outq_len ? POLLOUT : 0)), 0};
	if (v->frame_fd >= 0)
		p[n++] = (struct pollfd){v->frame_fd, POLLIN, 0};
	if (poll(p, n, timeout_ms) < 0 && errno != EINTR)
		return;
	vt_read_frames(v);
	vt_drain(v);
	vt_flush_out(v);
	vterm_screen_flush_damage(v->screen);
}

void vt_poll(vt *v)
{
	vt_pump(v, 0);
}

/* Locales -------------------------------------------------------------------- */

/* Locales built by this process: one temporary LOCPATH folder for all. */
#define VT_MAX_LOCALES 8
static struct {
	char dir[512]; /* the folder, "" until created */
	char names[VT_MAX_LOCALES][64];
	int state[VT_MAX_LOCALES]; /* 1 system, 2 built, -1 unavailable */
	int n;
} vt_locales;

static int vt_rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	remove(path);
	return 0;
}

static void vt_locales_cleanup(void)
{
	if (vt_locales.dir[0] != '\0' && getenv("LAOBAO_KEEP_TMP") == NULL)
		nftw(vt_locales.dir, vt_rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Split "zh_CN.GB18030" into the source "zh_CN" and the charmap "GB18030". */
static int vt_locale_parts(const char *name, char *src, size_t src_size, char *charmap,
                           size_t cm_size)
{
	const char *dot = strchr(name, '.');
	if (dot == NULL || (size_t)(dot - name) >= src_size || strchr(name, '/') != NULL)
		return -1;
	memcpy(src, name, (size_t)(dot - name));
	src[dot - name] = '\0';
	const char *cs = dot + 1;
	if (strcasecmp(cs, "utf8") == 0 || strcasecmp(cs, "utf-8") == 0)
		cs = "UTF-8";
	else if (strcasecmp(cs, "gb18030") == 0)
		cs = "GB18030";
	else if (strcasecmp(cs, "gbk") == 0)
		cs = "GBK";
	else
		return -1;
	snprintf(charmap, cm_size, "%s", cs);
	return 0;
}

int vt_locale_build(const char *name, const char *dir)
{
	char src[32], charmap[16], out[1024], probe[1100];
	if (vt_locale_parts(name, src, sizeof src, charmap, sizeof charmap) != 0)
		return -1;
	snprintf(out, sizeof out, "%s/%s", dir, name);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, 0);
			dup2(null, 1);
			dup2(null, 2);
		}
		execlp("localedef", "localedef", "-i", src, "-f", charmap, out, (char *)NULL);
		_exit(127);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	/* Status 1 means warnings only; the locale is written all the same. */
	if (!WIFEXITED(st) || WEXITSTATUS(st) > 1)
		return -1;
	snprintf(probe, sizeof probe, "%s/LC_CTYPE", out);
	return access(probe, R_OK) == 0 ? 0 : -1;
}

static int vt_locale_slot(const char *name)
{
	for (int i = 0; i < vt_locales.n; i++)
		if (strcmp(vt_locales.names[i], name) == 0)
			return i;
	if (vt_locales.n == VT_MAX_LOCALES || strlen(name) >= sizeof vt_locales.names[0])
		return -1;
	int i = vt_locales.n++;
	snprintf(vt_locales.names[i], sizeof vt_locales.names[i], "%s", name);
	vt_locales.state[i] = 0;
	return i;
}

int vt_locale_available(const char *name)
{
	int i = vt_locale_slot(name);
	if (i < 0)
		return 0;
	if (vt_locales.state[i] != 0)
		return vt_locales.state[i] > 0;
	const char *force = getenv("LAOBAO_VT_LOCALEDEF");
	if (force == NULL || strcmp(force, "1") != 0) {
		locale_t l = newlocale(LC_ALL_MASK, name, (locale_t)0);
		if (l != (locale_t)0) {
			freelocale(l);
			vt_locales.state[i] = 1;
			return 1;
		}
	}
	if (vt_locales.dir[0] == '\0') {
		const char *base = getenv("TMPDIR");
		snprintf(vt_locales.dir, sizeof vt_locales.dir, "%s/laobao-vt-locale-XXXXXX",
		         base && *base ? base : "/tmp");
		if (mkdtemp(vt_locales.dir) == NULL) {
			vt_locales.dir[0] = '\0';
			vt_locales.state[i] = -1;
			return 0;
		}
		atexit(vt_locales_cleanup);
	}
	vt_locales.state[i] = vt_locale_build(name, vt_locales.dir) == 0 ? 2 : -1;
	if (vt_locales.state[i] < 0)
		printf("# vt: locale %s is not installed and localedef could not build it\n", name);
	return vt_locales.state[i] > 0;
}

/* The iconv name of a locale's encoding, or NULL for UTF-8 (and plain ASCII). */
static const char *vt_locale_encoding(const char *name)
{
	char src[32], charmap[16];
	if (vt_locale_parts(name, src, sizeof src, charmap, sizeof charmap) != 0)
		return NULL;
	if (strcmp(charmap, "GB18030") == 0)
		return "GB18030";
	if (strcmp(charmap, "GBK") == 0)
		return "GBK";
	return NULL;
}

/* Start ---------------------------------------------------------------------- */

static const char *const vt_terms[] = {
    "vt100",  "xterm",         "xterm-256color", "linux",
    "screen", "tmux-256color", "putty",          "putty-256color",
};

/* Variables the harness decides: the caller's values must not leak in. */
static int vt_env_dropped(const char *kv)
{
	static const char *const drop[] = {
	    "LANG=",
	    "LANGUAGE=",
	    "LC_",
	    "LOCPATH=",
	    "TERM=",
	    "TERMINFO",
	    "TERMCAP=",
	    "COLUMNS=",
	    "LINES=",
	    "TZ=",
	    "ESCDELAY=",
	    "NCURSES_",
	    "LAOBAO_FRAME_FD=",
	    "COLORTERM=",
	};
	for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++)
		if (strncmp(kv, drop[i], strlen(drop[i])) == 0)
			return 1;
	return 0;
}

typedef struct vt_env {
	char **list;
	size_t n, cap;
} vt_env;

static void vt_env_put(vt_env *e, const char *kv)
{
	const char *eq = strchr(kv, '=');
	size_t klen = eq ? (size_t)(eq - kv) + 1 : strlen(kv);
	for (size_t i = 0; i < e->n; i++)
		if (strncmp(e->list[i], kv, klen) == 0) {
			free(e->list[i]);
			e->list[i] = strdup(kv);
			return;
		}
	if (e->n + 2 > e->cap) {
		e->cap = e->cap ? e->cap * 2 : 64;
		e->list = realloc(e->list, e->cap * sizeof *e->list);
		if (e->list == NULL)
			abort();
	}
	e->list[e->n++] = strdup(kv);
	e->list[e->n] = NULL;
}

static void vt_env_free(vt_env *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->list[i]);
	free(e->list);
}

/* In the child: fd 3 is the frame pipe, nothing else above 2 stays open. */
static void vt_child_fds(int frame_w)
{
	if (frame_w != 3) {
		dup2(frame_w, 3);
		close(frame_w);
	} else {
		fcntl(3, F_SETFD, 0);
	}
	if (close_range(4, ~0U, 0) != 0) {
		long max = sysconf(_SC_OPEN_MAX);
		for (long fd = 4; fd < (max > 0 && max < 65536 ? max : 65536); fd++)
			close((int)fd);
	}
}

int vt_start(const vt_opts *o, vt **out)
{
	*out = NULL;
	const char *loc = o->locale ? o->locale : "zh_CN.UTF-8";
	const char *term = o->term ? o->term : "xterm-256color";
	int rows = o->rows > 0 ? o->rows : 24, cols = o->cols > 0 ? o->cols : 80;
	if (o->argv == NULL || o->argv[0] == NULL)
		return -1;
	int term_ok = 0;
	for (size_t i = 0; i < sizeof vt_terms / sizeof vt_terms[0]; i++)
		term_ok |= strcmp(term, vt_terms[i]) == 0;
	if (!term_ok) {
		printf("# vt_start: TERM=%s is not one the harness supports\n", term);
		return -1;
	}
	const char *locpath = o->locpath;
	if (locpath == NULL) {
		if (!vt_locale_available(loc)) {
			printf("# vt_start: locale %s is not available\n", loc);
			return -1;
		}
		int i = vt_locale_slot(loc);
		if (i >= 0 && vt_locales.state[i] == 2)
			locpath = vt_locales.dir;
	}

	vt *v = calloc(1, sizeof *v);
	if (v == NULL)
		return -1;
	v->master = v->frame_fd = -1;
	v->rows = rows, v->cols = cols;
	v->keys = o->keys;
	v->chunk = o->read_chunk > 0 && o->read_chunk < 8192 ? (size_t)o->read_chunk : 8192;
	const char *np = getenv("LAOBAO_VT_NO_PROC");
	v->no_proc = np != NULL && strcmp(np, "1") == 0;
	v->cursor_visible = 1;
	v->from_child = v->to_child = (iconv_t)-1;
	const char *base = strrchr(o->argv[0], '/');
	snprintf(v->label, sizeof v->label, "%s", base ? base + 1 : o->argv[0]);
	const char *enc = vt_locale_encoding(loc);
	if (enc != NULL) {
		v->from_child = iconv_open("UTF-8", enc);
		v->to_child = iconv_open(enc, "UTF-8");
		if (v->from_child == (iconv_t)-1 || v->to_child == (iconv_t)-1) {
			printf("# vt_start: no iconv conversion for %s\n", enc);
			vt_free(v);
			return -1;
		}
	}

	v->term = vterm_new(rows, cols);
	vterm_set_utf8(v->term, 1);
	vterm_output_set_callback(v->term, vt_on_output, v);
	v->screen = vterm_obtain_screen(v->term);
	vterm_screen_set_callbacks(v->screen, &vt_screen_cbs, v);
	vterm_screen_enable_altscreen(v->screen, 1);
	vterm_screen_reset(v->screen, 1);

	/* Everything the child needs is prepared before fork: no malloc after it. */
	vt_env env = {0};
	for (char **e = environ; *e; e++)
		if (!vt_env_dropped(*e))
			vt_env_put(&env, *e);
	char kv[1200];
	snprintf(kv, sizeof kv, "LANG=%s", loc);
	vt_env_put(&env, kv);
	snprintf(kv, sizeof kv, "LC_ALL=%s", loc);
	vt_env_put(&env, kv);
	snprintf(kv, sizeof kv, "TERM=%s", term);
	vt_env_put(&env, kv);
	vt_env_put(&env, "TZ=UTC");
	snprintf(kv, sizeof kv, "ESCDELAY=%d", o->escdelay > 0 ? o->escdelay : 50);
	vt_env_put(&env, kv);
	vt_env_put(&env, "LAOBAO_FRAME_FD=3");
	if (locpath != NULL) {
		snprintf(kv, sizeof kv, "LOCPATH=%s", locpath);
		vt_env_put(&env, kv);
	}
	for (size_t i = 0; o->env && o->env[i]; i++)
		vt_env_put(&env, o->env[i]);

	int fp[2];
	if (pipe2(fp, O_CLOEXEC) != 0) {
		vt_env_free(&env);
		vt_free(v);
		return -1;
	}
	struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
	fflush(stdout);
	fflush(stderr);
	pid_t pid = forkpty(&v->master, NULL, NULL, &ws);
	if (pid < 0) {
		printf("# vt_start: forkpty: %s\n", strerror(errno));
		close(fp[0]), close(fp[1]);
		vt_env_free(&env);
		vt_free(v);
		return -1;
	}
	if (pid == 0) {
		vt_child_fds(fp[1]);
		/* Start from a clean slate: ncurses only catches signals left at default. */
		static const int sigs[] = {SIGPIPE, SIGINT,   SIGQUIT, SIGHUP,
		                           SIGTERM, SIGWINCH, SIGTSTP};
		for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
			signal(sigs[i], SIG_DFL);
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		if (o->cwd != NULL && chdir(o->cwd) != 0)
			_exit(126);
		execvpe(o->argv[0], o->argv, env.list);
		_exit(127);
	}
	close(fp[1]);
	vt_env_free(&env);
	v->pid = pid;
	v->frame_fd = fp[0];
	fcntl(v->frame_fd, F_SETFL, O_NONBLOCK);
	fcntl(v->master, F_SETFL, O_NONBLOCK);
	fcntl(v->master, F_SETFD, FD_CLOEXEC);
	*out = v;
	return 0;
}

void vt_free(vt *v)
{
	if (v == NULL)
		return;
	if (v->pid > 0 && !v->exited) {
		kill(v->pid, SIGKILL);
		while (waitpid(v->pid, &v->status, 0) < 0 && errno == EINTR)
			;
	}
	if (v->master >= 0)
		close(v->master);
	if (v->frame_fd >= 0)
		close(v->frame_fd);
	if (v->term != NULL)
		vterm_free(v->term);
	if (v->from_child != (iconv_t)-1)
		iconv_close(v->from_child);
	if (v->to_child != (iconv_t)-1)
		iconv_close(v->to_child);
	free(v->raw);
	free(v->outq);
	free(v);
}

/* Waiting -------------------------------------------------------------------- */

static void vt_timeout(vt *v, const char *what, const char *arg, int timeout_ms)
{
	char state[64];
	vt_reap(v);
	if (v->exited && WIFEXITED(v->status))
		snprintf(state, sizeof state, "program exited with status %d",
		         WEXITSTATUS(v->status));
	else if (v->exited && WIFSIGNALED(v->status))
		snprintf(state, sizeof state, "program killed by signal %d", WTERMSIG(v->status));
	else
		snprintf(state, sizeof state, "program running");
	printf("# vt: %s: no %s%s%s%s within %d ms (frames %lu, %s)\n", v->label, what,
	       arg ? " \"" : "", arg ? arg : "", arg ? "\"" : "", timeout_ms, v->frames, state);
	vt_dump(v, stdout);
}

int vt_wait_frame(vt *v, int timeout_ms)
{
	long long deadline = vt_now_ms() + timeout_ms;
	for (;;) {
		vt_pump(v, 0);
		if (v->frames > v->seen) {
			v->seen = v->frames;
			return 1;
		}
		if (v->frame_fd < 0 || vt_left(deadline) == 0)
			break;
		vt_pump(v, vt_left(deadline));
	}
	vt_timeout(v, "frame", NULL, timeout_ms);
	return 0;
}

static int vt_wait_match(vt *v, const char *utf8, int want, int timeout_ms)
{
	long long deadline = vt_now_ms() + timeout_ms;
	for (;;) {
		vt_pump(v, 0);
		if (vt_contains(v, utf8) == want)
			return 1;
		int gone = (v->master < 0 || v->pty_eof) && v->frame_fd < 0;
		if (gone || vt_left(deadline) == 0)
			break;
		vt_pump(v, vt_left(deadline));
	}
	vt_timeout(v, want ? "text" : "disappearance of", utf8, timeout_ms);
	return 0;
}

int vt_wait_text(vt *v, const char *utf8, int timeout_ms)
{
	return vt_wait_match(v, utf8, 1, timeout_ms);
}

int vt_wait_gone(vt *v, const char *utf8, int timeout_ms)
{
	return vt_wait_match(v, utf8, 0, timeout_ms);
}

int vt_wait_exit(vt *v, int timeout_ms, int *status)
{
	long long deadline = vt_now_ms() + timeout_ms;
	for (;;) {
		vt_pump(v, 0);
		vt_reap(v);
		if (v->exited) {
			if (status)
				*status = v->status;
			return 1;
		}
		if (vt_left(deadline) == 0)
			break;
		/* Exit has no descriptor to poll; look again every few ms. */
		int step = vt_left(deadline);
		vt_pump(v, step < 5 ? step : 5);
	}
	vt_timeout(v, "exit", NULL, timeout_ms);
	return 0;
}

unsigned long vt_frames(const vt *v)
{
	return v->frames;
}

/* Idle detection ------------------------------------------------------------- */

/* System calls a program sleeps in while it waits for the user. */
static int vt_input_syscall(long nr, unsigned long fd)
{
	if (nr == SYS_read)
		return fd == 0;
	return 0
#ifdef SYS_poll
	       || nr == SYS_poll
#endif
#ifdef SYS_select
	       || nr == SYS_select
#endif
#ifdef SYS_epoll_wait
	       || nr == SYS_epoll_wait
#endif
	       || nr == SYS_ppoll || nr == SYS_pselect6 || nr == SYS_epoll_pwait;
}

static int vt_read_proc(pid_t pid, const char *what, char *buf, size_t size)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, what);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, size - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return 0;
}

/*
 * 1 if the program sleeps waiting for terminal input, 0 if not, -1 if this
 * cannot be told (no /proc/<pid>/syscall). Sleeping in read(0) means the tty
 * has no unread input, so everything typed so far has been taken in.
 */
static int vt_blocked_on_input(const vt *v)
{
	char sc[256], st[512];
	if (v->exited || v->no_proc || vt_read_proc(v->pid, "syscall", sc, sizeof sc) != 0)
		return -1;
	if (strncmp(sc, "running", 7) == 0)
		return 0;
	char *end;
	long nr = strtol(sc, &end, 10);
	unsigned long fd = strtoul(end, NULL, 16);
	if (!vt_input_syscall(nr, fd) || vt_read_proc(v->pid, "stat", st, sizeof st) != 0)
		return 0;
	const char *paren = strrchr(st, ')');
	return paren != NULL && paren[1] == ' ' && paren[2] == 'S';
}

/* Times the program has gone to sleep (voluntary context switches), or -1. */
static long vt_sleeps(const vt *v)
{
	char buf[2048];
	if (v->exited || vt_read_proc(v->pid, "status", buf, sizeof buf) != 0)
		return -1;
	const char *p = strstr(buf, "\nvoluntary_ctxt_switches:");
	return p ? strtol(p + 26, NULL, 10) : -1;
}

/*
 * Like vt_wait_idle, without the diagnostic. Asleep in a read is not enough
 * right after input went out: the kernel hands pty input to the reader
 * asynchronously, so the program may not have been woken yet. It must have
 * gone to sleep again since (its count of sleeps has moved on).
 */
static int vt_idle(vt *v, int timeout_ms)
{
	long long deadline = vt_now_ms() + timeout_ms;
	for (;;) {
		vt_pump(v, 0);
		vt_reap(v);
		if (v->exited)
			return 0;
		int b = vt_blocked_on_input(v);
		if (b == 1 && v->sent && v->sleeps >= 0 && vt_sleeps(v) <= v->sleeps)
			b = 0;
		if (b == 1) {
			v->sent = 0;
			/* It wrote everything before it went to sleep: take all of it in. */
			vt_pump(v, 0);
			return 1;
		}
		if (b < 0) {
			/* No way to look inside: settle for a quiet spell. */
			unsigned long bytes = v->bytes, frames = v->frames;
			vt_pump(v, VT_QUIET_MS);
			if (bytes == v->bytes && frames == v->frames) {
				v->sent = 0;
				return 1;
			}
		}
		if (vt_left(deadline) == 0)
			return 0;
		vt_pump(v, 1);
	}
}

int vt_wait_idle(vt *v, int timeout_ms)
{
	if (vt_idle(v, timeout_ms))
		return 1;
	vt_timeout(v, "idle state", NULL, timeout_ms);
	return 0;
}

/* Input ---------------------------------------------------------------------- */

/* Write everything queued, reading output meanwhile so neither side blocks. */
static int vt_flush_all(vt *v)
{
	long long deadline = vt_now_ms() + VT_WRITE_TIMEOUT_MS;
	if (v->outq_len > 0)
		v->sent = 1;
	while (v->outq_len > 0) {
		if (v->master < 0 || v->pty_eof) {
			v->outq_len = 0;
			printf("# vt: %s: cannot type, the terminal is closed\n", v->label);
			return -1;
		}
		if (vt_left(deadline) == 0) {
			printf("# vt: %s: input not accepted within %d ms\n", v->label,
			       VT_WRITE_TIMEOUT_MS);
			return -1;
		}
		vt_pump(v, vt_left(deadline));
	}
	return 0;
}

/*
 * Before an action: let the program finish what it is doing and take in its
 * output, so that frames signalled from now on answer this action. A program
 * that stays busy is not waited for beyond VT_IDLE_TIMEOUT_MS.
 */
static void vt_before_input(vt *v)
{
	vt_idle(v, VT_IDLE_TIMEOUT_MS);
	v->seen = v->frames;
	v->sleeps = vt_sleeps(v);
}

/* Convert UTF-8 to the child's encoding, queued; -1 if it cannot be encoded. */
static int vt_queue_text(vt *v, const char *utf8, size_t len)
{
	if (v->to_child == (iconv_t)-1) {
		vt_queue(v, utf8, len);
		return 0;
	}
	iconv(v->to_child, NULL, NULL, NULL, NULL);
	char *ip = (char *)utf8;
	size_t il = len;
	while (il > 0) {
		char buf[1024], *op = buf;
		size_t ol = sizeof buf;
		size_t r = iconv(v->to_child, &ip, &il, &op, &ol);
		vt_queue(v, buf, (size_t)(op - buf));
		if (r == (size_t)-1 && errno != E2BIG) {
			printf("# vt: %s: cannot encode input at byte %zu\n", v->label,
			       (size_t)(ip - utf8));
			return -1;
		}
	}
	return 0;
}

int vt_send(vt *v, const void *bytes, size_t len)
{
	vt_before_input(v);
	vt_queue(v, bytes, len);
	return vt_flush_all(v);
}

int vt_type(vt *v, const char *utf8)
{
	vt_before_input(v);
	if (vt_queue_text(v, utf8, strlen(utf8)) != 0) {
		v->outq_len = 0;
		return -1;
	}
	return vt_flush_all(v);
}

int vt_paste(vt *v, const char *utf8)
{
	vt_before_input(v);
	size_t len = strlen(utf8);
	char *text = malloc(len + 1);
	if (text == NULL)
		return -1;
	for (size_t i = 0; i <= len; i++)
		text[i] = utf8[i] == '\n' ? '\r' : utf8[i];
	/* libvterm emits the markers only when the program enabled them. */
	vterm_keyboard_start_paste(v->term);
	int rc = vt_queue_text(v, text, len);
	vterm_keyboard_end_paste(v->term);
	free(text);
	if (rc != 0) {
		v->outq_len = 0;
		return -1;
	}
	return vt_flush_all(v);
}

/* Function keys whose sequence depends on the dialect; NULL: xterm's. */
static const char *vt_dialect_seq(vt_keyname k, vt_keystyle style)
{
	static const char *const putty[] = {"\033[11~", "\033[12~", "\033[13~", "\033[14~"};
	static const char *const linux_f[] = {"\033[[A", "\033[[B", "\033[[C", "\033[[D",
	                                      "\033[[E"};
	if (style == VT_KEYS_XTERM)
		return NULL;
	if (k == VT_KEY_HOME)
		return "\033[1~";
	if (k == VT_KEY_END)
		return "\033[4~";
	if (style == VT_KEYS_PUTTY && k >= VT_KEY_F1 && k <= VT_KEY_F4)
		return putty[k - VT_KEY_F1];
	if (style == VT_KEYS_LINUX && k >= VT_KEY_F1 && k <= VT_KEY_F5)
		return linux_f[k - VT_KEY_F1];
	return NULL;
}

int vt_key_as(vt *v, vt_keyname k, vt_keystyle style)
{
	static const VTermKey plain[] = {
	    [VT_KEY_UP] = VTERM_KEY_UP,
	    [VT_KEY_DOWN] = VTERM_KEY_DOWN,
	    [VT_KEY_LEFT] = VTERM_KEY_LEFT,
	    [VT_KEY_RIGHT] = VTERM_KEY_RIGHT,
	    [VT_KEY_HOME] = VTERM_KEY_HOME,
	    [VT_KEY_END] = VTERM_KEY_END,
	    [VT_KEY_PGUP] = VTERM_KEY_PAGEUP,
	    [VT_KEY_PGDN] = VTERM_KEY_PAGEDOWN,
	    [VT_KEY_INSERT] = VTERM_KEY_INS,
	    [VT_KEY_DELETE] = VTERM_KEY_DEL,
	    [VT_KEY_TAB] = VTERM_KEY_TAB,
	    [VT_KEY_BTAB] = VTERM_KEY_TAB,
	    [VT_KEY_ENTER] = VTERM_KEY_ENTER,
	    [VT_KEY_ESC] = VTERM_KEY_ESCAPE,
	    [VT_KEY_BACKSPACE] = VTERM_KEY_BACKSPACE,
	};
	vt_before_input(v);
	const char *seq = vt_dialect_seq(k, style);
	if (seq != NULL) {
		vt_queue(v, seq, strlen(seq));
	} else if (k >= VT_KEY_CTRL_BASE + 1 && k <= VT_KEY_CTRL_BASE + 26) {
		char c = (char)(k - VT_KEY_CTRL_BASE);
		vt_queue(v, &c, 1);
	} else if (k >= VT_KEY_F1 && k <= VT_KEY_F12) {
		vterm_keyboard_key(v->term, VTERM_KEY_FUNCTION(k - VT_KEY_F1 + 1), VTERM_MOD_NONE);
	} else if ((size_t)k < sizeof plain / sizeof plain[0] && plain[k] != VTERM_KEY_NONE) {
		vterm_keyboard_key(v->term, plain[k],
		                   k == VT_KEY_BTAB ? VTERM_MOD_SHIFT : VTERM_MOD_NONE);
	} else {
		printf("# vt: unknown key %d\n", (int)k);
		return -1;
	}
	return vt_flush_all(v);
}

int vt_key(vt *v, vt_keyname k)
{
	return vt_key_as(v, k, v->keys);
}

/* Screen --------------------------------------------------------------------- */

int vt_rows(const vt *v)
{
	return v->rows;
}

int vt_cols(const vt *v)
{
	return v->cols;
}

/* Append the UTF-8 of code point cp; returns bytes written (0 if no room). */
static size_t vt_put_utf8(uint32_t cp, char *out, size_t room)
{
	char b[4];
	size_t n;
	if (cp < 0x80)
		b[0] = (char)cp, n = 1;
	else if (cp < 0x800)
		b[0] = (char)(0xC0 | cp >> 6), b[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
	else if (cp < 0x10000)
		b[0] = (char)(0xE0 | cp >> 12), b[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
		b[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
	else if (cp < 0x110000)
		b[0] = (char)(0xF0 | cp >> 18), b[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), b[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
	else
		return 0;
	if (n > room)
		return 0;
	memcpy(out, b, n);
	return n;
}

/*
 * Text of a row; if colmap is given, colmap[i] is the screen column of the
 * cell that produced byte i. Trailing blanks are dropped. Returns the length.
 */
static size_t vt_row(vt *v, int row, char *buf, size_t size, int *colmap)
{
	size_t len = 0;
	if (size == 0)
		return 0;
	for (int col = 0; row >= 0 && row < v->rows && col < v->cols;) {
		VTermScreenCell c;
		vterm_screen_get_cell(v->screen, (VTermPos){row, col}, &c);
		size_t start = len;
		if (c.chars[0] == 0 || c.chars[0] == (uint32_t)-1) {
			if (len + 1 < size)
				buf[len++] = ' ';
		} else {
			for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && c.chars[i] != 0; i++)
				len += vt_put_utf8(c.chars[i], buf + len, size - 1 - len);
		}
		for (size_t i = start; colmap && i < len; i++)
			colmap[i] = col;
		col += c.width > 0 ? c.width : 1;
	}
	while (len > 0 && buf[len - 1] == ' ')
		len--;
	buf[len] = '\0';
	return len;
}

char *vt_row_text(vt *v, int row, char *buf, size_t size)
{
	vt_row(v, row, buf, size, NULL);
	return buf;
}

char *vt_screen_text(vt *v, char *buf, size_t size)
{
	size_t len = 0;
	if (size == 0)
		return buf;
	buf[0] = '\0';
	for (int r = 0; r < v->rows && len + 1 < size; r++) {
		if (r > 0)
			buf[len++] = '\n';
		len += vt_row(v, r, buf + len, size - len, NULL);
	}
	buf[len] = '\0';
	return buf;
}

int vt_find(vt *v, const char *utf8, int *row, int *col)
{
	enum { MAXB = 4096 };
	char *line = malloc(MAXB);
	int *map = malloc(MAXB * sizeof *map);
	int found = 0;
	if (line == NULL || map == NULL)
		abort();
	for (int r = 0; r < v->rows && !found; r++) {
		vt_row(v, r, line, MAXB, map);
		const char *hit = strstr(line, utf8);
		if (hit != NULL) {
			found = 1;
			if (row)
				*row = r;
			if (col)
				*col = *utf8 ? map[hit - line] : 0;
		}
	}
	free(line);
	free(map);
	return found;
}

int vt_contains(vt *v, const char *utf8)
{
	return vt_find(v, utf8, NULL, NULL);
}

void vt_cursor(vt *v, int *row, int *col)
{
	VTermPos p;
	vterm_state_get_cursorpos(vterm_obtain_state(v->term), &p);
	if (row)
		*row = p.row;
	if (col)
		*col = p.col;
}

int vt_cursor_visible(const vt *v)
{
	return v->cursor_visible;
}

static int vt_color_index(VTermColor *c, int fg)
{
	if (fg ? VTERM_COLOR_IS_DEFAULT_FG(c) : VTERM_COLOR_IS_DEFAULT_BG(c))
		return -1;
	return VTERM_COLOR_IS_INDEXED(c) ? c->indexed.idx : -1;
}

int vt_cell_at(vt *v, int row, int col, vt_cell *out)
{
	memset(out, 0, sizeof *out);
	if (row < 0 || row >= v->rows || col < 0 || col >= v->cols)
		return -1;
	VTermScreenCell c;
	vterm_screen_get_cell(v->screen, (VTermPos){row, col}, &c);
	/* libvterm marks the right half of a wide character with (uint32_t)-1. */
	if (c.chars[0] == (uint32_t)-1) {
		out->width = 0;
	} else {
		size_t len = 0;
		for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && c.chars[i] != 0; i++)
			len += vt_put_utf8(c.chars[i], out->text + len, sizeof out->text - 1 - len);
		if (len == 0)
			out->text[len++] = ' ';
		out->text[len] = '\0';
		out->width = c.width;
	}
	out->bold = c.attrs.bold;
	out->underline = c.attrs.underline != 0;
	out->reverse = c.attrs.reverse;
	out->fg = vt_color_index(&c.fg, 1);
	out->bg = vt_color_index(&c.bg, 0);
	return 0;
}

void vt_dump(vt *v, FILE *f)
{
	char line[4096];
	int r, c;
	vt_cursor(v, &r, &c);
	fprintf(f, "# screen of %s, %dx%d, cursor at %d,%d%s:\n", v->label, v->rows, v->cols, r, c,
	        v->cursor_visible ? "" : " (hidden)");
	for (int i = 0; i < v->rows; i++)
		fprintf(f, "# %2d|%s\n", i, vt_row_text(v, i, line, sizeof line));
	fflush(f);
}

/* Byte counts ---------------------------------------------------------------- */

unsigned long vt_bytes_total(const vt *v)
{
	return v->bytes;
}

void vt_bytes_mark(vt *v)
{
	vt_pump(v, 0);
	v->mark = v->bytes;
	v->raw_len = 0;
	if (v->raw != NULL)
		v->raw[0] = '\0';
}

unsigned long vt_bytes_since(const vt *v)
{
	return v->bytes - v->mark;
}

const char *vt_raw(const vt *v, size_t *len)
{
	if (len)
		*len = v->raw_len;
	return v->raw ? v->raw : "";
}

/* Terminal events ------------------------------------------------------------ */

int vt_resize(vt *v, int rows, int cols)
{
	if (v->master < 0 || rows <= 0 || cols <= 0)
		return -1;
	/* Output drawn for the old size lands on the old-size screen. */
	vt_before_input(v);
	vterm_set_size(v->term, rows, cols);
	v->rows = rows, v->cols = cols;
	struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
	v->sent = 1;
	return ioctl(v->master, TIOCSWINSZ, &ws) == 0 ? 0 : -1;
}

void vt_hangup(vt *v)
{
	vt_pump(v, 0);
	if (v->master >= 0)
		close(v->master);
	v->master = -1;
	v->outq_len = 0;
}

int vt_signal(vt *v, int sig)
{
	vt_reap(v);
	if (v->exited)
		return -1;
	/* Like a key, a signal should find the program waiting, not drawing. */
	vt_before_input(v);
	v->sent = 1;
	return kill(v->pid, sig);
}

int vt_pid(const vt *v)
{
	return (int)v->pid;
}
