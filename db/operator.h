/*
 * operator — operators (caseworkers, clerks, admins) who log in, with
 * Argon2id password hashes (libsodium crypto_pwhash_str), a role deciding
 * which workflows they see and change, and their office.
 *
 * Hashes use crypto_pwhash_OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE. The
 * environment variable LAOBAO_PWHASH_FAST=1 selects the MIN limits instead;
 * it exists only so test suites that create many operators stay fast and
 * must never be set in production. Verifying always uses the limits stored
 * in the hash itself.
 */
#ifndef LAOBAO_OPERATOR_H
#define LAOBAO_OPERATOR_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

/* Roles; a role's workflows are decided above db (forms/). */
typedef enum op_role {
	ROLE_ADMIN = 1,       /* 系统管理员: everything, users, export/import */
	ROLE_CASEWORKER = 2,  /* 窗口经办: 失业登记 */
	ROLE_TRAINING = 3,    /* 培训专管员 */
	ROLE_CONTRACT = 4,    /* 劳动合同备案员 */
	ROLE_ARBITRATION = 5, /* 仲裁书记员 / 仲裁员 */
	ROLE_VIEWER = 6,      /* 查询 only */
} op_role;

typedef struct operator_rec {
	int64_t id;
	char login[33]; /* ASCII letters, digits, _ . -, 1-32 characters */
	char name[64];  /* display name, UTF-8 */
	op_role role;
	char office[13]; /* office code */
	int disabled;    /* 1 = may not log in */
	int64_t version;
	char created_at[21];
} operator_rec;

typedef struct operator_list {
	operator_rec *items;
	size_t n;
} operator_list;

/* Role name as used on the command line ("admin", "caseworker", …) and back. */
const char *operator_role_name(op_role r);
err_code operator_role_parse(const char *name, op_role *out, err_info *e);

/* The Chinese label of a role (MSG_ROLE_…), MSG_NONE for an unknown role. */
msg_id operator_role_label(op_role r);

/*
 * Add an operator with the given password (hashed here with Argon2id).
 * Errors: ERR_OP_LOGIN (bad login name), ERR_OP_PASSWORD_SHORT (< 4
 * characters), ERR_DB_DUPLICATE (login exists).
 */
err_code operator_add(db *d, operator_rec *o, const char *password, err_info *e);

/* Look up by login (case-insensitive) or by id. ERR_NOT_FOUND when absent. */
err_code operator_find(db *d, const char *login, operator_rec *out, err_info *e);
err_code operator_get(db *d, int64_t id, operator_rec *out, err_info *e);

/*
 * Save name, role, office and disabled of o->id if its version is still
 * o->version (the login and password are changed elsewhere). ERR_DB_STALE,
 * ERR_NOT_FOUND as for every versioned update.
 */
err_code operator_update(db *d, operator_rec *o, err_info *e);

err_code operator_list_all(db *d, operator_list *out, err_info *e);
void operator_list_free(operator_list *l);

err_code operator_set_password(db *d, const char *login, const char *password, err_info *e);
err_code operator_set_disabled(db *d, const char *login, int disabled, err_info *e);

/*
 * Check a login and password. ERR_OP_BAD_LOGIN for an unknown login or a
 * wrong password alike (the message does not say which), ERR_OP_DISABLED
 * for a disabled operator with the right password. Records the attempt; *out
 * filled on success.
 */
err_code operator_verify(db *d, const char *login, const char *password, operator_rec *out,
                         err_info *e);

/*
 * Recent consecutive failed attempts for a login (for slowing down retries);
 * for a login that does not exist, the failed attempts recorded under that
 * name since its last success, so the answer does not reveal which logins
 * exist.
 */
err_code operator_failures(db *d, const char *login, int *count, err_info *e);

#endif
