/*
 * operator — the operator repository and login check (see operator.h).
 *
 * A wrong password and an unknown login must look the same to whoever is
 * typing: the same error, and about the same time, so the login screen
 * cannot be used to find out which logins exist. For an unknown login the
 * password is therefore verified against a dummy hash with the same limits
 * as real ones. The hash never appears in the audit log.
 */
#include "db/operator.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "db/dbint.h"

#define OPERATOR_PASSWORD_MAX 256
#define OPERATOR_PASSWORD_MIN_CHARS 4

static const char *const operator_cols[] = {
    "login", "name", "pw_hash", "pw_changed_at", "role", "office", "disabled", NULL,
};
static const char *const operator_json[] = {
    "login", "name", "pw_changed_at", "role", "office", "disabled", NULL,
};
static const row_desc operator_row = {.table = "operators",
                                      .cols = operator_cols,
                                      .json = operator_json,
                                      .key = "login",
                                      .flags = ROW_AUDIT};

/* Narrower updates: the same table and snapshot, fewer columns written. */
static const char *const operator_edit_cols[] = {"name", "role", "office", "disabled", NULL};
static const row_desc operator_edit_row = {.table = "operators",
                                           .cols = operator_edit_cols,
                                           .json = operator_json,
                                           .key = "login",
                                           .flags = ROW_AUDIT};
static const char *const operator_pw_cols[] = {"pw_hash", "pw_changed_at", NULL};
static const row_desc operator_pw_row = {.table = "operators",
                                         .cols = operator_pw_cols,
                                         .json = operator_json,
                                         .key = "login",
                                         .flags = ROW_AUDIT};

static const struct {
	op_role role;
	const char *name;
	msg_id label;
} operator_roles[] = {
    {ROLE_ADMIN, "admin", MSG_ROLE_ADMIN},
    {ROLE_CASEWORKER, "caseworker", MSG_ROLE_CASEWORKER},
    {ROLE_TRAINING, "training", MSG_ROLE_TRAINING},
    {ROLE_CONTRACT, "contract", MSG_ROLE_CONTRACT},
    {ROLE_ARBITRATION, "arbitration", MSG_ROLE_ARBITRATION},
    {ROLE_VIEWER, "viewer", MSG_ROLE_VIEWER},
};
#define OPERATOR_NROLES (sizeof operator_roles / sizeof operator_roles[0])

const char *operator_role_name(op_role r)
{
	for (size_t i = 0; i < OPERATOR_NROLES; i++)
		if (operator_roles[i].role == r)
			return operator_roles[i].name;
	return "";
}

msg_id operator_role_label(op_role r)
{
	for (size_t i = 0; i < OPERATOR_NROLES; i++)
		if (operator_roles[i].role == r)
			return operator_roles[i].label;
	return MSG_NONE;
}

err_code operator_role_parse(const char *name, op_role *out, err_info *e)
{
	for (size_t i = 0; name != NULL && i < OPERATOR_NROLES; i++)
		if (strcmp(operator_roles[i].name, name) == 0) {
			*out = operator_roles[i].role;
			return ERR_OK;
		}
	return err_set(e, ERR_OP_ROLE, MSG_COL_ROLE, "%.40s", name ? name : "");
}

/* 1 if login is 1-32 of A-Z a-z 0-9 _ . - */
static int operator_login_ok(const char *login)
{
	if (login == NULL)
		return 0;
	size_t n = strnlen(login, 33);
	if (n == 0 || n > 32)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = login[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '.' || c == '-'))
			return 0;
	}
	return 1;
}

static err_code operator_password_ok(const char *pw, err_info *e)
{
	if (pw == NULL)
		return err_set(e, ERR_OP_PASSWORD_SHORT, MSG_F_PASSWORD, NULL);
	size_t n = strnlen(pw, OPERATOR_PASSWORD_MAX + 1);
	if (n > OPERATOR_PASSWORD_MAX)
		return err_set(e, ERR_OP_PASSWORD_LONG, MSG_F_PASSWORD, NULL);
	size_t chars = 0;
	for (size_t i = 0; i < n; i++)
		chars += ((unsigned char)pw[i] & 0xC0) != 0x80;
	if (chars < OPERATOR_PASSWORD_MIN_CHARS)
		return err_set(e, ERR_OP_PASSWORD_SHORT, MSG_F_PASSWORD, NULL);
	return ERR_OK;
}

