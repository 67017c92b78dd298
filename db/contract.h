/*
 * contract — labor contracts filed (劳动合同备案) and their events: 订立,
 * 续订, 变更, 解除, 终止. A contract is an employer–person pair with a type
 * (固定期限, 无固定期限, 以完成一定工作任务为期限), dispatch and part-time
 * flags, term, probation and wage; an event records what happened and when
 * it was filed. Writing an event and the contract change it causes in one
 * transaction is the caller's db_begin … db_commit.
 */
#ifndef LAOBAO_CONTRACT_H
#define LAOBAO_CONTRACT_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

enum contract_type {
	CONTRACT_FIXED = 1, /* 固定期限: has an end date */
	CONTRACT_OPEN = 2,  /* 无固定期限 */
	CONTRACT_TASK = 3,  /* 以完成一定工作任务为期限 */
};

/* Contract status. */
#define CONTRACT_ACTIVE "active"
#define CONTRACT_DISSOLVED "dissolved"   /* 解除 */
#define CONTRACT_TERMINATED "terminated" /* 终止 */

/* Event kinds (合同事件类型). */
#define CONTRACT_EV_SIGN "01"     /* 订立 */
#define CONTRACT_EV_RENEW "02"    /* 续订 */
#define CONTRACT_EV_CHANGE "03"   /* 变更 */
#define CONTRACT_EV_DISSOLVE "04" /* 解除 */
#define CONTRACT_EV_END "05"      /* 终止 */

typedef struct contract {
	int64_t id;
	int64_t employer_id;
	int64_t person_id;
	int type;      /* enum contract_type */
	int dispatch;  /* 劳务派遣 */
	int part_time; /* 非全日制 */
	char start_date[11];
	char end_date[11];      /* only and always for CONTRACT_FIXED */
	char probation_end[11]; /* "" none */
	int64_t wage;           /* monthly wage, fen */
	int64_t probation_wage; /* fen; 0 none (never lawful with a probation) */
	char post[96];          /* 工作岗位, up to 30 characters */
	char work_place[304];
	char signed_date[11];
	char status[12];     /* CONTRACT_ACTIVE … ("" = active on insert) */
	char filed_date[11]; /* 备案日期 */
	char office[13];
	int64_t version;
	int64_t chg_seq;
	char created_at[21];
	char updated_at[21];
} contract;

typedef struct contract_list {
	contract *items;
	size_t n;
} contract_list;

typedef struct contract_event {
	int64_t id;
	int64_t contract_id;
	char kind[3]; /* CONTRACT_EV_… */
	char event_date[11];
	char reason[8];        /* 解除终止原因 code, required for 04/05 only */
	char new_end_date[11]; /* for 续订 / 变更 of the term, "" none */
	int64_t compensation;  /* 经济补偿, fen */
	char note[604];
	char filed_date[11];
	int64_t version;
	int64_t chg_seq;
	char created_at[21];
} contract_event;

typedef struct contract_event_list {
	contract_event *items;
	size_t n;
} contract_event_list;

err_code contract_insert(db *d, contract *c, err_info *e);
err_code contract_update(db *d, contract *c, err_info *e);
err_code contract_get(db *d, int64_t id, contract *out, err_info *e);

/*
 * An employer's / a person's contracts, newest start first, one page;
 * *total as db_count_bound() says.
 */
err_code contract_list_employer(db *d, int64_t employer_id, size_t offset, size_t limit,
                                contract_list *out, size_t *total, err_info *e);
err_code contract_list_person(db *d, int64_t person_id, contract_list *out, err_info *e);
void contract_list_free(contract_list *l);

/* Record an event (ev->id 0). */
err_code contract_event_add(db *d, contract_event *ev, err_info *e);

/* Events of a contract by date. */
err_code contract_event_list_contract(db *d, int64_t contract_id, contract_event_list *out,
                                      err_info *e);
void contract_event_list_free(contract_event_list *l);

#endif
