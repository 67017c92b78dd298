/*
 * code — the code tables (民族, 学历, 行业门类, 解除终止原因 …) in one
 * table: each item has a table name, a code, a Chinese name, the pinyin
 * initials of the name for picklist search, a sort order, the edition of the
 * standard it comes from, an active flag (old editions and retired codes
 * stay for old records but are not offered), and optional flags as JSON.
 * The table 'code_table' lists the tables themselves.
 */
#ifndef LAOBAO_CODE_H
#define LAOBAO_CODE_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

/* Table names, as seeded by the schema (rules.md §3, §4, §6, §7, §8). */
#define CODE_T_TABLES "code_table"
#define CODE_T_SEX "sex"                       /* 性别 GB/T 2261.1 */
#define CODE_T_ETHNICITY "ethnicity"           /* 民族 GB/T 3304 */
#define CODE_T_EDUCATION "education"           /* 学历 GB/T 4658 (editions 2006, 1984) */
#define CODE_T_HUKOU_TYPE "hukou_type"         /* 户口性质 */
#define CODE_T_MARITAL "marital"               /* 婚姻状况 GB/T 2261.2 */
#define CODE_T_POLITICS "politics"             /* 政治面貌 GB/T 4762 */
#define CODE_T_INDUSTRY "industry"             /* 行业门类 GB/T 4754 (editions 2017, 2002) */
#define CODE_T_ECON_TYPE "econ_type"           /* 经济类型 */
#define CODE_T_UNEMP_CATEGORY "unemp_category" /* 登记失业人员类别 */
#define CODE_T_UNEMP_REASON "unemp_reason"     /* 失业原因 */
#define CODE_T_CANCEL_REASON "cancel_reason"   /* 注销原因 ZX01–ZX11 */
#define CODE_T_DIFFICULTY "difficulty"         /* 就业困难人员类别 */
#define CODE_T_SERVICE_KIND "service_kind"     /* 就业服务类型 */
#define CODE_T_TRAINING_TYPE "training_type"   /* 培训类型 */
#define CODE_T_SKILL_LEVEL "skill_level"       /* 职业技能等级 */
#define CODE_T_CONTRACT_TYPE "contract_type"   /* 合同期限类型 */
#define CODE_T_CONTRACT_EVENT "contract_event" /* 合同事件类型 */
#define CODE_T_END_REASON "end_reason"     /* 解除终止原因; extra: kind, basis, comp, ui */
#define CODE_T_DISPUTE_TYPE "dispute_type" /* 争议类型 */
#define CODE_T_CLOSURE "closure"           /* 结案方式 */

typedef struct code_item {
	int64_t id;
	char table[24]; /* code table name */
	char code[16];
	char name[184]; /* up to 60 characters */
	char py[64];    /* pinyin initials of name, lower case */
	int sort;
	char edition[16]; /* edition of the standard, "" when there is one */
	int active;       /* 1 = offered in picklists */
	char extra[256];  /* JSON object of flags, "" none */
	int64_t version;
} code_item;

typedef struct code_list {
	code_item *items;
	size_t n;
} code_list;

/* Items of a table by sort order; inactive ones too when include_inactive. */
err_code code_list_table(db *d, const char *table, int include_inactive, code_list *out,
                         err_info *e);

/*
 * One code of a table: the active item, else the one of the latest edition
 * (an old record's code). ERR_NOT_FOUND naming the code.
 */
err_code code_get(db *d, const char *table, const char *code, code_item *out, err_info *e);

/*
 * Active items whose code, name or pinyin initials start with query
 * (initials compared in lower case), by sort order, at most limit.
 */
err_code code_search(db *d, const char *table, const char *query, size_t limit, code_list *out,
                     err_info *e);

/*
 * One flag from a code's extra JSON ("comp" of end_reason J36E → "Y") into
 * buf; "" when the code has no such flag. key: letters, digits and _.
 */
err_code code_extra(db *d, const char *table, const char *code, const char *key, char *buf,
                    size_t size, err_info *e);

/* Add a local code (item->id must be 0) / save a changed one (versioned). */
err_code code_insert(db *d, code_item *item, err_info *e);
err_code code_update(db *d, code_item *item, err_info *e);

void code_list_free(code_list *l);

#endif
