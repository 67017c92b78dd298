/*
 * laobao — command-line front end: parses options, finds the database and
 * dispatches to the terminal UI or to a batch command (init, demo, user,
 * check-id, check-uscc, and the exchange of packages between offices:
 * export, import, import-persons, keygen).
 *
 * Exit status: 0 success, 1 a data or operation error (message on stderr, in
 * Chinese), 2 a usage error. Results go to stdout, one line per input, so
 * the batch commands can be used in pipelines by administrators cleaning
 * legacy lists.
 */
#include <errno.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "db/db.h"
#include "db/export.h"
#include "db/import.h"
#include "db/office.h"
#include "db/operator.h"
#include "db/setting.h"
#include "forms/date.h"
#include "forms/demo.h"
#include "forms/idcard.h"
#include "forms/legacy_import.h"
#include "forms/uscc.h"
#include "locale/enc.h"
#include "locale/err.h"
#include "locale/msg.h"
#include "tui/tui.h"

#ifndef LAOBAO_VERSION
#define LAOBAO_VERSION "0.0.0"
#endif

enum { EXIT_DATA = 1, EXIT_USAGE = 2 };

/* What every command gets: the parsed global options and "today". */
typedef struct cli {
	const char *db_path; /* --db, $LAOBAO_DB or the default */
	char default_path[4096];
	lb_date today;
	int argc; /* the command's own arguments, argv[0] = command name */
	char **argv;
} cli;

typedef int (*cli_fn)(cli *c);

static void cli_print_error(const err_info *e)
{
	char buf[512];
	fprintf(stderr, "laobao: %s\n", err_format(e, buf, sizeof buf));
}

static int cli_usage_error(const char *what, const char *arg)
{
	if (arg != NULL)
		fprintf(stderr, "laobao: %s：%s\n", what, arg);
	else
		fprintf(stderr, "laobao: %s\n", what);
	fprintf(stderr, "%s\n", msg_text(MSG_CLI_SEE_HELP));
	return EXIT_USAGE;
}

/* Map an error to the exit status: usage errors 2, the rest 1. */
static int cli_fail(const err_info *e)
{
	cli_print_error(e);
	return e->code == ERR_CLI_USAGE ? EXIT_USAGE : EXIT_DATA;
}

static err_code cli_default_db(cli *c, err_info *e)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	int n;
	if (xdg != NULL && xdg[0] == '/')
		n = snprintf(c->default_path, sizeof c->default_path, "%s/laobao/laobao.db", xdg);
	else if (home != NULL && home[0] == '/')
		n = snprintf(c->default_path, sizeof c->default_path,
		             "%s/.local/share/laobao/laobao.db", home);
	else
		return err_set(e, ERR_CLI_NO_HOME, MSG_NONE, NULL);
	if (n < 0 || (size_t)n >= sizeof c->default_path)
		return err_set(e, ERR_CLI_NO_HOME, MSG_NONE, NULL);
	c->db_path = c->default_path;
	return ERR_OK;
}

static err_code cli_open_db(cli *c, int flags, db **out, err_info *e)
{
	return db_open(c->db_path, flags, out, e);
}

/*
 * Echo untrusted input in a one-line report: tabs, controls and bytes that
 * are not valid UTF-8 are shown as \xNN so the TSV stays parseable and a
 * terminal is never sent raw binary; long input is cut with "...".
 */
static void cli_echo(FILE *f, const char *s, size_t len)
{
	size_t shown = 0;
	for (size_t i = 0; i < len && shown < 64;) {
		unsigned char ch = (unsigned char)s[i];
		size_t n = ch < 0x80                 ? 1
		           : ch >= 0xF0 && ch < 0xF5 ? 4
		           : ch >= 0xE0              ? 3
		           : ch >= 0xC2 && ch < 0xE0 ? 2
		                                     : 0;
		int ok = n > 0 && i + n <= len;
		for (size_t k = 1; ok && k < n; k++)
			ok = ((unsigned char)s[i + k] & 0xC0) == 0x80;
		if (ok && n == 1 && (ch < 0x20 || ch == 0x7F))
			ok = 0;
		if (ok) {
			fwrite(s + i, 1, n, f);
			i += n;
		} else {
			fprintf(f, "\\x%02X", ch);
			i++;
		}
		shown++;
		if (shown == 64 && i < len)
			fputs("...", f);
	}
}

