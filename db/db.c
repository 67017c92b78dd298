/*
 * db — the connection owner (see db.h): opening and identifying the file,
 * pragmas, the statement cache, transactions and savepoints, the change
 * sequence, bulk loading, and the mapping of SQLite errors to err_codes.
 *
 * Durability: the database runs in WAL mode with synchronous=NORMAL. A
 * commit is then an append to the WAL without an fsync; the WAL is synced
 * at each checkpoint. A crash or kill of laobao (the common failure: a
 * dropped SSH session, SIGKILL) loses nothing that was committed, because
 * the WAL is in the OS page cache and is replayed on the next open. A power
 * loss or OS crash can lose the last transactions before the checkpoint,
 * but WAL with NORMAL never corrupts the database: the checksummed WAL
 * frames are either replayed whole or ignored. That trade is what lets
 * dozens of sessions commit small saves without an fsync each; FULL would
 * add an fsync per save for the rare power-loss case.
 *
 * Checkpoints: SQLite's automatic checkpoint copies the WAL back into the
 * database inside whichever commit crosses its threshold, and that save
 * then waits for the copy and two fsyncs — milliseconds, on a path where a
 * save otherwise takes a fraction of one. Laobao moves the copy off that
 * path: a commit only notes the WAL's size (db_wal_hook), and db_idle, which
 * the terminal calls while it waits for a key, checkpoints once the WAL
 * holds DB_WAL_IDLE_PAGES and then starts the next WAL generation, whose
 * first write syncs the WAL header. A commit still checkpoints in line when
 * the WAL reaches DB_WAL_MAX_PAGES, so batch work and a session that is
 * never idle cannot grow the WAL without bound. Checkpoints are PASSIVE:
 * they never wait for or block another session.
 *
 * Concurrency: every write transaction starts with BEGIN IMMEDIATE, which
 * takes the write lock up front; a second process waits in SQLite's busy
 * handler (busy_timeout) instead of failing later with SQLITE_BUSY when it
 * tries to upgrade a read transaction. Readers never block in WAL mode.
 *
 * A handle is used by one thread at a time (the connection is opened
 * without SQLite's mutexes).
 */
#include "db/dbint.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define DB_BUSY_TIMEOUT_MS 10000
#define DB_CACHE_KIB 16384       /* page cache per connection */
#define DB_BULK_CACHE_KIB 262144 /* while bulk loading: indexes stay in memory */
/* db_idle checkpoints from this many WAL pages on (SQLite's own default threshold) */
#define DB_WAL_IDLE_PAGES 1000
/* a commit checkpoints in line from this many (32 MiB of 4 KiB pages) */
#define DB_WAL_MAX_PAGES 8000

/* ---- small helpers ---- */

int db_fits(const char *s, size_t size)
{
	return s != NULL && memchr(s, '\0', size) != NULL;
}

/* Length of the longest prefix of s (n bytes) that does not end inside a character. */
static size_t db_utf8_cut(const char *s, size_t n)
{
	size_t i = n;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return n;
	unsigned char lead = (unsigned char)s[i - 1];
	size_t need = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	return n - (i - 1) < need ? i - 1 : n;
}

void db_copy(char *dst, size_t size, const char *src)
{
	if (size == 0)
		return;
	if (src == NULL) {
		dst[0] = '\0';
		return;
	}
	size_t n = strlen(src);
	if (n >= size)
		n = db_utf8_cut(src, size - 1);
	memcpy(dst, src, n);
	dst[n] = '\0';
}

void db_prefix_upper(const char *prefix, char *hi, size_t size)
{
	db_copy(hi, size, prefix);
	size_t n = strlen(hi);
	while (n > 0 && (unsigned char)hi[n - 1] == 0xFF)
		n--;
	hi[n] = '\0';
	if (n > 0)
		hi[n - 1] = (char)((unsigned char)hi[n - 1] + 1);
}

const char *db_path(const db *d)
{
	return d ? d->path : "";
}

