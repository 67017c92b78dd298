/*
 * arb — labor-dispute arbitration dockets (劳动争议仲裁): cases with their
 * parties and claims, arbitrators and hearing rooms, hearings with the
 * tribunal and room booked for a time, the clerk's hearing log (笔录), and
 * outcomes (调解书, 裁决书, 决定书). Statutory deadlines are computed above
 * db from the dates and day counts stored here.
 */
#ifndef LAOBAO_ARB_H
#define LAOBAO_ARB_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

/* Case status. */
#define ARB_APPLIED "applied"
#define ARB_ACCEPTED "accepted"
#define ARB_REJECTED "rejected" /* 不予受理 */
#define ARB_SUSPENDED "suspended"
#define ARB_CLOSED "closed"

/* Party roles. */
#define ARB_APPLICANT "applicant"
#define ARB_RESPONDENT "respondent"
#define ARB_THIRD "third"

/* Hearing status. */
#define ARB_SCHEDULED "scheduled"
#define ARB_HELD "held"
#define ARB_POSTPONED "postponed"
#define ARB_CANCELLED "cancelled"

/* Hearing-log line kinds. */
#define ARB_LINE "line"
#define ARB_CORRECTION "correction"
#define ARB_CORRECTION_REFUSED "correction_refused"

typedef struct arb_case {
	int64_t id;
	char case_no[128]; /* 案号, unique, up to 40 characters */
	char office[13];   /* the commission */
	int case_year;     /* year and number inside the case number, 0 if unknown */
	int case_seq;
	char apply_date[11];
	char accept_date[11];        /* "" until accepted */
	char status[12];             /* ARB_APPLIED … ("" = applied on insert) */
	int collective;              /* 集体争议: needs worker_count >= 10 */
	int worker_count;            /* workers on the applicant side (0 is taken as 1) */
	int simple;                  /* 简易处理 */
	int64_t total_amount;        /* sum claimed, fen */
	int extension_days;          /* approved extension, 0-15 */
	int suspended_days;          /* days the clock stood still (中止) */
	char clock_restart_date[11]; /* the 45-day clock restarted on this date, "" never */
	char closure_code[5];        /* 结案方式 TJ, CJ-Z …, "" open */
	char closure_date[11];
	int final_award; /* 终局裁决 */
	int64_t version;
	int64_t chg_seq;
	char created_at[21];
	char updated_at[21];
} arb_case;

typedef struct arb_case_list {
	arb_case *items;
	size_t n;
} arb_case_list;

typedef struct arb_party {
	int64_t id;
	int64_t case_id;
	char role[12];       /* ARB_APPLICANT … */
	int64_t person_id;   /* 0 when not a registered person */
	int64_t employer_id; /* 0 when not a registered employer */
	char name[304];
	char id_text[33]; /* ID number or credit code as given */
	char agent[184];  /* 委托代理人 */
	char address[304];
	char phone[32];
	int64_t version;
	int64_t chg_seq;
} arb_party;

typedef struct arb_party_list {
	arb_party *items;
	size_t n;
} arb_party_list;

typedef struct arb_claim {
	int64_t id;
	int64_t case_id;
	char type[3];           /* 争议类型 01-99 */
	int64_t amount;         /* claimed, fen */
	char description[1504]; /* 请求事项, up to 500 characters */
	int64_t awarded;        /* fen; stored only with an outcome */
	char outcome[12];       /* granted, partly, rejected, mediated, withdrawn; "" open */
	int64_t version;
	int64_t chg_seq;
} arb_claim;

typedef struct arb_claim_list {
	arb_claim *items;
	size_t n;
} arb_claim_list;

typedef struct arb_arbitrator {
	int64_t id;
	char name[64];
	int64_t operator_id; /* 0 when the arbitrator does not log in */
	char office[13];
	int active;
	int64_t version;
} arb_arbitrator;

typedef struct arb_arbitrator_list {
	arb_arbitrator *items;
	size_t n;
} arb_arbitrator_list;

typedef struct arb_room {
	int64_t id;
	char code[13];
	char name[96];
	char office[13];
	int active;
	int64_t version;
} arb_room;

typedef struct arb_room_list {
	arb_room *items;
	size_t n;
} arb_room_list;

typedef struct arb_hearing {
	int64_t id;
	int64_t case_id;
	char start_at[17]; /* local "YYYY-MM-DD HH:MM"; the booking is [start_at, end_at) */
	char end_at[17];
	int64_t room_id;
	int64_t chief_id;   /* 首席 or 独任 arbitrator */
	int64_t member1_id; /* both 0 for a sole arbitrator, both set for three */
	int64_t member2_id;
	int64_t clerk_id; /* operator, 0 none */
	char notice_date[11];
	char status[12]; /* ARB_SCHEDULED … ("" = scheduled on insert) */
	int64_t version;
	int64_t chg_seq;
	char created_at[21];
	char updated_at[21];
} arb_hearing;

typedef struct arb_hearing_list {
	arb_hearing *items;
	size_t n;
} arb_hearing_list;

