/*
 * Tests of scripts/setup's decisions, with dpkg-query, id and locale stubbed
 * on PATH: nothing to do when all is present; not root and a package
 * missing → the exact apt-get line and status 1; only locales missing →
 * advice, status 0 (the screen tests build locales themselves).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "tests/test.h"

/* Write an executable stub script. */
static void stub(const char *dir, const char *name, const char *body)
{
	char path[4300];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (f == NULL)
		return;
	fprintf(f, "#!/bin/sh\n%s\n", body);
	fclose(f);
	chmod(path, 0755);
}

static char last_dir[4200]; /* stub folder of the last run, for its apt.log */

/* The apt-get calls the last run made, or "" (caller frees). */
static char *apt_log(void)
{
	char path[4300];
	snprintf(path, sizeof path, "%s/apt.log", last_dir);
	FILE *f = fopen(path, "r");
	char *buf = calloc(1, 4096);
	if (f != NULL) {
		size_t n = fread(buf, 1, 4095, f);
		buf[n] = '\0';
		fclose(f);
	}
	return buf;
}

/* Stubs: user id `uid`, package `missing` not installed, locales listed by `locales`. */
static int run_setup(const char *uid, const char *missing, const char *locales, char **out,
                     char **err)
{
	const char *dir = test_tmpdir();
	char body[512];
	snprintf(body, sizeof body, "echo %s", uid);
	stub(dir, "id", body);
	snprintf(
	    body, sizeof body,
	    "for a; do p=$a; done; if [ \"$p\" = '%s' ]; then echo 'unknown ok not-installed'; "
	    "else echo 'install ok installed'; fi",
	    missing);
	stub(dir, "dpkg-query", body);
	snprintf(body, sizeof body, "printf '%s'", locales);
	stub(dir, "locale", body);
	snprintf(body, sizeof body, "echo \"apt-get $*\" >>%s/apt.log", dir);
	stub(dir, "apt-get", body);
	snprintf(last_dir, sizeof last_dir, "%s", dir);
	char pathenv[4400];
	snprintf(pathenv, sizeof pathenv, "PATH=%s:/usr/bin:/bin", dir);
	char *env[] = {pathenv, NULL};
	char *argv[] = {"/bin/sh", "scripts/setup", NULL};
	return test_exec(argv, NULL, env, out, err);
}

static void nothing_to_do_when_all_present(void)
{
	char *out, *err;
	CHECK_INT(run_setup("1000", "none", "C\\nzh_CN.utf8\\nzh_CN.gb18030\\n", &out, &err), 0);
	CHECK_STR(err, "");
	free(out), free(err);
}

static void not_root_missing_package_prints_apt_line(void)
{
	char *out, *err;
	CHECK_INT(run_setup("1000", "libvterm-dev", "zh_CN.utf8\\nzh_CN.gb18030\\n", &out, &err),
	          1);
	CHECK(strstr(err, "apt-get install -y --no-install-recommends libvterm-dev\n") != NULL);
	char *log = apt_log();
	CHECK_STR(log, "");
	free(log), free(out), free(err);
}

static void not_root_missing_locales_is_advice(void)
{
	char *out, *err;
	CHECK_INT(run_setup("1000", "none", "C\\nPOSIX\\n", &out, &err), 0);
	CHECK(strstr(err, "zh_CN.UTF-8") != NULL && strstr(err, "zh_CN.GB18030") != NULL);
	CHECK(strstr(err, "locale-gen") != NULL);
	free(out), free(err);
}

static void root_installs_what_is_missing(void)
{
	char *out, *err;
	CHECK_INT(run_setup("0", "libsodium-dev", "zh_CN.utf8\\nzh_CN.gb18030\\n", &out, &err), 0);
	char *log = apt_log();
	CHECK_STR(
	    log,
	    "apt-get update -qq\napt-get install -y -qq --no-install-recommends libsodium-dev\n");
	free(log), free(out), free(err);
}

TEST_MAIN(T(root_installs_what_is_missing), T(nothing_to_do_when_all_present),
          T(not_root_missing_package_prints_apt_line), T(not_root_missing_locales_is_advice))