void db_now(char buf[21])
{
	const char *env = getenv("LAOBAO_NOW");
	if (env != NULL) {
		size_t n = strlen(env);
		const char *shape = "dddd-dd-ddTdd:dd:ddZ";
		int ok = n == 20 || n == 10;
		for (size_t i = 0; ok && i < n; i++)
			ok =
			    shape[i] == 'd' ? (env[i] >= '0' && env[i] <= '9') : env[i] == shape[i];
		if (ok) {
			memcpy(buf, env, n);
			if (n == 10)
				memcpy(buf + 10, "T00:00:00Z", 10);
			buf[20] = '\0';
			return;
		}
	}
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- column labels for error messages ---- */

typedef struct db_label {
	const char *column; /* "table.column" or bare "column" */
	msg_id label;
} db_label;

/* Table-qualified entries first; bare column names are the fallback. */
static const db_label db_labels[] = {
    {"offices.code", MSG_COL_OFFICE_CODE},
    {"offices.name", MSG_COL_OFFICE_NAME},
    {"settings.key", MSG_COL_SETTING_KEY},
    {"settings.value", MSG_COL_SETTING_VALUE},
    {"code_items.tbl", MSG_COL_CODE_TABLE},
    {"code_items.name", MSG_COL_CODE_NAME},
    {"code_items.py", MSG_COL_PINYIN},
    {"calendar.day", MSG_F_DATE},
    {"calendar.kind", MSG_COL_DAY_KIND},
    {"calendar.name", MSG_COL_HOLIDAY_NAME},
    {"area_rates.kind", MSG_COL_RATE_KIND},
    {"area_rates.amount", MSG_F_MONEY},
    {"operators.name", MSG_COL_OPERATOR_NAME},
    {"operators.pw_hash", MSG_F_PASSWORD},
    {"login_attempts.login", MSG_F_LOGIN},
    {"employers.name", MSG_COL_EMPLOYER_NAME},
    {"employers.name_py", MSG_COL_EMPLOYER_PY},
    {"employers.uscc_or_org_code", MSG_F_USCC},
    {"unemp_regs.reason", MSG_COL_UNEMP_REASON},
    {"unemp_regs.person_id", MSG_COL_PERSON},
    {"unemp_regs.last_employer_name", MSG_COL_LAST_EMPLOYER},
    {"unemp_reg_categories.code", MSG_COL_CATEGORY},
    {"unemp_reg_categories.reg_id", MSG_COL_CATEGORY},
    {"unemp_followups.kind", MSG_COL_SERVICE_KIND},
    {"training_classes.code", MSG_COL_CLASS_CODE},
    {"training_classes.name", MSG_COL_CLASS_NAME},
    {"training_classes.type", MSG_COL_TRAINING_TYPE},
    {"training_classes.level", MSG_COL_SKILL_LEVEL},
    {"training_classes.end_date", MSG_COL_END_DATE},
    {"training_enrollments.person_id", MSG_COL_PERSON},
    {"training_attendance.day", MSG_F_DATE},
    {"training_assessments.kind", MSG_COL_ASSESS_KIND},
    {"contracts.type", MSG_COL_CONTRACT_TYPE},
    {"contracts.start_date", MSG_COL_CONTRACT_START},
    {"contracts.end_date", MSG_COL_CONTRACT_END},
    {"contracts.status", MSG_COL_STATUS},
    {"contract_events.kind", MSG_COL_EVENT_KIND},
    {"contract_events.reason", MSG_COL_END_CAUSE},
    {"arb_cases.status", MSG_COL_CASE_STATUS},
    {"arb_cases.final_award_code", MSG_COL_FINAL_AWARD},
    {"arb_cases.case_seq", MSG_COL_CASE_SEQ},
    {"arb_parties.name", MSG_COL_PARTY_NAME},
    {"arb_parties.role", MSG_COL_PARTY_ROLE},
    {"arb_parties.employer_id", MSG_COL_PARTY},
    {"arb_claims.type", MSG_COL_DISPUTE_TYPE},
    {"arb_claims.amount", MSG_COL_CLAIM_AMOUNT},
    {"arb_claims.description", MSG_COL_CLAIM_TEXT},
    {"arb_claims.outcome", MSG_COL_CLAIM_OUTCOME},
    {"arbitrators.name", MSG_COL_ARBITRATOR},
    {"hearing_rooms.code", MSG_COL_ROOM_CODE},
    {"hearing_rooms.name", MSG_COL_ROOM_NAME},
    {"hearings.status", MSG_COL_STATUS},
    {"hearing_log.kind", MSG_COL_LOG_KIND},
    {"hearing_log.text", MSG_COL_LOG_TEXT},
    {"hearing_log.at", MSG_COL_LOG_TIME},
    {"hearing_log.seq", MSG_COL_LOG_SEQ},
    {"arb_outcomes.kind", MSG_COL_OUTCOME_KIND},
    {"arb_outcomes.text", MSG_COL_OUTCOME_TEXT},
    {"arb_outcomes.final_kind", MSG_COL_FINAL_AWARD},
    {"arb_outcomes.final", MSG_COL_FINAL_AWARD},
    {"drafts.form", MSG_COL_FORM},
    {"drafts.data", MSG_COL_DRAFT_DATA},
    {"audit_log.before_json", MSG_COL_AUDIT},
    {"audit_log.after_json", MSG_COL_AUDIT},

    {"id_no", MSG_F_ID_NO},
    {"uscc", MSG_F_USCC},
    {"last_employer_uscc", MSG_COL_LAST_EMPLOYER_USCC},
    {"name", MSG_F_NAME},
    {"sex", MSG_F_SEX},
    {"birth_date", MSG_F_BIRTH_DATE},
    {"phone", MSG_F_PHONE},
    {"login", MSG_F_LOGIN},
    {"role", MSG_COL_ROLE},
    {"office", MSG_COL_OFFICE},
    {"area_code", MSG_COL_AREA_CODE},
    {"case_prefix", MSG_COL_CASE_PREFIX},
    {"code", MSG_COL_CODE},
    {"edition", MSG_COL_EDITION},
    {"active", MSG_COL_ACTIVE},
    {"extra", MSG_COL_EXTRA},
    {"valid_from", MSG_COL_VALID_FROM},
    {"note", MSG_COL_NOTE},
    {"disabled", MSG_COL_DISABLED},
    {"name_py", MSG_COL_NAME_PY},
    {"ethnicity", MSG_COL_ETHNICITY},
    {"education", MSG_COL_EDUCATION},
    {"hukou_type", MSG_COL_HUKOU_TYPE},
    {"hukou_area", MSG_COL_HUKOU_AREA},
    {"marital", MSG_COL_MARITAL},
    {"politics", MSG_COL_POLITICS},
    {"address", MSG_COL_ADDRESS},
    {"email", MSG_COL_EMAIL},
    {"remark", MSG_COL_REMARK},
    {"person_id", MSG_COL_PERSON},
    {"org_code", MSG_COL_ORG_CODE},
    {"reg_no", MSG_COL_REG_NO},
    {"employer_id", MSG_COL_EMPLOYER},
    {"econ_type", MSG_COL_ECON_TYPE},
    {"industry", MSG_COL_INDUSTRY},
    {"legal_rep", MSG_COL_LEGAL_REP},
    {"contact", MSG_COL_CONTACT},
    {"staff_count", MSG_COL_STAFF_COUNT},
    {"reg_date", MSG_COL_REG_DATE},
    {"hukou_kind", MSG_COL_HUKOU_KIND},
    {"last_employer_id", MSG_COL_LAST_EMPLOYER},
    {"involuntary", MSG_COL_INVOLUNTARY},
    {"contrib_months", MSG_COL_CONTRIB_MONTHS},
    {"entitle_months", MSG_COL_ENTITLE_MONTHS},
    {"remain_months", MSG_COL_REMAIN_MONTHS},
    {"difficulty", MSG_COL_DIFFICULTY},
    {"low_income", MSG_COL_LOW_INCOME},
    {"disability", MSG_COL_DISABILITY},
    {"graduate", MSG_COL_GRADUATE},
    {"wish_occupation", MSG_COL_WISH_OCCUPATION},
    {"wish_industry", MSG_COL_WISH_INDUSTRY},
    {"wish_wage", MSG_COL_WISH_WAGE},
    {"card_no", MSG_COL_CARD_NO},
    {"end_date", MSG_COL_END_DATE},
    {"end_reason", MSG_COL_END_REASON},
    {"new_employer_id", MSG_COL_NEW_EMPLOYER},
    {"service_date", MSG_COL_SERVICE_DATE},
    {"occupation", MSG_COL_OCCUPATION},
    {"start_date", MSG_COL_START_DATE},
    {"capacity", MSG_COL_CAPACITY},
    {"hours", MSG_COL_HOURS},
    {"provider", MSG_COL_PROVIDER},
    {"status", MSG_COL_STATUS},
    {"enroll_date", MSG_COL_ENROLL_DATE},
    {"result", MSG_COL_RESULT},
    {"cert_no", MSG_COL_CERT_NO},
    {"cert_level", MSG_COL_CERT_LEVEL},
    {"cert_date", MSG_COL_CERT_DATE},
    {"present", MSG_COL_PRESENT},
    {"assess_date", MSG_COL_ASSESS_DATE},
    {"score", MSG_COL_SCORE},
    {"passed", MSG_COL_PASSED},
    {"dispatch", MSG_COL_DISPATCH},
    {"part_time", MSG_COL_PART_TIME},
    {"probation_end", MSG_COL_PROBATION_END},
    {"wage", MSG_COL_WAGE},
    {"probation_wage", MSG_COL_PROBATION_WAGE},
    {"post", MSG_COL_POST},
    {"work_place", MSG_COL_WORK_PLACE},
    {"signed_date", MSG_COL_SIGNED_DATE},
    {"filed_date", MSG_COL_FILED_DATE},
    {"contract_id", MSG_COL_CONTRACT},
    {"event_date", MSG_COL_EVENT_DATE},
    {"new_end_date", MSG_COL_NEW_END_DATE},
    {"compensation", MSG_COL_COMPENSATION},
    {"case_no", MSG_COL_CASE_NO},
    {"case_year", MSG_COL_CASE_YEAR},
    {"case_id", MSG_COL_CASE},
    {"apply_date", MSG_COL_APPLY_DATE},
    {"accept_date", MSG_COL_ACCEPT_DATE},
    {"collective", MSG_COL_COLLECTIVE},
    {"worker_count", MSG_COL_WORKER_COUNT},
    {"simple", MSG_COL_SIMPLE},
    {"total_amount", MSG_COL_TOTAL_AMOUNT},
    {"extension_days", MSG_COL_EXTENSION_DAYS},
    {"suspended_days", MSG_COL_SUSPENDED_DAYS},
    {"clock_restart_date", MSG_COL_CLOCK_RESTART},
    {"closure_code", MSG_COL_CLOSURE_CODE},
    {"closure_date", MSG_COL_CLOSURE_DATE},
    {"final_award", MSG_COL_FINAL_AWARD},
    {"id_text", MSG_COL_ID_TEXT},
    {"agent", MSG_COL_AGENT},
    {"awarded", MSG_COL_AWARDED},
    {"room_id", MSG_COL_ROOM},
    {"chief_id", MSG_COL_ARBITRATOR},
    {"member1_id", MSG_COL_TRIBUNAL},
    {"member2_id", MSG_COL_TRIBUNAL},
    {"hearing_id", MSG_COL_HEARING},
    {"start_at", MSG_COL_HEARING_START},
    {"end_at", MSG_COL_HEARING_END},
    {"notice_date", MSG_COL_NOTICE_DATE},
    {"speaker", MSG_COL_SPEAKER},
    {"corrects_id", MSG_COL_LOG_CORRECTS},
    {"outcome_date", MSG_COL_OUTCOME_DATE},
    {"doc_no", MSG_COL_DOC_NO},
    {"record_key", MSG_COL_RECORD_KEY},
    {"version", MSG_COL_VERSION},
    {"created_at", MSG_COL_TIMESTAMP},
    {"updated_at", MSG_COL_TIMESTAMP},
};

msg_id db_column_label(const char *name)
{
	if (name == NULL)
		return MSG_NONE;
	size_t n = sizeof db_labels / sizeof db_labels[0];
	for (size_t i = 0; i < n; i++)
		if (strcmp(db_labels[i].column, name) == 0)
			return db_labels[i].label;
	const char *dot = strchr(name, '.');
	if (dot == NULL)
		return MSG_NONE;
	for (size_t i = 0; i < n; i++)
		if (strchr(db_labels[i].column, '.') == NULL &&
		    strcmp(db_labels[i].column, dot + 1) == 0)
			return db_labels[i].label;
	return MSG_NONE;
}

/* ---- error mapping ---- */

/*
 * "UNIQUE constraint failed: t.a, t.b" → "t.b" (the last column, the one
 * that makes the key unique in our tables), "CHECK constraint failed: t.c"
 * → "t.c", trigger messages "append-only: t" → "t".
 */
static void db_constraint_name(const char *msg, char *out, size_t size)
{
	out[0] = '\0';
	const char *p = strstr(msg, ": ");
	if (p == NULL)
		return;
	p += 2;
	const char *last = strrchr(p, ',');
	if (last != NULL)
		p = last + 1;
	while (*p == ' ')
		p++;
	db_copy(out, size, p);
}

static err_code db_constraint_error(int rc, const char *msg, err_info *e)
{
	char name[96];
	db_constraint_name(msg, name, sizeof name);
	msg_id field = db_column_label(name);
	const char *detail = field == MSG_NONE ? name : "";
	switch (rc) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		return err_set(e, ERR_DB_DUPLICATE, field, "%s", detail);
	case SQLITE_CONSTRAINT_NOTNULL:
		return err_set(e, ERR_DB_REQUIRED, field, "%s", detail);
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return err_set(e, ERR_DB_REFERENCE, MSG_NONE, NULL);
	case SQLITE_CONSTRAINT_TRIGGER:
		if (strncmp(msg, "append-only: ", 13) == 0)
			return err_set(e, ERR_DB_APPEND_ONLY, MSG_NONE, "%s", msg + 13);
		if (strncmp(msg, "version: ", 9) == 0)
			return err_set(e, ERR_DB_CONSTRAINT, MSG_COL_VERSION, "%s", msg + 9);
		if (strncmp(msg, "corrects: ", 10) == 0)
			return err_set(e, ERR_ARB_LOG_CORRECTS, MSG_COL_LOG_CORRECTS, NULL);
		return err_set(e, ERR_DB_CONSTRAINT, MSG_NONE, "%s", msg);
	default:
		return err_set(e, ERR_DB_CONSTRAINT, field, "%s", detail);
	}
}