/* ---- check-id / check-uscc ---- */

typedef int (*cli_check_fn)(cli *c, const char *in, size_t len);

/* The report line of a refused input: 错误, the input escaped, the reason. Returns 1. */
static int cli_report_bad(const char *in, size_t len, err_info *e)
{
	char buf[512];
	e->field = MSG_NONE; /* the report names the input itself */
	printf("%s\t", msg_text(MSG_CLI_ERROR_PREFIX));
	cli_echo(stdout, in, len);
	printf("\t%s\n", err_format(e, buf, sizeof buf));
	return 1;
}

static int cli_check_one_id(cli *c, const char *in, size_t len)
{
	idcard_info info;
	err_info e;
	char date[DATE_ISO_LEN];
	err_code rc = memchr(in, '\0', len) != NULL ? err_set(&e, ERR_ID_CHARS, MSG_F_ID_NO, NULL)
	                                            : idcard_parse(in, c->today, &info, &e);
	if (rc != ERR_OK)
		return cli_report_bad(in, len, &e);
	printf("%s\t%s\t%s\n", info.id, msg_text(info.sex == 1 ? MSG_CLI_MALE : MSG_CLI_FEMALE),
	       date_format(info.birth, date));
	return 0;
}

static int cli_check_one_uscc(cli *c, const char *in, size_t len)
{
	(void)c;
	uscc_info info;
	err_info e;
	err_code rc = memchr(in, '\0', len) != NULL ? err_set(&e, ERR_USCC_CHARS, MSG_F_USCC, NULL)
	                                            : uscc_parse(in, &info, &e);
	if (rc != ERR_OK)
		return cli_report_bad(in, len, &e);
	printf("%s\t%s\n", info.code, info.org_code);
	return 0;
}

/* Run check on each argument, or on each line of stdin for none or "-". */
static int cli_check_inputs(cli *c, cli_check_fn check)
{
	int bad = 0;
	int from_stdin = c->argc < 2 || (c->argc == 2 && strcmp(c->argv[1], "-") == 0);
	if (!from_stdin) {
		for (int i = 1; i < c->argc; i++)
			bad |= check(c, c->argv[i], strlen(c->argv[i]));
		return bad ? EXIT_DATA : 0;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	while ((len = getline(&line, &cap, stdin)) >= 0) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		bad |= check(c, line, (size_t)len);
	}
	free(line);
	if (ferror(stdin)) {
		err_info e;
		err_set(&e, ERR_IO, MSG_NONE, "%s", strerror(errno));
		cli_print_error(&e);
		return EXIT_DATA;
	}
	return bad ? EXIT_DATA : 0;
}

static int cmd_check_id(cli *c)
{
	return cli_check_inputs(c, cli_check_one_id);
}

static int cmd_check_uscc(cli *c)
{
	return cli_check_inputs(c, cli_check_one_uscc);
}

/* ---- init ---- */

/*
 * Make code this installation's office (the one its export packages come
 * from), creating the office when it does not exist yet.
 */
static int cli_init_office(db *d, const char *code, const char *name, const char *area)
{
	office o;
	err_info e;
	err_code rc = office_get(d, code, &o, &e);
	if (rc == ERR_NOT_FOUND) {
		if (name == NULL)
			return cli_usage_error(msg_text(MSG_CLI_MISSING_ARG), "--office-name");
		memset(&o, 0, sizeof o);
		if (area == NULL ? strspn(code, "0123456789") < 6
		                 : strlen(area) != 6 || strspn(area, "0123456789") != 6)
			return cli_usage_error(msg_text(MSG_X_AREA_NEEDED), area ? area : code);
		if (strlen(code) >= sizeof o.code || strlen(name) >= sizeof o.name) {
			err_set(&e, ERR_DB_TOO_LONG,
			        strlen(code) >= sizeof o.code ? MSG_COL_OFFICE_CODE
			                                      : MSG_COL_OFFICE_NAME,
			        NULL);
			return cli_fail(&e);
		}
		snprintf(o.code, sizeof o.code, "%s", code);
		snprintf(o.name, sizeof o.name, "%s", name);
		snprintf(o.area_code, sizeof o.area_code, "%.6s", area != NULL ? area : code);
		rc = office_insert(d, &o, &e);
	}
	if (rc == ERR_OK)
		rc = setting_set(d, "office.default", o.code, &e);
	if (rc != ERR_OK)
		return cli_fail(&e);
	printf("%s：%s %s\n", msg_text(MSG_X_OFFICE_SET), o.code, o.name);
	return 0;
}

