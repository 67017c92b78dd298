/*
 * employer — the employer (用人单位) repository, keyed by the 统一社会信用代码;
 * employers registered before 2015 may have only a legacy 组织机构代码
 * (and 工商注册号). Used by contract filing, unemployment registration (the
 * last and the new employer) and arbitration parties.
 */
#ifndef LAOBAO_EMPLOYER_H
#define LAOBAO_EMPLOYER_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

typedef struct employer {
	int64_t id;
	char uscc[19];     /* 统一社会信用代码, "" when only a legacy code exists */
	char org_code[11]; /* 组织机构代码 "XXXXXXXX-X", "" none */
	char reg_no[21];   /* 工商注册号 (legacy), "" none */
	char name[304];    /* 单位名称, up to 100 characters */
	char name_py[64];  /* pinyin initials of the name (derived by the caller) */
	char econ_type[4]; /* 经济类型 code, "" unknown */
	char industry[2];  /* 行业门类 letter A–T (GB/T 4754-2017), "" unknown */
	char area_code[7]; /* 行政区划代码, "" unknown */
	char address[304];
	char legal_rep[64]; /* 法定代表人 */
	char contact[64];   /* 联系人 */
	char phone[32];
	int staff_count; /* 职工人数, 0 unknown */
	char office[13]; /* office that registered it */
	int64_t version;
	int64_t chg_seq;
	char created_at[21];
	char updated_at[21];
} employer;

typedef struct employer_list {
	employer *items;
	size_t n;
} employer_list;

/* By row id / by 统一社会信用代码. ERR_NOT_FOUND when absent. */
err_code employer_get(db *d, int64_t id, employer *out, err_info *e);
err_code employer_find_by_uscc(db *d, const char *uscc, employer *out, err_info *e);

/* Insert (emp->id must be 0). ERR_DB_DUPLICATE (field MSG_F_USCC) when the code exists. */
err_code employer_insert(db *d, employer *emp, err_info *e);

/* Versioned update; ERR_DB_STALE / ERR_NOT_FOUND. */
err_code employer_update(db *d, employer *emp, err_info *e);

/*
 * Search: ASCII letters only → pinyin initials prefix; ASCII letters and
 * digits with at least one digit → 统一社会信用代码 prefix (upper-cased);
 * anything else → name prefix. Ordered by name; a page of `limit` from
 * `offset`; *total (may be NULL) gets the count up to db_count_bound().
 */
err_code employer_search(db *d, const char *query, size_t offset, size_t limit, employer_list *out,
                         size_t *total, err_info *e);

void employer_list_free(employer_list *l);

#endif