err_code db_error(db *d, int rc, err_info *e)
{
	const char *msg =
	    d != NULL && d->conn != NULL ? sqlite3_errmsg(d->conn) : sqlite3_errstr(rc);
	switch (rc & 0xFF) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return ERR_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(e, ERR_DB_BUSY, MSG_NONE, NULL);
	case SQLITE_CONSTRAINT:
		return db_constraint_error(rc, msg, e);
	case SQLITE_FULL:
		return err_set(e, ERR_DB_FULL, MSG_NONE, NULL);
	case SQLITE_READONLY:
		return err_set(e, ERR_DB_READONLY, MSG_NONE, NULL);
	case SQLITE_NOTADB:
		return err_set(e, ERR_DB_NOT_LAOBAO, MSG_NONE, "%s", msg_text(MSG_D_DB_NOT_SQLITE));
	case SQLITE_NOMEM:
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	case SQLITE_TOOBIG:
		return err_set(e, ERR_DB_TOO_LONG, MSG_NONE, NULL);
	default:
		return err_set(e, ERR_DB, MSG_NONE, "%s", msg);
	}
}

/* ---- statement cache ---- */

static uint32_t db_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static int db_cache_grow(db *d)
{
	size_t cap = d->cache_cap ? d->cache_cap * 2 : 64;
	db_cache_entry *n = calloc(cap, sizeof *n);
	if (n == NULL)
		return -1;
	for (size_t i = 0; i < d->cache_cap; i++) {
		if (d->cache[i].sql == NULL)
			continue;
		size_t j = d->cache[i].hash & (cap - 1);
		while (n[j].sql != NULL)
			j = (j + 1) & (cap - 1);
		n[j] = d->cache[i];
	}
	free(d->cache);
	d->cache = n;
	d->cache_cap = cap;
	return 0;
}