/* LAOBAO_PWHASH_FAST=1: the MIN limits, for test suites only (see operator.h). */
static int operator_fast(void)
{
	const char *fast = getenv("LAOBAO_PWHASH_FAST");
	return fast != NULL && strcmp(fast, "1") == 0;
}

static err_code operator_hash(const char *pw, char out[crypto_pwhash_STRBYTES], err_info *e)
{
	if (sodium_init() < 0)
		return err_set(e, ERR_OP_HASH, MSG_F_PASSWORD, "sodium_init");
	int quick = operator_fast();
	unsigned long long ops =
	    quick ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
	size_t mem = quick ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
	if (crypto_pwhash_str_alg(out, pw, strlen(pw), ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
		return err_set(e, ERR_OP_HASH, MSG_F_PASSWORD, NULL);
	return ERR_OK;
}

/*
 * Hashes of a random password nobody knows, made once with the INTERACTIVE
 * and the MIN limits: an unknown login is verified against the one matching
 * the limits real hashes are made with, so it costs the same as a wrong
 * password, from the very first attempt of a session.
 */
static const char operator_dummy_interactive[crypto_pwhash_STRBYTES] =
    "$argon2id$v=19$m=65536,t=2,p=1$AZNseXzp02XmTabTgZlR+g$"
    "uLSdWlvTQST+BlsK14hmPHh5d9xy6C0zKFIIT+xHv2g";
static const char operator_dummy_min[crypto_pwhash_STRBYTES] =
    "$argon2id$v=19$m=8,t=1,p=1$AEBWvoHQUls0Pb7lhGp3zQ$rvVoj0WHxXZaRD8O9KTn8q6aJ5UPW+Mrx3oQ7R8vicQ";

/* What operator_bind writes: the record plus the columns it does not hold. */
typedef struct operator_write {
	const operator_rec *o;
	const char *hash;
	char at[21];
} operator_write;

static err_code operator_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const operator_write *w = rec;
	DB_TRY(DB_BIND_BUF(st, 1, w->o->login, MSG_F_LOGIN, e));
	DB_TRY(DB_BIND_BUF(st, 2, w->o->name, MSG_F_NAME, e));
	sqlite3_bind_text(st, 3, w->hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, w->at, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, (int)w->o->role);
	DB_TRY(DB_BIND_BUF(st, 6, w->o->office, MSG_COL_OFFICE, e));
	sqlite3_bind_int(st, 7, w->o->disabled ? 1 : 0);
	return ERR_OK;
}

static err_code operator_bind_edit(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const operator_rec *o = rec;
	DB_TRY(DB_BIND_BUF(st, 1, o->name, MSG_F_NAME, e));
	sqlite3_bind_int(st, 2, (int)o->role);
	DB_TRY(DB_BIND_BUF(st, 3, o->office, MSG_COL_OFFICE, e));
	sqlite3_bind_int(st, 4, o->disabled ? 1 : 0);
	return ERR_OK;
}

static err_code operator_bind_pw(sqlite3_stmt *st, const void *rec, err_info *e)
{
	(void)e;
	const operator_write *w = rec;
	sqlite3_bind_text(st, 1, w->hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, w->at, -1, SQLITE_STATIC);
	return ERR_OK;
}

#define OPERATOR_SELECT                                                                            \
	"SELECT id, login, name, role, office, disabled, version, created_at, pw_hash, "           \
	"failed_count FROM operators "

/* The row and the columns the public record does not carry. */
typedef struct operator_row_full {
	operator_rec o;
	char hash[crypto_pwhash_STRBYTES];
	int failed;
} operator_row_full;

static void operator_read(sqlite3_stmt *st, void *item)
{
	operator_rec *o = item;
	o->id = sqlite3_column_int64(st, 0);
	DB_COL_BUF(st, 1, o->login);
	DB_COL_BUF(st, 2, o->name);
	o->role = (op_role)sqlite3_column_int(st, 3);
	DB_COL_BUF(st, 4, o->office);
	o->disabled = sqlite3_column_int(st, 5);
	o->version = sqlite3_column_int64(st, 6);
	DB_COL_BUF(st, 7, o->created_at);
}

static void operator_read_full(sqlite3_stmt *st, void *item)
{
	operator_row_full *f = item;
	operator_read(st, &f->o);
	DB_COL_BUF(st, 8, f->hash);
	f->failed = sqlite3_column_int(st, 9);
}

static err_code operator_find_full(db *d, const char *login, operator_row_full *out, err_info *e)
{
	sqlite3_stmt *st = db_stmt(d, OPERATOR_SELECT "WHERE login = ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	err_code c = db_fetch_one(d, st, operator_read_full, out, e);
	if (c == ERR_NOT_FOUND)
		err_set(e, ERR_NOT_FOUND, MSG_F_LOGIN, "%s", login);
	return c;
}

err_code operator_add(db *d, operator_rec *o, const char *password, err_info *e)
{
	if (d == NULL || o == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (!db_fits(o->login, sizeof o->login) || !operator_login_ok(o->login))
		return err_set(e, ERR_OP_LOGIN, MSG_F_LOGIN, NULL);
	if (operator_role_name(o->role)[0] == '\0')
		return err_set(e, ERR_OP_ROLE, MSG_COL_ROLE, "%d", (int)o->role);
	DB_TRY(operator_password_ok(password, e));
	operator_write w = {o, NULL, ""};
	char hash[crypto_pwhash_STRBYTES];
	DB_TRY(operator_hash(password, hash, e));
	w.hash = hash;
	db_now(w.at);
	row_meta m;
	err_code c = row_insert(d, &operator_row, operator_bind, &w, &m, e);
	sodium_memzero(hash, sizeof hash);
	if (c == ERR_DB_DUPLICATE)
		return err_set(e, ERR_DB_DUPLICATE, MSG_F_LOGIN, "%s", o->login);
	if (c != ERR_OK)
		return c;
	o->id = m.id;
	o->version = m.version;
	memcpy(o->created_at, m.at, sizeof o->created_at);
	return ERR_OK;
}

err_code operator_find(db *d, const char *login, operator_rec *out, err_info *e)
{
	if (d == NULL || out == NULL || !operator_login_ok(login))
		return err_set(e, ERR_NOT_FOUND, MSG_F_LOGIN, "%.40s", login ? login : "");
	operator_row_full f;
	err_code c = operator_find_full(d, login, &f, e);
	if (c == ERR_OK)
		*out = f.o;
	sodium_memzero(f.hash, sizeof f.hash);
	return c;
}

err_code operator_get(db *d, int64_t id, operator_rec *out, err_info *e)
{
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, OPERATOR_SELECT "WHERE id = ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	return db_fetch_one(d, st, operator_read, out, e);
}

err_code operator_list_all(db *d, operator_list *out, err_info *e)
{
	if (out != NULL)
		*out = (operator_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, OPERATOR_SELECT "ORDER BY login", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	void *items = NULL;
	DB_TRY(db_fetch_all(d, st, operator_read, sizeof(operator_rec), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

void operator_list_free(operator_list *l)
{
	DB_LIST_FREE(l);
}

err_code operator_update(db *d, operator_rec *o, err_info *e)
{
	if (d == NULL || o == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (operator_role_name(o->role)[0] == '\0')
		return err_set(e, ERR_OP_ROLE, MSG_COL_ROLE, "%d", (int)o->role);
	row_meta m;
	DB_TRY(row_update(d, &operator_edit_row, operator_bind_edit, o, o->id, o->version, &m, e));
	o->version = m.version;
	return ERR_OK;
}

err_code operator_set_password(db *d, const char *login, const char *password, err_info *e)
{
	if (d == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	DB_TRY(operator_password_ok(password, e));
	char hash[crypto_pwhash_STRBYTES];
	/* Hash before taking the write lock: it is the slow part. */
	DB_TRY(operator_hash(password, hash, e));
	operator_write w = {NULL, hash, ""};
	db_now(w.at);
	err_code c = db_begin(d, e);
	operator_row_full f;
	if (c == ERR_OK) {
		c = operator_find(d, login, &f.o, e);
		if (c == ERR_OK)
			c = row_update(d, &operator_pw_row, operator_bind_pw, &w, f.o.id,
			               f.o.version, NULL, e);
		if (c == ERR_OK)
			c = db_commit(d, e);
		else
			db_rollback(d);
	}
	sodium_memzero(hash, sizeof hash);
	return c;
}

err_code operator_set_disabled(db *d, const char *login, int disabled, err_info *e)
{
	if (d == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	DB_TRY(db_begin(d, e));
	operator_rec o;
	err_code c = operator_find(d, login, &o, e);
	if (c == ERR_OK) {
		o.disabled = disabled ? 1 : 0;
		c = operator_update(d, &o, e);
	}
	if (c == ERR_OK)
		return db_commit(d, e);
	db_rollback(d);
	return c;
}

/* Remember the attempt: counters on the operator and a login_attempts row. */
static err_code operator_record(db *d, const char *login, const operator_row_full *f, int ok,
                                err_info *e)
{
	char now[21];
	db_now(now);
	DB_TRY(db_begin(d, e));
	err_code c = ERR_OK;
	if (f != NULL) {
		sqlite3_stmt *st =
		    ok ? db_stmt(d,
		                 "UPDATE operators SET failed_count = 0, last_login_at = ?1 WHERE "
		                 "id = ?2",
		                 e)
		       : db_stmt(d,
		                 "UPDATE operators SET failed_count = failed_count + 1, "
		                 "last_failed_at = ?1 WHERE id = ?2",
		                 e);
		if (st == NULL)
			c = e ? e->code : ERR_DB;
		else {
			sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 2, f->o.id);
			c = db_step_done(d, st, e);
		}
	}
	if (c == ERR_OK) {
		sqlite3_stmt *st =
		    db_stmt(d,
		            "INSERT INTO login_attempts (at, login, operator_id, ok) "
		            "VALUES (?1, ?2, ?3, ?4)",
		            e);
		if (st == NULL)
			c = e ? e->code : ERR_DB;
		else {
			sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, login, -1, SQLITE_STATIC);
			db_bind_ref(st, 3, f ? f->o.id : 0);
			sqlite3_bind_int(st, 4, ok);
			c = db_step_done(d, st, e);
		}
	}
	if (c == ERR_OK)
		return db_commit(d, e);
	db_rollback(d);
	return c;
}

err_code operator_verify(db *d, const char *login, const char *password, operator_rec *out,
                         err_info *e)
{
	if (d == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (sodium_init() < 0)
		return err_set(e, ERR_OP_HASH, MSG_F_PASSWORD, "sodium_init");
	int login_ok = operator_login_ok(login);
	int pw_ok = password != NULL &&
	            strnlen(password, OPERATOR_PASSWORD_MAX + 1) <= OPERATOR_PASSWORD_MAX;
	operator_row_full f;
	memset(&f, 0, sizeof f);
	int found = 0;
	if (login_ok) {
		err_info tmp;
		err_code c = operator_find_full(d, login, &f, &tmp);
		if (c == ERR_OK)
			found = 1;
		else if (c != ERR_NOT_FOUND) {
			if (e != NULL)
				*e = tmp;
			return c;
		}
	}
	const char *pw = pw_ok ? password : "";
	int ok = 0;
	if (found) {
		/* Verify even a refused password, so every path does one hash. */
		ok = crypto_pwhash_str_verify(f.hash, pw, strlen(pw)) == 0 && pw_ok;
	} else {
		/* Same work as a real check, and the result is ignored. */
		const char *dummy =
		    operator_fast() ? operator_dummy_min : operator_dummy_interactive;
		if (crypto_pwhash_str_verify(dummy, pw, strlen(pw)) == 0)
			ok = 0;
	}
	sodium_memzero(f.hash, sizeof f.hash);
	/* A disabled operator with the right password is still refused: not a success. */
	if (login_ok)
		DB_TRY(operator_record(d, login, found ? &f : NULL, ok && !f.o.disabled, e));
	if (!ok)
		return err_set(e, ERR_OP_BAD_LOGIN, MSG_NONE, NULL);
	if (f.o.disabled)
		return err_set(e, ERR_OP_DISABLED, MSG_F_LOGIN, "%s", f.o.login);
	if (out != NULL)
		*out = f.o;
	return ERR_OK;
}

err_code operator_failures(db *d, const char *login, int *count, err_info *e)
{
	if (d == NULL || count == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	*count = 0;
	if (!operator_login_ok(login))
		return ERR_OK;
	operator_row_full f;
	err_info tmp;
	err_code c = operator_find_full(d, login, &f, &tmp);
	sodium_memzero(f.hash, sizeof f.hash);
	if (c == ERR_OK) {
		*count = f.failed;
		return ERR_OK;
	}
	if (c != ERR_NOT_FOUND) {
		if (e != NULL)
			*e = tmp;
		return c;
	}
	sqlite3_stmt *st =
	    db_stmt(d,
	            "SELECT count(*) FROM login_attempts WHERE login = ?1 AND ok = 0 "
	            "AND id > coalesce((SELECT max(id) FROM login_attempts "
	            "WHERE login = ?1 AND ok = 1), 0)",
	            e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	int64_t n = 0;
	DB_TRY(db_fetch_int(d, st, &n, e));
	*count = (int)n;
	return ERR_OK;
}