/* The value after option argv[*i]; NULL (and a usage message) when missing. */
static const char *cli_option_value(cli *c, int *i)
{
	if (*i + 1 >= c->argc) {
		cli_usage_error(msg_text(MSG_CLI_MISSING_ARG), c->argv[*i]);
		return NULL;
	}
	return c->argv[++*i];
}

static int cmd_init(cli *c)
{
	const char *code = NULL, *name = NULL, *area = NULL;
	for (int i = 1; i < c->argc; i++) {
		const char *a = c->argv[i];
		const char **slot = strcmp(a, "--office") == 0        ? &code
		                    : strcmp(a, "--office-name") == 0 ? &name
		                    : strcmp(a, "--area") == 0        ? &area
		                                                      : NULL;
		if (slot == NULL)
			return cli_usage_error(msg_text(MSG_CLI_BAD_OPTION), a);
		if ((*slot = cli_option_value(c, &i)) == NULL)
			return EXIT_USAGE;
	}
	if (code == NULL && (name != NULL || area != NULL))
		return cli_usage_error(msg_text(MSG_CLI_MISSING_ARG), "--office");
	db *d = NULL;
	err_info e;
	if (cli_open_db(c, DB_OPEN_CREATE, &d, &e) != ERR_OK)
		return cli_fail(&e);
	printf("%s：%s（%s %d）\n", msg_text(MSG_CLI_DB_CREATED), c->db_path,
	       msg_text(MSG_CLI_SCHEMA_VERSION), db_schema_version());
	int rc = code != NULL ? cli_init_office(d, code, name, area) : 0;
	db_close(d);
	return rc;
}

/* ---- demo ---- */

static int cli_parse_count(const char *s, long max, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 1 || v > max)
		return 0;
	*out = v;
	return 1;
}

static void cli_demo_progress(void *ctx, const char *stage, long done, long total)
{
	(void)ctx;
	if (!isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "\r%s %ld/%ld   ", stage, done, total);
	if (done >= total)
		fputc('\n', stderr);
}

static int cmd_demo(cli *c)
{
	demo_opts o = {.persons = 2000, .seed = 1, .today = c->today};
	for (int i = 1; i < c->argc; i++) {
		const char *a = c->argv[i];
		long v;
		if ((strcmp(a, "--persons") == 0 || strcmp(a, "--seed") == 0) && i + 1 >= c->argc)
			return cli_usage_error(msg_text(MSG_CLI_MISSING_ARG), a);
		if (strcmp(a, "--persons") == 0) {
			if (!cli_parse_count(c->argv[++i], 100000000L, &v))
				return cli_usage_error(msg_text(MSG_CLI_BAD_NUMBER), c->argv[i]);
			o.persons = v;
		} else if (strcmp(a, "--seed") == 0) {
			if (!cli_parse_count(c->argv[++i], 2147483647L, &v))
				return cli_usage_error(msg_text(MSG_CLI_BAD_NUMBER), c->argv[i]);
			o.seed = (uint64_t)v;
		} else {
			return cli_usage_error(msg_text(MSG_CLI_BAD_OPTION), a);
		}
	}
	db *d = NULL;
	err_info e;
	if (cli_open_db(c, DB_OPEN_CREATE, &d, &e) != ERR_OK)
		return cli_fail(&e);
	err_code rc = demo_generate(d, &o, cli_demo_progress, NULL, &e);
	db_close(d);
	if (rc != ERR_OK)
		return cli_fail(&e);
	printf("%s：%s\n", msg_text(MSG_CLI_DEMO_DONE), c->db_path);
	return 0;
}

/* ---- user ---- */

/* Read a password: a line of stdin with --password-stdin, else twice from the terminal without
 * echo. */