sqlite3_stmt *db_stmt(db *d, const char *sql, err_info *e)
{
	uint32_t h = db_hash(sql);
	if (d->cache_cap > 0) {
		size_t i = h & (d->cache_cap - 1);
		while (d->cache[i].sql != NULL) {
			if (d->cache[i].hash == h && strcmp(d->cache[i].sql, sql) == 0) {
				sqlite3_stmt *st = d->cache[i].st;
				sqlite3_reset(st);
				sqlite3_clear_bindings(st);
				return st;
			}
			i = (i + 1) & (d->cache_cap - 1);
		}
	}
	if ((d->cache_used + 1) * 10 > d->cache_cap * 7 && db_cache_grow(d) != 0) {
		err_set(e, ERR_NOMEM, MSG_NONE, NULL);
		return NULL;
	}
	sqlite3_stmt *st = NULL;
	const char *tail = NULL;
	int rc = sqlite3_prepare_v3(d->conn, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, &tail);
	if (rc != SQLITE_OK) {
		db_error(d, rc, e);
		return NULL;
	}
	if (st == NULL || (tail != NULL && tail[strspn(tail, " \t\r\n;")] != '\0')) {
		sqlite3_finalize(st);
		err_set(e, ERR_INTERNAL, MSG_NONE, "one statement per cached SQL text");
		return NULL;
	}
	char *copy = strdup(sql);
	if (copy == NULL) {
		sqlite3_finalize(st);
		err_set(e, ERR_NOMEM, MSG_NONE, NULL);
		return NULL;
	}
	size_t i = h & (d->cache_cap - 1);
	while (d->cache[i].sql != NULL)
		i = (i + 1) & (d->cache_cap - 1);
	d->cache[i] = (db_cache_entry){copy, h, st};
	d->cache_used++;
	return st;
}

void db_done(sqlite3_stmt *st)
{
	if (st != NULL)
		sqlite3_reset(st);
}

err_code db_step_done(db *d, sqlite3_stmt *st, err_info *e)
{
	int rc = sqlite3_step(st);
	err_code c = rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : db_error(d, rc, e);
	sqlite3_reset(st);
	return c;
}

err_code db_exec(db *d, const char *sql, err_info *e)
{
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	return db_step_done(d, st, e);
}

err_code db_fetch_one(db *d, sqlite3_stmt *st, db_read_fn read, void *out, err_info *e)
{
	int rc = sqlite3_step(st);
	err_code c = ERR_OK;
	if (rc == SQLITE_ROW)
		read(st, out);
	else if (rc == SQLITE_DONE)
		c = err_set(e, ERR_NOT_FOUND, MSG_NONE, NULL);
	else
		c = db_error(d, rc, e);
	sqlite3_reset(st);
	return c;
}

