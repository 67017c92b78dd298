/*
 * person — the person repository: one person, one record (同人同库), keyed
 * by the 18-character 公民身份号码.
 *
 * Callers validate and normalise fields (forms/) before saving; the schema's
 * CHECK constraints are the last line, not the first. Every insert and update
 * writes an audit row and takes a change-sequence number; an update carrying
 * a stale version changes nothing and returns ERR_DB_STALE.
 */
#ifndef LAOBAO_PERSON_H
#define LAOBAO_PERSON_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

typedef struct person {
	int64_t id;          /* row id; 0 for a person not yet saved */
	char id_no[19];      /* 公民身份号码, 18 characters */
	char name[128];      /* 姓名, UTF-8 */
	char name_py[32];    /* pinyin initials of the name (derived) */
	int sex;             /* 1 男, 2 女 (from the ID) */
	char birth_date[11]; /* YYYY-MM-DD (from the ID) */
	char ethnicity[3];   /* 民族, GB/T 3304 code, "" unknown */
	char education[3];   /* 学历, GB/T 4658 code, "" unknown */
	char hukou_type[2];  /* 户口性质: 1 非农业, 2 农业, 3 居民, 9 不详 */
	char hukou_area[7];  /* 户籍所在地 area code (GB/T 2260), "" unknown */
	char marital[3];     /* 婚姻状况, GB/T 2261.2 code, "" unknown */
	char politics[3];    /* 政治面貌, GB/T 4762 code, "" unknown */
	char phone[32];      /* 联系电话, normalised */
	char address[304];   /* 现住址, up to 100 characters */
	char email[96];      /* 电子邮箱 */
	char office[13];     /* office code of the registering office */
	char remark[604];    /* 备注, up to 200 characters */
	int64_t version;     /* row version; 1 after insert */
	int64_t chg_seq;     /* change sequence of the last change */
	char created_at[21]; /* UTC, set by the repository */
	char updated_at[21];
} person;

typedef struct person_list {
	person *items; /* malloc'ed array; person_list_free releases it */
	size_t n;
} person_list;

/* Look up by row id / by 公民身份号码. ERR_NOT_FOUND when absent. */
err_code person_get(db *d, int64_t id, person *out, err_info *e);
err_code person_find_by_id_no(db *d, const char *id_no, person *out, err_info *e);

/*
 * Insert p (p->id must be 0); fills id, version, chg_seq and timestamps.
 * ERR_DB_DUPLICATE (field MSG_F_ID_NO) when the ID exists.
 */
err_code person_insert(db *d, person *p, err_info *e);

/*
 * Update the row p->id if its version is still p->version; then bumps
 * p->version, chg_seq and updated_at. ERR_DB_STALE when someone saved in
 * between (nothing changed), ERR_NOT_FOUND when the row is gone.
 */
err_code person_update(db *d, person *p, err_info *e);

/*
 * Search: digits (and X) → 公民身份号码 prefix, ordered by ID; ASCII
 * letters → pinyin initials prefix, ordered by initials, name, ID (so "zs"
 * lists the exact 张三 before 张三丰); anything else → name prefix, and ""
 * everyone, ordered by name then ID. `offset`/`limit` page through results.
 * *out is filled (caller frees with person_list_free). *total, if not NULL,
 * receives the match count up to db_count_bound(offset, limit) (see db.h).
 */
err_code person_search(db *d, const char *query, size_t offset, size_t limit, person_list *out,
                       size_t *total, err_info *e);

void person_list_free(person_list *l);

/* One line of a person list: what 人员查询 shows of each match. */
typedef struct person_brief {
	int64_t id;          /* row id, to open the record */
	char id_no[19];      /* 公民身份号码 */
	char name[128];      /* 姓名 */
	int sex;             /* 1 男, 2 女 (from the ID) */
	char birth_date[11]; /* YYYY-MM-DD (from the ID) */
	char phone[32];      /* 联系电话 */
	char address[304];   /* 现住址 */
} person_brief;

typedef struct person_brief_list {
	person_brief *items; /* malloc'ed array; person_brief_list_free releases it */
	size_t n;
} person_brief_list;

/*
 * person_search for list screens: the same matches, order, paging and
 * *total, but only the fields of person_brief. Reading five columns of a
 * row instead of all of them (sex and birth date come from the ID) halves
 * the time a page takes. Open a record with person_get.
 */
err_code person_search_brief(db *d, const char *query, size_t offset, size_t limit,
                             person_brief_list *out, size_t *total, err_info *e);

void person_brief_list_free(person_brief_list *l);

#endif