static int cli_read_password(int from_stdin, char *buf, size_t size, err_info *e)
{
	if (from_stdin) {
		if (fgets(buf, (int)size, stdin) == NULL) {
			err_set(e, ERR_CLI_USAGE, MSG_NONE, "%s", msg_text(MSG_CLI_MISSING_ARG));
			return 0;
		}
		buf[strcspn(buf, "\r\n")] = '\0';
		return 1;
	}
	FILE *tty = fopen("/dev/tty", "r+");
	if (tty == NULL) {
		err_set(e, ERR_CLI_USAGE, MSG_NONE, "%s", msg_text(MSG_CLI_PASSWORD_NEED_TTY));
		return 0;
	}
	struct termios old, quiet;
	int fd = fileno(tty);
	int restore = tcgetattr(fd, &old) == 0;
	if (restore) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	char again[256] = "";
	int ok = 1;
	fprintf(tty, "%s", msg_text(MSG_CLI_PASSWORD_PROMPT));
	fflush(tty);
	if (fgets(buf, (int)size, tty) == NULL)
		ok = 0;
	fprintf(tty, "\n%s", msg_text(MSG_CLI_PASSWORD_AGAIN));
	fflush(tty);
	if (ok && fgets(again, sizeof again, tty) == NULL)
		ok = 0;
	fputc('\n', tty);
	if (restore)
		tcsetattr(fd, TCSAFLUSH, &old);
	fclose(tty);
	buf[strcspn(buf, "\r\n")] = '\0';
	again[strcspn(again, "\r\n")] = '\0';
	if (!ok || strcmp(buf, again) != 0) {
		err_set(e, ERR_CLI_USAGE, MSG_NONE, "%s", msg_text(MSG_CLI_PASSWORD_MISMATCH));
		return 0;
	}
	return 1;
}

static int cmd_user_add(cli *c, db *d)
{
	operator_rec o;
	memset(&o, 0, sizeof o);
	o.role = ROLE_CASEWORKER;
	int pw_stdin = 0, have_name = 0;
	err_info e;
	if (c->argc < 3)
		return cli_usage_error(msg_text(MSG_CLI_MISSING_ARG), "user add");
	snprintf(o.login, sizeof o.login, "%s", c->argv[2]);
	if (strlen(c->argv[2]) >= sizeof o.login) {
		err_set(&e, ERR_OP_LOGIN, MSG_NONE, NULL);
		return cli_fail(&e);
	}
	for (int i = 3; i < c->argc; i++) {
		const char *a = c->argv[i];
		if (strcmp(a, "--password-stdin") == 0) {
			pw_stdin = 1;
			continue;
		}
		if (strcmp(a, "--name") != 0 && strcmp(a, "--role") != 0 &&
		    strcmp(a, "--office") != 0)
			return cli_usage_error(msg_text(MSG_CLI_BAD_OPTION), a);
		if (i + 1 >= c->argc)
			return cli_usage_error(msg_text(MSG_CLI_MISSING_ARG), a);
		const char *v = c->argv[++i];
		if (strcmp(a, "--name") == 0) {
			snprintf(o.name, sizeof o.name, "%s", v);
			have_name = 1;
		} else if (strcmp(a, "--role") == 0) {
			if (operator_role_parse(v, &o.role, &e) != ERR_OK)
				return cli_fail(&e);
		} else {
			snprintf(o.office, sizeof o.office, "%s", v);
		}
	}
	if (!have_name)
		snprintf(o.name, sizeof o.name, "%s", o.login);
	char pw[256];
	if (!cli_read_password(pw_stdin, pw, sizeof pw, &e))
		return cli_fail(&e);
	err_code rc = operator_add(d, &o, pw, &e);
	memset(pw, 0, sizeof pw);
	if (rc != ERR_OK)
		return cli_fail(&e);
	printf("%s：%s\n", msg_text(MSG_CLI_USER_ADDED), o.login);
	return 0;
}

static int cmd_user_list(cli *c, db *d)
{
	(void)c;
	operator_list l;
	err_info e;
	if (operator_list_all(d, &l, &e) != ERR_OK)
		return cli_fail(&e);
	printf("%s\n", msg_text(MSG_CLI_USER_LIST_HEAD));
	for (size_t i = 0; i < l.n; i++) {
		const operator_rec *o = &l.items[i];
		printf("%s\t%s\t%s\t%s\t%s\n", o->login, o->name, operator_role_name(o->role),
		       o->office,
		       msg_text(o->disabled ? MSG_CLI_USER_INACTIVE : MSG_CLI_USER_ACTIVE));
	}
	operator_list_free(&l);
	return 0;
}