err_code db_fetch_all(db *d, sqlite3_stmt *st, db_read_fn read, size_t item_size, void **items,
                      size_t *n, err_info *e)
{
	char *arr = NULL;
	size_t len = 0, cap = 0;
	err_code c = ERR_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			char *na = realloc(arr, ncap * item_size);
			if (na == NULL) {
				c = err_set(e, ERR_NOMEM, MSG_NONE, NULL);
				break;
			}
			arr = na;
			cap = ncap;
		}
		memset(arr + len * item_size, 0, item_size);
		read(st, arr + len * item_size);
		len++;
	}
	if (c == ERR_OK && rc != SQLITE_DONE)
		c = db_error(d, rc, e);
	sqlite3_reset(st);
	if (c != ERR_OK) {
		free(arr);
		arr = NULL;
		len = 0;
	}
	*items = arr;
	*n = len;
	return c;
}

err_code db_list_by_id(db *d, const char *sql, int64_t key, db_read_fn read, size_t item_size,
                       void **items, size_t *n, err_info *e)
{
	*items = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (st == NULL)
		return e && e->code ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, key);
	return db_fetch_all(d, st, read, item_size, items, n, e);
}

err_code db_fetch_int(db *d, sqlite3_stmt *st, int64_t *out, err_info *e)
{
	int rc = sqlite3_step(st);
	err_code c = ERR_OK;
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else if (rc == SQLITE_DONE)
		c = err_set(e, ERR_NOT_FOUND, MSG_NONE, NULL);
	else
		c = db_error(d, rc, e);
	sqlite3_reset(st);
	return c;
}

size_t db_count_bound(size_t offset, size_t limit)
{
	/* Saturating: offsets and limits come from callers and may be anything. */
	const size_t most =
	    (uint64_t)SIZE_MAX < (uint64_t)INT64_MAX ? SIZE_MAX - 1 : (size_t)INT64_MAX - 1;
	size_t page = limit < DB_COUNT_MIN_PAGE ? DB_COUNT_MIN_PAGE : limit;
	size_t ahead = page > most / DB_COUNT_PAGES ? most : page * DB_COUNT_PAGES;
	size_t end = limit > most || offset > most - limit ? most : offset + limit;
	return end > most - ahead ? most : end + ahead;
}

/*
 * Bind a prefix range: ?1 lo, ?2 hi; an empty hi (a prefix of 0xFF bytes
 * only) matches every greater string.
 */
static void db_bind_range(sqlite3_stmt *st, const char *lo, const char *hi)
{
	if (lo == NULL)
		return;
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
	if (hi != NULL && hi[0] != '\0')
		sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
	else
		sqlite3_bind_blob(st, 2, "", 0, SQLITE_STATIC);
}

/* The page and its count from one snapshot: ERR_OK or an error with *items freed. */
static err_code db_page_read(db *d, const char *list_sql, const char *count_sql, const char *lo,
                             const char *hi, size_t offset, size_t limit, db_read_fn read,
                             size_t item_size, void **items, size_t *n, size_t *total, err_info *e)
{
	sqlite3_stmt *st = db_stmt(d, list_sql, e);
	if (st == NULL)
		return e && e->code ? e->code : ERR_DB;
	db_bind_range(st, lo, hi);
	sqlite3_bind_int64(st, 3, limit > INT64_MAX ? INT64_MAX : (int64_t)limit);
	sqlite3_bind_int64(st, 4, offset > INT64_MAX ? INT64_MAX : (int64_t)offset);
	DB_TRY(db_fetch_all(d, st, read, item_size, items, n, e));
	if (total == NULL)
		return ERR_OK;
	/* A page that is not full is the last one: the count is known without counting. */
	if (*n > 0 && *n < limit) {
		*total = offset + *n;
		return ERR_OK;
	}
	st = db_stmt(d, count_sql, e);
	err_code c = st ? ERR_OK : (e && e->code ? e->code : ERR_DB);
	int64_t count = 0;
	if (c == ERR_OK) {
		db_bind_range(st, lo, hi);
		sqlite3_bind_int64(st, 3, (int64_t)db_count_bound(offset, limit) + 1);
		c = db_fetch_int(d, st, &count, e);
	}
	if (c != ERR_OK) {
		free(*items);
		*items = NULL;
		*n = 0;
		return c;
	}
	*total = (size_t)count;
	return ERR_OK;
}

err_code db_page(db *d, const char *list_sql, const char *count_sql, const char *lo, const char *hi,
                 size_t offset, size_t limit, db_read_fn read, size_t item_size, void **items,
                 size_t *n, size_t *total, err_info *e)
{
	*items = NULL;
	*n = 0;
	/*
	 * Outside a transaction, page and count share one read transaction:
	 * the count agrees with the page even while others save, and the file
	 * locks are taken once instead of twice.
	 */
	int own = total != NULL && d->depth == 0;
	if (own)
		DB_TRY(db_exec(d, "BEGIN", e));
	err_code c = db_page_read(d, list_sql, count_sql, lo, hi, offset, limit, read, item_size,
	                          items, n, total, e);
	if (own)
		db_exec(d, "COMMIT", NULL);
	return c;
}

/* ---- binding and reading ---- */

err_code db_bind_buf(sqlite3_stmt *st, int i, const char *buf, size_t size, msg_id field,
                     err_info *e)
{
	if (buf == NULL || buf[0] == '\0')
		return sqlite3_bind_null(st, i) == SQLITE_OK
		           ? ERR_OK
		           : err_set(e, ERR_INTERNAL, field, NULL);
	if (!db_fits(buf, size))
		return err_set(e, ERR_DB_TOO_LONG, field, msg_text(MSG_D_DB_MAX_BYTES), size - 1);
	if (sqlite3_bind_text(st, i, buf, -1, SQLITE_STATIC) != SQLITE_OK)
		return err_set(e, ERR_INTERNAL, field, "bind %d", i);
	return ERR_OK;
}

