/*
 * unemp — unemployment registrations (失业登记): one episode per
 * registration, from the registration date to its end (re-employment or
 * cancellation, 注销), with its categories, unemployment-insurance months,
 * job wishes and 就业创业证 number; and the follow-up services given during
 * it. A person has at most one open registration (enforced by the database).
 */
#ifndef LAOBAO_UNEMP_H
#define LAOBAO_UNEMP_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

#define UNEMP_MAX_CATEGORIES 16

enum unemp_hukou_kind {
	UNEMP_URBAN = 1, /* 城镇 */
	UNEMP_RURAL = 2, /* 农村 */
};

typedef struct unemp_reg {
	int64_t id;
	int64_t person_id;
	char office[13];
	char reg_date[11];           /* 登记日期 YYYY-MM-DD */
	int hukou_kind;              /* enum unemp_hukou_kind */
	char reason[5];              /* 失业原因 code, "" unknown */
	int64_t last_employer_id;    /* 0 when not in the employer table */
	char last_employer_uscc[19]; /* as given, "" unknown */
	char last_employer_name[304];
	int involuntary;                          /* 1 = 非因本人意愿 */
	int contrib_months;                       /* 累计缴费月数 */
	int entitle_months;                       /* 可领取失业保险金月数, 0-24 */
	int remain_months;                        /* 剩余月数, 0-entitle_months */
	char categories[UNEMP_MAX_CATEGORIES][4]; /* 人员类别 codes */
	size_t n_categories;
	char difficulty[4];       /* 就业困难人员类别 code, "" none */
	int low_income;           /* 城市低保 */
	int disability;           /* 残疾人 */
	int graduate;             /* 高校毕业生 */
	char wish_occupation[64]; /* 求职意向职业 */
	char wish_industry[2];    /* 行业门类 letter, "" any */
	int64_t wish_wage;        /* expected monthly wage, fen */
	char card_no[21];         /* 就业创业证 number, "" not issued */
	char end_date[11];        /* "" while open */
	char end_reason[5];       /* 注销原因 code (ZX01 …), "" while open */
	int64_t new_employer_id;  /* 0 none */
	int64_t version;
	int64_t chg_seq;
	char created_at[21];
	char updated_at[21];
} unemp_reg;

typedef struct unemp_list {
	unemp_reg *items;
	size_t n;
} unemp_list;

typedef struct unemp_followup {
	int64_t id;
	int64_t reg_id;
	char service_date[11];
	char kind[4];        /* 就业服务类型 code */
	char note[604];      /* up to 200 characters */
	int64_t operator_id; /* set from the acting operator on insert */
	int64_t version;
	int64_t chg_seq;
	char created_at[21];
} unemp_followup;

typedef struct unemp_followup_list {
	unemp_followup *items;
	size_t n;
} unemp_followup_list;

/*
 * Register (r->id must be 0). ERR_UNEMP_OPEN_EXISTS when the person has an
 * open registration; ERR_DB_DUPLICATE (就业创业证编号) for a used card number;
 * ERR_UNEMP_CATEGORIES if n_categories is over the limit.
 */
err_code unemp_insert(db *d, unemp_reg *r, err_info *e);

/* Versioned update of every field, categories included. */
err_code unemp_update(db *d, unemp_reg *r, err_info *e);

err_code unemp_get(db *d, int64_t id, unemp_reg *out, err_info *e);

/* The person's open registration, ERR_NOT_FOUND when none. */
err_code unemp_find_open(db *d, int64_t person_id, unemp_reg *out, err_info *e);

/*
 * End the registration r (as last read: id and version) on end_date for
 * reason (注销原因 code), with the new employer (0 none). ERR_UNEMP_ENDED if
 * it already ended; r is updated on success and unchanged on failure.
 */
err_code unemp_end(db *d, unemp_reg *r, const char *end_date, const char *reason,
                   int64_t new_employer_id, err_info *e);

/* Open registrations of an office by registration date, one page; *total as db_count_bound() says.
 */
err_code unemp_list_open(db *d, const char *office, size_t offset, size_t limit, unemp_list *out,
                         size_t *total, err_info *e);

/* All registrations of a person, newest first. */
err_code unemp_list_person(db *d, int64_t person_id, unemp_list *out, err_info *e);

void unemp_list_free(unemp_list *l);

/* Which registrations a search returns. */
enum unemp_status {
	UNEMP_OPEN = 0,  /* not ended */
	UNEMP_ENDED = 1, /* ended (就业 or 注销) */
	UNEMP_ANY = 2,
};

typedef struct unemp_filter {
	const char *office; /* of this office; NULL or "" for every office */
	int status;         /* enum unemp_status */
	const char *query; /* as person_search: ID prefix, pinyin initials or name prefix; "" all */
	const char *category; /* having this 人员类别 code; NULL or "" any */
	const char *reg_to;   /* registered on or before this YYYY-MM-DD; NULL or "" any */
} unemp_filter;

/* A registration with the person it belongs to, as a search returns it. */
typedef struct unemp_hit {
	unemp_reg reg; /* categories included */
	char id_no[19];
	char name[128];
	int sex;
	char birth_date[11];
} unemp_hit;

typedef struct unemp_hit_list {
	unemp_hit *items;
	size_t n;
} unemp_hit_list;

/*
 * Registrations matching every condition of flt, newest registration date
 * first, one page; *total (may be NULL) as db_count_bound() says. A query
 * over 127 bytes is ERR_DB_TOO_LONG (MSG_COL_QUERY).
 */
err_code unemp_search(db *d, const unemp_filter *flt, size_t offset, size_t limit,
                      unemp_hit_list *out, size_t *total, err_info *e);

void unemp_hit_list_free(unemp_hit_list *l);

/*
 * The highest sequence number among the 就业创业证 numbers matching the
 * GLOB pattern glob, read as the seq_len digits from 0-based position
 * seq_at; 0 when none match. Call it inside the transaction that stores
 * the next number, so no other session takes the same one.
 */
err_code unemp_card_max_seq(db *d, const char *glob, int seq_at, int seq_len, long *out,
                            err_info *e);

/* Record a follow-up service (f->id must be 0); operator is the acting one. */
err_code unemp_followup_add(db *d, unemp_followup *f, err_info *e);

/* One follow-up by id; ERR_NOT_FOUND. */
err_code unemp_followup_get(db *d, int64_t id, unemp_followup *out, err_info *e);

/* Versioned update of date, kind and note (registration and operator stay). */
err_code unemp_followup_update(db *d, unemp_followup *f, err_info *e);

/* Follow-ups of a registration by date. */
err_code unemp_followup_list_reg(db *d, int64_t reg_id, unemp_followup_list *out, err_info *e);

void unemp_followup_list_free(unemp_followup_list *l);

#endif