static int cmd_user_passwd(cli *c, db *d)
{
	if (c->argc < 3)
		return cli_usage_error(msg_text(MSG_CLI_MISSING_ARG), "user passwd");
	int pw_stdin = 0;
	for (int i = 3; i < c->argc; i++) {
		if (strcmp(c->argv[i], "--password-stdin") != 0)
			return cli_usage_error(msg_text(MSG_CLI_BAD_OPTION), c->argv[i]);
		pw_stdin = 1;
	}
	err_info e;
	char pw[256];
	if (!cli_read_password(pw_stdin, pw, sizeof pw, &e))
		return cli_fail(&e);
	err_code rc = operator_set_password(d, c->argv[2], pw, &e);
	memset(pw, 0, sizeof pw);
	if (rc != ERR_OK)
		return cli_fail(&e);
	printf("%s：%s\n", msg_text(MSG_CLI_USER_PASSWD), c->argv[2]);
	return 0;
}

static int cmd_user_disable(cli *c, db *d, int disabled)
{
	if (c->argc != 3)
		return cli_usage_error(
		    msg_text(c->argc < 3 ? MSG_CLI_MISSING_ARG : MSG_CLI_BAD_OPTION),
		    c->argc < 3 ? c->argv[1] : c->argv[3]);
	err_info e;
	if (operator_set_disabled(d, c->argv[2], disabled, &e) != ERR_OK)
		return cli_fail(&e);
	printf("%s：%s\n", msg_text(disabled ? MSG_CLI_USER_DISABLED : MSG_CLI_USER_ENABLED),
	       c->argv[2]);
	return 0;
}

static int cmd_user(cli *c)
{
	static const char *const subs[] = {"add", "list", "passwd", "disable", "enable"};
	if (c->argc < 2)
		return cli_usage_error(msg_text(MSG_CLI_MISSING_ARG), "user");
	size_t k;
	for (k = 0; k < sizeof subs / sizeof subs[0]; k++)
		if (strcmp(c->argv[1], subs[k]) == 0)
			break;
	if (k == sizeof subs / sizeof subs[0])
		return cli_usage_error(msg_text(MSG_CLI_UNKNOWN_COMMAND), c->argv[1]);
	db *d = NULL;
	err_info e;
	if (cli_open_db(c, 0, &d, &e) != ERR_OK)
		return cli_fail(&e);
	int rc;
	switch (k) {
	case 0:
		rc = cmd_user_add(c, d);
		break;
	case 1:
		rc = cmd_user_list(c, d);
		break;
	case 2:
		rc = cmd_user_passwd(c, d);
		break;
	default:
		rc = cmd_user_disable(c, d, k == 3);
		break;
	}
	db_close(d);
	return rc;
}

/* ---- export, import, keygen ---- */

/* Rows, rate and time left on a terminal; nothing when stderr is not one. */
typedef struct cli_progress {
	const char *phase;
	struct timespec start, last;
	int shown;
} cli_progress;

static double cli_elapsed(const struct timespec *from)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - from->tv_sec) + (double)(now.tv_nsec - from->tv_nsec) / 1e9;
}

static void cli_progress_start(cli_progress *p, const char *phase)
{
	p->phase = phase;
	p->shown = 0;
	clock_gettime(CLOCK_MONOTONIC, &p->start);
	p->last = p->start;
}

static void cli_progress_cb(void *ctx, const char *file, uint64_t done, uint64_t total)
{
	cli_progress *p = ctx;
	if (!isatty(STDERR_FILENO) || (done < total && cli_elapsed(&p->last) < 0.25))
		return;
	clock_gettime(CLOCK_MONOTONIC, &p->last);
	double t = cli_elapsed(&p->start);
	double rate = t > 0 ? (double)done / t : 0;
	unsigned long long left =
	    rate > 0 && total > done ? (unsigned long long)((double)(total - done) / rate) : 0;
	fprintf(stderr, msg_text(MSG_X_PROGRESS), p->phase, file, (unsigned long long)done,
	        (unsigned long long)total, (unsigned long long)rate, left);
	p->shown = 1;
}