err_code db_bind_str(sqlite3_stmt *st, int i, const char *s, size_t max, msg_id field, err_info *e)
{
	if (s == NULL || s[0] == '\0')
		return sqlite3_bind_null(st, i) == SQLITE_OK
		           ? ERR_OK
		           : err_set(e, ERR_INTERNAL, field, NULL);
	size_t n = strnlen(s, max + 1);
	if (n > max)
		return err_set(e, ERR_DB_TOO_LONG, field, msg_text(MSG_D_DB_MAX_BYTES), max);
	if (sqlite3_bind_text(st, i, s, (int)n, SQLITE_STATIC) != SQLITE_OK)
		return err_set(e, ERR_INTERNAL, field, "bind %d", i);
	return ERR_OK;
}

void db_bind_ref(sqlite3_stmt *st, int i, int64_t id)
{
	if (id == 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, id);
}

void db_col_buf(sqlite3_stmt *st, int col, char *buf, size_t size)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	if (size == 0)
		return;
	if (s == NULL) {
		buf[0] = '\0';
		return;
	}
	size_t n = (size_t)sqlite3_column_bytes(st, col);
	if (n >= size)
		n = db_utf8_cut(s, size - 1);
	memcpy(buf, s, n);
	buf[n] = '\0';
}

char *db_col_dup(sqlite3_stmt *st, int col, int *oom)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	if (s == NULL)
		return NULL;
	size_t n = (size_t)sqlite3_column_bytes(st, col);
	char *r = malloc(n + 1);
	if (r == NULL) {
		*oom = 1;
		return NULL;
	}
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

/* ---- transactions ---- */