typedef struct arb_log_line {
	int64_t id;
	int64_t hearing_id;
	int seq;     /* 1, 2, … per hearing, set on append */
	char at[21]; /* UTC, set on append */
	char speaker[64];
	char text[3004];     /* up to 1000 characters */
	char kind[20];       /* ARB_LINE, ARB_CORRECTION, ARB_CORRECTION_REFUSED */
	int64_t corrects_id; /* the line a correction is about, 0 for a line */
	int64_t operator_id; /* set from the acting operator */
	int64_t chg_seq;
} arb_log_line;

typedef struct arb_log {
	arb_log_line *items;
	size_t n;
} arb_log;

typedef struct arb_outcome {
	int64_t id;
	int64_t case_id;
	char kind[5]; /* 结案方式 code of the document */
	char outcome_date[11];
	char doc_no[128];
	int final;       /* 终局 (only with CJ-Z) */
	char text[3004]; /* summary, up to 1000 characters */
	int64_t version;
	int64_t chg_seq;
} arb_outcome;

typedef struct arb_outcome_list {
	arb_outcome *items;
	size_t n;
} arb_outcome_list;

/* ---- cases ---- */

/* Insert (c->id 0). ERR_DB_DUPLICATE (案号) when the number or year+seq is taken. */
err_code arb_case_insert(db *d, arb_case *c, err_info *e);
err_code arb_case_update(db *d, arb_case *c, err_info *e);
err_code arb_case_get(db *d, int64_t id, arb_case *out, err_info *e);
err_code arb_case_find_by_no(db *d, const char *case_no, arb_case *out, err_info *e);

/* The next free sequence number of an office's cases in a year (1 for the first). */
err_code arb_case_next_seq(db *d, const char *office, int year, int *out, err_info *e);

/* Open cases (applied, accepted, suspended) of an office, oldest first, one page. */
err_code arb_case_list_open(db *d, const char *office, size_t offset, size_t limit,
                            arb_case_list *out, size_t *total, err_info *e);
void arb_case_list_free(arb_case_list *l);

/* ---- parties and claims ---- */

err_code arb_party_add(db *d, arb_party *p, err_info *e);
err_code arb_party_update(db *d, arb_party *p, err_info *e);
err_code arb_party_list_case(db *d, int64_t case_id, arb_party_list *out, err_info *e);
void arb_party_list_free(arb_party_list *l);

err_code arb_claim_add(db *d, arb_claim *c, err_info *e);
err_code arb_claim_update(db *d, arb_claim *c, err_info *e);
err_code arb_claim_list_case(db *d, int64_t case_id, arb_claim_list *out, err_info *e);
void arb_claim_list_free(arb_claim_list *l);

/* ---- arbitrators and rooms ---- */

err_code arb_arbitrator_add(db *d, arb_arbitrator *a, err_info *e);
err_code arb_arbitrator_update(db *d, arb_arbitrator *a, err_info *e);
/* Active arbitrators of an office ("" = all offices) by name. */
err_code arb_arbitrator_list_office(db *d, const char *office, arb_arbitrator_list *out,
                                    err_info *e);
void arb_arbitrator_list_free(arb_arbitrator_list *l);

err_code arb_room_add(db *d, arb_room *r, err_info *e);
err_code arb_room_update(db *d, arb_room *r, err_info *e);
err_code arb_room_list_office(db *d, const char *office, arb_room_list *out, err_info *e);
void arb_room_list_free(arb_room_list *l);

/* ---- hearings ---- */

/*
 * Book a hearing (h->id 0) or change one. Inside the write transaction a
 * scheduled hearing is checked against every other scheduled hearing whose
 * [start, end) overlaps: ERR_ARB_ROOM_BUSY if the room is taken,
 * ERR_ARB_ARBITRATOR_BUSY if any of the tribunal sits elsewhere; the detail
 * names the other case number and its time (and the arbitrator).
 */
err_code arb_hearing_schedule(db *d, arb_hearing *h, err_info *e);
err_code arb_hearing_update(db *d, arb_hearing *h, err_info *e);
err_code arb_hearing_get(db *d, int64_t id, arb_hearing *out, err_info *e);
err_code arb_hearing_list_case(db *d, int64_t case_id, arb_hearing_list *out, err_info *e);

/* Hearings starting in [from, to) (local "YYYY-MM-DD HH:MM" or a date), by time. */
err_code arb_hearing_list_range(db *d, const char *from, const char *to, arb_hearing_list *out,
                                err_info *e);
void arb_hearing_list_free(arb_hearing_list *l);

/* ---- hearing log ---- */

/*
 * Append a line (l->id 0): seq, time and operator are set here. Lines are
 * never changed or removed (the database refuses); a correction or a
 * refused correction is a new line pointing at the corrected one, which
 * must belong to the same hearing (ERR_ARB_LOG_CORRECTS).
 */
err_code arb_log_append(db *d, arb_log_line *l, err_info *e);

/* Lines of a hearing in order. */
err_code arb_log_list(db *d, int64_t hearing_id, arb_log *out, err_info *e);
void arb_log_free(arb_log *l);

/* ---- outcomes ---- */

err_code arb_outcome_add(db *d, arb_outcome *o, err_info *e);
err_code arb_outcome_list_case(db *d, int64_t case_id, arb_outcome_list *out, err_info *e);
void arb_outcome_list_free(arb_outcome_list *l);

#endif