static void cli_progress_end(cli_progress *p)
{
	if (p->shown)
		fputc('\n', stderr);
	p->shown = 0;
}

static int cli_parse_batch(const char *s, int64_t *out)
{
	long v;
	if (!cli_parse_count(s, 2147483647L, &v))
		return 0;
	*out = v;
	return 1;
}

static int cmd_export_list(cli *c)
{
	db *d = NULL;
	err_info e;
	if (cli_open_db(c, 0, &d, &e) != ERR_OK)
		return cli_fail(&e);
	export_batch_list l;
	err_code rc = export_batch_list_recent(d, 1000, &l, &e);
	db_close(d);
	if (rc != ERR_OK)
		return cli_fail(&e);
	printf("%s\n", msg_text(MSG_X_BATCH_HEAD));
	for (size_t i = 0; i < l.n; i++) {
		const export_batch *b = &l.items[i];
		printf("%lld\t%s\t%lld-%lld\t%s\t%s%s\t%llu\t%s\n", (long long)b->batch, b->office,
		       (long long)b->first_seq, (long long)b->last_seq, b->created_at, b->encoding,
		       b->bom ? "+BOM" : "", (unsigned long long)b->rows, b->manifest_sha256);
		for (size_t k = 0; k < b->nfiles; k++)
			printf("\t%s\t%llu\t%s\n", b->files[k].name,
			       (unsigned long long)b->files[k].rows, b->files[k].sha256);
	}
	export_batch_list_free(&l);
	return 0;
}

static int cmd_export(cli *c)
{
	export_opts o = {.encoding = -1, .bom = -1};
	int list = 0;
	for (int i = 1; i < c->argc; i++) {
		const char *a = c->argv[i], *v;
		if (strcmp(a, "--bom") == 0) {
			o.bom = 1;
		} else if (strcmp(a, "--tar") == 0) {
			o.tar = 1;
		} else if (strcmp(a, "--list") == 0) {
			list = 1;
		} else if (strcmp(a, "--out") == 0 || strcmp(a, "--seal") == 0 ||
		           strcmp(a, "--encoding") == 0 || strcmp(a, "--batch") == 0) {
			if ((v = cli_option_value(c, &i)) == NULL)
				return EXIT_USAGE;
			enc_kind k;
			if (a[2] == 'o')
				o.out_dir = v;
			else if (a[2] == 's')
				o.seal_key = v;
			else if (a[2] == 'b' && !cli_parse_batch(v, &o.batch))
				return cli_usage_error(msg_text(MSG_CLI_BAD_NUMBER), v);
			else if (a[2] == 'e') {
				if (enc_from_name(v, &k, NULL) != ERR_OK || k == ENC_GBK)
					return cli_usage_error(err_text(ERR_ENC_UNKNOWN), v);
				o.encoding = (int)k;
			}
		} else {
			return cli_usage_error(msg_text(MSG_CLI_BAD_OPTION), a);
		}
	}
	if (list)
		return cmd_export_list(c);
	if (o.out_dir == NULL)
		return cli_usage_error(msg_text(MSG_CLI_MISSING_ARG), "--out");
	if (o.bom > 0 && o.encoding != ENC_UTF8)
		return cli_usage_error(msg_text(MSG_X_BOM_UTF8), NULL);
	db *d = NULL;
	err_info e;
	if (cli_open_db(c, 0, &d, &e) != ERR_OK)
		return cli_fail(&e);
	cli_progress p;
	cli_progress_start(&p, msg_text(MSG_X_PHASE_EXPORT));
	o.progress = cli_progress_cb;
	o.ctx = &p;
	export_result r;
	err_code rc = export_run(d, &o, &r, &e);
	cli_progress_end(&p);
	db_close(d);
	if (rc != ERR_OK)
		return cli_fail(&e);
	if (r.nothing) {
		fputs(msg_text(MSG_X_NOTHING), stdout);
		return 0;
	}
	if (o.batch > 0)
		printf(msg_text(MSG_X_REWRITTEN), (long long)r.b.batch, r.path);
	else
		printf(msg_text(MSG_X_EXPORTED), (long long)r.b.batch, (long long)r.b.first_seq,
		       (long long)r.b.last_seq, (unsigned long long)r.b.rows, r.path);
	printf(msg_text(MSG_X_MANIFEST_SHA), r.b.manifest_sha256);
	return 0;
}