err_code db_begin(db *d, err_info *e)
{
	if (d == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (d->readonly)
		return err_set(e, ERR_DB_READONLY, MSG_NONE, NULL);
	err_code c = db_exec(d, d->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT lb", e);
	if (c == ERR_OK)
		d->depth++;
	return c;
}

/* Roll back the innermost level; the transaction may already be gone after an I/O error. */
static void db_rollback_level(db *d)
{
	if (d->depth == 1) {
		if (!sqlite3_get_autocommit(d->conn))
			db_exec(d, "ROLLBACK", NULL);
		d->bulk = 0;
	} else if (!sqlite3_get_autocommit(d->conn)) {
		db_exec(d, "ROLLBACK TO lb", NULL);
		db_exec(d, "RELEASE lb", NULL);
	}
	d->depth--;
}

err_code db_commit(db *d, err_info *e)
{
	if (d == NULL || d->depth == 0 || (d->depth == 1 && d->bulk))
		return err_set(e, ERR_DB_TRANSACTION, MSG_NONE, "commit without begin");
	err_code c = db_exec(d, d->depth == 1 ? "COMMIT" : "RELEASE lb", e);
	if (c != ERR_OK) {
		/* The contract is one end per begin: a failed commit ends the level too. */
		db_rollback_level(d);
		return c;
	}
	d->depth--;
	return ERR_OK;
}

void db_rollback(db *d)
{
	if (d == NULL || d->depth == 0 || (d->depth == 1 && d->bulk))
		return;
	db_rollback_level(d);
}

err_code db_next_change_seq(db *d, int64_t *out, err_info *e)
{
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (d->depth == 0)
		return err_set(e, ERR_DB_TRANSACTION, MSG_NONE,
		               "change sequence outside a transaction");
	if (d->bulk) {
		*out = ++d->bulk_seq;
		return ERR_OK;
	}
	sqlite3_stmt *st =
	    db_stmt(d, "UPDATE change_seq SET value = value + 1 WHERE id = 1 RETURNING value", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		err_code c = rc == SQLITE_DONE
		                 ? err_set(e, ERR_DB, MSG_NONE, "change_seq row missing")
		                 : db_error(d, rc, e);
		db_done(st);
		return c;
	}
	*out = sqlite3_column_int64(st, 0);
	/* Step to the end so the UPDATE completes before the reset. */
	rc = sqlite3_step(st);
	db_done(st);
	return rc == SQLITE_DONE ? ERR_OK : db_error(d, rc, e);
}

/* ---- bulk loading ---- */

int db_in_bulk(const db *d)
{
	return d != NULL && d->bulk;
}

void db_bulk_note(db *d, const char *table)
{
	for (size_t i = 0; i < d->n_bulk_counts; i++)
		if (d->bulk_counts[i].table == table ||
		    strcmp(d->bulk_counts[i].table, table) == 0) {
			d->bulk_counts[i].n++;
			return;
		}
	if (d->n_bulk_counts < sizeof d->bulk_counts / sizeof d->bulk_counts[0])
		d->bulk_counts[d->n_bulk_counts++] = (db_bulk_count){table, 1};
}

static void db_set_cache(db *d, int kib)
{
	char sql[48];
	/* An integer of our own, not user input: PRAGMA takes no parameters. */
	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", kib);
	sqlite3_exec(d->conn, sql, NULL, NULL, NULL);
}

err_code db_bulk_begin(db *d, err_info *e)
{
	if (d == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (d->depth != 0)
		return err_set(e, ERR_DB_TRANSACTION, MSG_NONE, "bulk inside a transaction");
	err_code c = db_begin(d, e);
	if (c != ERR_OK)
		return c;
	sqlite3_stmt *st = db_stmt(d, "SELECT value FROM change_seq WHERE id = 1", e);
	if (st == NULL) {
		db_rollback(d);
		return e ? e->code : ERR_DB;
	}
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		c = rc == SQLITE_DONE ? err_set(e, ERR_DB, MSG_NONE, "change_seq row missing")
		                      : db_error(d, rc, e);
		db_done(st);
		db_rollback(d);
		return c;
	}
	d->bulk_seq = sqlite3_column_int64(st, 0);
	db_done(st);
	d->bulk = 1;
	d->n_bulk_counts = 0;
	db_set_cache(d, DB_BULK_CACHE_KIB);
	return ERR_OK;
}

err_code db_bulk_end(db *d, err_info *e)
{
	if (d == NULL || !d->bulk || d->depth != 1)
		return err_set(e, ERR_DB_TRANSACTION, MSG_NONE, "bulk end without bulk begin");
	err_code c = ERR_OK;
	sqlite3_stmt *st = db_stmt(d, "UPDATE change_seq SET value = ?1 WHERE id = 1", e);
	if (st == NULL)
		c = e ? e->code : ERR_DB;
	else {
		sqlite3_bind_int64(st, 1, d->bulk_seq);
		c = db_step_done(d, st, e);
	}
	/* The summary row: {"persons": n, …} built by SQLite's JSON functions. */
	char *summary = NULL;
	if (c == ERR_OK) {
		st = db_stmt(d, "SELECT json_set(?1, '$.' || ?2, ?3)", e);
		summary = strdup("{}");
		if (st == NULL || summary == NULL)
			c = st == NULL ? (e ? e->code : ERR_DB)
			               : err_set(e, ERR_NOMEM, MSG_NONE, NULL);
		for (size_t i = 0; c == ERR_OK && i < d->n_bulk_counts; i++) {
			sqlite3_reset(st);
			sqlite3_bind_text(st, 1, summary, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 2, d->bulk_counts[i].table, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 3, d->bulk_counts[i].n);
			int rc = sqlite3_step(st);
			if (rc != SQLITE_ROW) {
				c = db_error(d, rc, e);
				break;
			}
			int oom = 0;
			char *next = db_col_dup(st, 0, &oom);
			if (next == NULL)
				c = err_set(e, ERR_NOMEM, MSG_NONE, NULL);
			else {
				free(summary);
				summary = next;
			}
		}
		db_done(st);
	}
	if (c == ERR_OK)
		c = row_audit(d, "bulk", 0, "bulk", NULL, summary, e);
	free(summary);
	db_set_cache(d, DB_CACHE_KIB);
	d->bulk = 0;
	if (c != ERR_OK) {
		db_rollback(d);
		return c;
	}
	return db_commit(d, e);
}

void db_bulk_abort(db *d)
{
	if (d == NULL || !d->bulk)
		return;
	d->bulk = 0;
	db_set_cache(d, DB_CACHE_KIB);
	while (d->depth > 0)
		db_rollback_level(d);
}

/* ---- checkpoints ---- */

/*
 * Copy what the WAL holds back into the database without waiting for
 * anyone. A reader still on an old snapshot can keep part of the WAL from
 * being copied; then the size stays noted and the next call tries again.
 * Returns 1 when everything was copied.
 */
static int db_checkpoint(db *d, sqlite3 *conn, const char *schema)
{
	int log = 0, done = 0;
	int rc = sqlite3_wal_checkpoint_v2(conn, schema, SQLITE_CHECKPOINT_PASSIVE, &log, &done);
	if (rc != SQLITE_OK || done < log)
		return 0;
	d->wal_pages = 0;
	return 1;
}

/* After each commit of this connection: note the WAL's size; see the top of this file. */
static int db_wal_hook(void *arg, sqlite3 *conn, const char *schema, int pages)
{
	db *d = arg;
	d->wal_pages = pages;
	if (pages >= DB_WAL_MAX_PAGES)
		db_checkpoint(d, conn, schema);
	return SQLITE_OK;
}

void db_idle(db *d)
{
	if (d == NULL || d->readonly || d->depth > 0 || d->wal_pages < DB_WAL_IDLE_PAGES)
		return;
	if (!db_checkpoint(d, d->conn, "main"))
		return;
	/*
	 * The next commit starts the log over, and the first write of a new
	 * log syncs the log's header (so that a crash cannot mix frames of two
	 * generations): one fsync, milliseconds, in whichever save comes next.
	 * A transaction that changes nothing in the end starts the new log here
	 * instead, while nobody waits (SQLite writes no page whose bytes stay
	 * the same, hence one step up and one back). If another session holds
	 * the write lock, it starts the log itself; no waiting for it here.
	 */
	sqlite3_busy_timeout(d->conn, 0);
	if (db_begin(d, NULL) == ERR_OK) {
		err_code c =
		    db_exec(d, "UPDATE change_seq SET value = value + 1 WHERE id = 1", NULL);
		if (c == ERR_OK)
			c = db_exec(d, "UPDATE change_seq SET value = value - 1 WHERE id = 1",
			            NULL);
		if (c == ERR_OK)
			db_commit(d, NULL);
		else
			db_rollback(d);
	}
	sqlite3_busy_timeout(d->conn, DB_BUSY_TIMEOUT_MS);
}

/* ---- actor ---- */

void db_set_actor(db *d, int64_t operator_id, const char *login)
{
	if (d == NULL)
		return;
	d->actor_id = operator_id;
	db_copy(d->actor_login, sizeof d->actor_login, login ? login : "");
}

/* ---- open and close ---- */

/* mkdir -p for the folder part of path. */
static int db_make_parents(const char *path)
{
	char *p = strdup(path);
	if (p == NULL)
		return -1;
	int rc = 0;
	for (char *s = p + 1; *s && rc == 0; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	free(p);
	return rc;
}

/* One integer from a PRAGMA or a query; -1 on failure with e set. */
static int64_t db_query_int(db *d, const char *sql, err_info *e)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(d->conn, sql, -1, &st, NULL);
	int64_t v = -1;
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else
		db_error(d, rc, e);
	sqlite3_finalize(st);
	return v;
}

/*
 * Is this our file? Reads only, so a foreign or too-new file is left
 * exactly as it was.
 */
static err_code db_identify(db *d, int last_version, int *user_version, err_info *e)
{
	int64_t app = db_query_int(d, "PRAGMA application_id", e);
	if (app < 0)
		return e ? e->code : ERR_DB_OPEN;
	int64_t uv = db_query_int(d, "PRAGMA user_version", e);
	if (uv < 0)
		return e ? e->code : ERR_DB_OPEN;
	int64_t objects = db_query_int(d, "SELECT count(*) FROM sqlite_schema", e);
	if (objects < 0)
		return e ? e->code : ERR_DB_OPEN;
	if (app != 0 && app != DB_APPLICATION_ID)
		return err_set(e, ERR_DB_NOT_LAOBAO, MSG_NONE, msg_text(MSG_D_DB_APP_ID), d->path,
		               (unsigned long long)app);
	if (app == 0 && (objects > 0 || uv != 0))
		return err_set(e, ERR_DB_NOT_LAOBAO, MSG_NONE, msg_text(MSG_D_DB_OTHER_PROGRAM),
		               d->path);
	if (uv > last_version)
		return err_set(e, ERR_DB_TOO_NEW, MSG_NONE, msg_text(MSG_D_DB_VERSION_TOO_NEW),
		               (long long)uv, last_version);
	*user_version = (int)uv;
	return ERR_OK;
}

static err_code db_pragmas(db *d, err_info *e)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", DB_CACHE_KIB);
	const char *common[] = {"PRAGMA foreign_keys = ON", "PRAGMA temp_store = MEMORY", sql};
	for (size_t i = 0; i < sizeof common / sizeof common[0]; i++) {
		int rc = sqlite3_exec(d->conn, common[i], NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			return db_error(d, rc, e);
	}
	if (d->readonly)
		return ERR_OK;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(d->conn, "PRAGMA journal_mode = WAL", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	int wal = rc == SQLITE_ROW &&
	          sqlite3_stricmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_error(d, rc, e);
	if (!wal)
		return err_set(e, ERR_DB_OPEN, MSG_NONE, msg_text(MSG_D_DB_NO_WAL), d->path);
	/* Safe in WAL mode; see the note at the top of this file. */
	rc = sqlite3_exec(d->conn, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_error(d, rc, e);
	/* Replaces SQLite's automatic checkpoint (see the top of this file). */
	sqlite3_wal_hook(d->conn, db_wal_hook, d);
	return ERR_OK;
}

err_code db_open_with(const char *path, int flags, const migration *list, size_t n, int target,
                      db **out, err_info *e)
{
	if (out != NULL)
		*out = NULL;
	if (path == NULL || path[0] == '\0' || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "%s", msg_text(MSG_D_DB_PATH_EMPTY));
	if (list == NULL)
		list = schema_migrations(&n);
	if (n == 0)
		return err_set(e, ERR_INTERNAL, MSG_NONE, "no migrations");
	int last = list[n - 1].version;
	if (target <= 0 || target > last)
		target = last;
	int readonly = (flags & DB_OPEN_READONLY) != 0;

	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT)
			return err_set(e, ERR_DB_OPEN, MSG_NONE, "%s：%s", path, strerror(errno));
		if (!(flags & DB_OPEN_CREATE) || readonly)
			return err_set(e, ERR_DB_MISSING, MSG_NONE, "%s", path);
		if (db_make_parents(path) != 0)
			return err_set(e, ERR_DB_OPEN, MSG_NONE, msg_text(MSG_D_DB_MKDIR), path,
			               strerror(errno));
	} else if (S_ISDIR(sb.st_mode)) {
		return err_set(e, ERR_DB_OPEN, MSG_NONE, msg_text(MSG_D_DB_IS_FOLDER), path);
	}

	db *d = calloc(1, sizeof *d);
	if (d == NULL || (d->path = strdup(path)) == NULL) {
		free(d);
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	}
	d->readonly = readonly;
	int oflags =
	    (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
	    SQLITE_OPEN_NOMUTEX;
	int rc = sqlite3_open_v2(path, &d->conn, oflags, NULL);
	err_code c = ERR_OK;
	if (rc != SQLITE_OK) {
		c = err_set(e, ERR_DB_OPEN, MSG_NONE, "%s：%s", path,
		            d->conn ? sqlite3_errmsg(d->conn) : sqlite3_errstr(rc));
		goto fail;
	}
	sqlite3_extended_result_codes(d->conn, 1);
	sqlite3_busy_timeout(d->conn, DB_BUSY_TIMEOUT_MS);

	int uv = 0;
	c = db_identify(d, last, &uv, e);
	if (c == ERR_OK)
		c = db_pragmas(d, e);
	if (c != ERR_OK)
		goto fail;
	if (readonly) {
		if (uv < target) {
			c = err_set(e, ERR_DB_MIGRATE, MSG_NONE,
			            msg_text(MSG_D_DB_READONLY_UPGRADE), uv, target);
			goto fail;
		}
	} else if (uv < target) {
		c = migrate_apply(d, list, n, target, e);
		if (c != ERR_OK)
			goto fail;
	}
	*out = d;
	return ERR_OK;
fail:
	db_close(d);
	return c;
}

err_code db_open(const char *path, int flags, db **out, err_info *e)
{
	return db_open_with(path, flags, NULL, 0, 0, out, e);
}

int db_schema_version(void)
{
	size_t n;
	const migration *list = schema_migrations(&n);
	return list[n - 1].version;
}

void db_close(db *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->cache_cap; i++) {
		if (d->cache[i].sql == NULL)
			continue;
		sqlite3_finalize(d->cache[i].st);
		free(d->cache[i].sql);
	}
	free(d->cache);
	for (size_t i = 0; i < d->n_row_sql; i++)
		free(d->row_sql[i].sql);
	free(d->row_sql);
	/* An unfinished transaction is rolled back by sqlite3_close. */
	if (d->conn != NULL)
		sqlite3_close(d->conn);
	free(d->path);
	free(d);
}