static void cli_import_progress(void *ctx, int phase, const char *file, uint64_t done,
                                uint64_t total)
{
	cli_progress *p = ctx;
	const char *want =
	    msg_text(phase == IMPORT_VERIFY ? MSG_X_PHASE_VERIFY : MSG_X_PHASE_IMPORT);
	if (p->phase != want) {
		cli_progress_end(p);
		cli_progress_start(p, want);
	}
	cli_progress_cb(ctx, file, done, total);
}

static int cmd_import(cli *c)
{
	import_opts o = {0};
	for (int i = 1; i < c->argc; i++) {
		const char *a = c->argv[i];
		if (strcmp(a, "--key") == 0) {
			if ((o.key_file = cli_option_value(c, &i)) == NULL)
				return EXIT_USAGE;
		} else if (strcmp(a, "--no-report") == 0) {
			o.no_report = 1;
		} else if (a[0] == '-' && a[1] != '\0') {
			return cli_usage_error(msg_text(MSG_CLI_BAD_OPTION), a);
		} else if (o.path != NULL) {
			return cli_usage_error(msg_text(MSG_CLI_BAD_OPTION), a);
		} else {
			o.path = a;
		}
	}
	if (o.path == NULL)
		return cli_usage_error(msg_text(MSG_CLI_MISSING_ARG), "import");
	db *d = NULL;
	err_info e;
	if (cli_open_db(c, 0, &d, &e) != ERR_OK)
		return cli_fail(&e);
	cli_progress p;
	cli_progress_start(&p, msg_text(MSG_X_PHASE_VERIFY));
	o.progress = cli_import_progress;
	o.ctx = &p;
	import_report r;
	err_code rc = import_run(d, &o, &r, &e);
	cli_progress_end(&p);
	db_close(d);
	if (rc != ERR_OK)
		return cli_fail(&e);
	if (r.already) {
		printf(msg_text(MSG_X_ALREADY), r.m.office, (long long)r.m.batch, r.applied_at);
		return 0;
	}
	printf(msg_text(MSG_X_IMPORTED), r.m.office, (long long)r.m.batch,
	       (unsigned long long)r.total.inserted, (unsigned long long)r.total.updated,
	       (unsigned long long)r.total.unchanged, (unsigned long long)r.total.older,
	       (unsigned long long)r.total.conflicts);
	if (r.report_path[0] != '\0')
		printf(msg_text(MSG_X_REPORT), r.report_path);
	if (r.report_failed)
		fprintf(stderr, "laobao: %s\n", msg_text(MSG_X_REPORT_FAILED));
	import_report_free(&r);
	return 0;
}

static void cli_persons_progress(void *ctx, uint64_t done, uint64_t total)
{
	cli_progress_cb(ctx, "", done, total);
}

static int cmd_import_persons(cli *c)
{
	legacy_import_opts o = {.enc = ENC_GB18030, .today = c->today};
	for (int i = 1; i < c->argc; i++) {
		const char *a = c->argv[i], *v;
		if (strcmp(a, "--encoding") == 0) {
			if ((v = cli_option_value(c, &i)) == NULL)
				return EXIT_USAGE;
			if (enc_from_name(v, &o.enc, NULL) != ERR_OK)
				return cli_usage_error(err_text(ERR_ENC_UNKNOWN), v);
		} else if ((a[0] == '-' && a[1] != '\0') || o.path != NULL) {
			return cli_usage_error(msg_text(MSG_CLI_BAD_OPTION), a);
		} else {
			o.path = a;
		}
	}
	if (o.path == NULL)
		return cli_usage_error(msg_text(MSG_CLI_MISSING_ARG), "import-persons");
	db *d = NULL;
	err_info e;
	if (cli_open_db(c, 0, &d, &e) != ERR_OK)
		return cli_fail(&e);
	cli_progress p;
	cli_progress_start(&p, msg_text(MSG_X_PHASE_IMPORT));
	o.progress = cli_persons_progress;
	o.ctx = &p;
	legacy_import_result r;
	err_code rc = legacy_import_persons(d, &o, &r, &e);
	cli_progress_end(&p);
	db_close(d);
	if (rc != ERR_OK)
		return cli_fail(&e);
	printf(msg_text(MSG_X_PERSONS_DONE), o.path, (unsigned long long)r.rows,
	       (unsigned long long)r.added, (unsigned long long)r.existing,
	       (unsigned long long)r.rejected);
	if (r.rejected == 0)
		return 0;
	printf(msg_text(MSG_X_REJECTS), r.rejects_path);
	return EXIT_DATA;
}

static int cmd_keygen(cli *c)
{
	const char *prefix = NULL;
	for (int i = 1; i < c->argc; i++) {
		if (strcmp(c->argv[i], "--out") != 0)
			return cli_usage_error(msg_text(MSG_CLI_BAD_OPTION), c->argv[i]);
		if ((prefix = cli_option_value(c, &i)) == NULL)
			return EXIT_USAGE;
	}
	if (prefix == NULL || prefix[0] == '\0')
		return cli_usage_error(msg_text(MSG_CLI_MISSING_ARG), "--out");
	err_info e;
	if (package_keygen(prefix, &e) != ERR_OK)
		return cli_fail(&e);
	printf(msg_text(MSG_X_KEYS_MADE), prefix, prefix);
	return 0;
}

/* ---- the terminal UI ---- */

/*
 * The terminal UI. A missing file is reported here, before the screen
 * changes; the database itself is opened by the UI right after the login
 * screen is drawn, so a caseworker is not kept waiting for the schema.
 */
static int cmd_tui(cli *c)
{
	err_info e;
	struct stat st;
	if (stat(c->db_path, &st) != 0) {
		err_set(&e, ERR_DB_MISSING, MSG_NONE, "%s", c->db_path);
		return cli_fail(&e);
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		err_set(&e, ERR_CLI_NO_TERMINAL, MSG_NONE, NULL);
		return cli_fail(&e);
	}
	return tui_run_path(c->db_path, c->today);
}

static const struct cli_command {
	const char *name;
	cli_fn fn;
} cli_commands[] = {
    {"init", cmd_init},
    {"demo", cmd_demo},
    {"user", cmd_user},
    {"check-id", cmd_check_id},
    {"check-uscc", cmd_check_uscc},
    {"export", cmd_export},
    {"import", cmd_import},
    {"import-persons", cmd_import_persons},
    {"keygen", cmd_keygen},
};

int main(int argc, char **argv)
{
	cli c;
	memset(&c, 0, sizeof c);
	err_info e;
	/* Batch output is UTF-8 text from the catalog; the locale matters to the TUI (widths). */
	setlocale(LC_ALL, "");

	int i = 1;
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(msg_text(MSG_CLI_USAGE), stdout);
			fputs(msg_text(MSG_X_USAGE), stdout);
			return 0;
		}
		if (strcmp(a, "--version") == 0) {
			printf("laobao %s\n", LAOBAO_VERSION);
			return 0;
		}
		if (strcmp(a, "--db") == 0) {
			if (i + 1 >= argc || argv[i + 1][0] == '\0')
				return cli_usage_error(msg_text(MSG_CLI_MISSING_ARG), a);
			c.db_path = argv[++i];
		} else if (strncmp(a, "--db=", 5) == 0 && a[5] != '\0') {
			c.db_path = a + 5;
		} else if (a[0] == '-' && a[1] != '\0') {
			return cli_usage_error(msg_text(MSG_CLI_BAD_OPTION), a);
		} else {
			break;
		}
	}
	if (c.db_path == NULL) {
		const char *env = getenv("LAOBAO_DB");
		if (env != NULL && env[0] != '\0')
			c.db_path = env;
		else if (cli_default_db(&c, &e) != ERR_OK)
			return cli_fail(&e);
	}
	c.argc = argc - i;
	c.argv = argv + i;

	const struct cli_command *cmd = NULL;
	if (c.argc > 0) {
		for (size_t k = 0; k < sizeof cli_commands / sizeof cli_commands[0]; k++)
			if (strcmp(c.argv[0], cli_commands[k].name) == 0)
				cmd = &cli_commands[k];
		if (cmd == NULL)
			return cli_usage_error(msg_text(MSG_CLI_UNKNOWN_COMMAND), c.argv[0]);
	}
	if (date_today(&c.today, &e) != ERR_OK)
		return cli_fail(&e);
	return cmd != NULL ? cmd->fn(&c) : cmd_tui(&c);
}
