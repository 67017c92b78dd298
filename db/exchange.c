/*
 * exchange — the exchanged tables as data (see exchange.h).
 *
 * A reference leaves the office as the natural key of the row it points at
 * (公民身份号码, 统一社会信用代码 or 组织机构代码, 案号, class or room code) or,
 * for rows without one, its uid; the receiving office turns it back into
 * its own row id with the `resolve` query. Operator ids are never exported:
 * operators belong to one installation.
 */
#include "db/exchange.h"

#include <string.h>

/* Table indexes in exchange_tables_list, used by references. */
enum {
	X_OFFICES,
	X_PERSONS,
	X_EMPLOYERS,
	X_UNEMP_REGS,
	X_UNEMP_FOLLOWUPS,
	X_CLASSES,
	X_ENROLLMENTS,
	X_ATTENDANCE,
	X_ASSESSMENTS,
	X_CONTRACTS,
	X_CONTRACT_EVENTS,
	X_CASES,
	X_PARTIES,
	X_CLAIMS,
	X_ARBITRATORS,
	X_ROOMS,
	X_HEARINGS,
	X_HEARING_LOG,
	X_OUTCOMES,
};

const char *const exchange_tail_names[EXCHANGE_TAIL_COLS] = {"row_version", "base_office",
                                                             "base_version"};

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define F(name, type)                                                                              \
	{                                                                                          \
		name, type, NULL, 1                                                                \
	}
#define FX(name, type, out)                                                                        \
	{                                                                                          \
		name, type, out, 0                                                                 \
	}

/* How a reference is written out and found again. */
#define OUT_PERSON(col) "(SELECT id_no FROM persons WHERE id = t." col ")"
#define OUT_EMPLOYER(col) "(SELECT coalesce(uscc, org_code) FROM employers WHERE id = t." col ")"
#define OUT_UID(table, col) "(SELECT uid FROM " table " WHERE id = t." col ")"
#define FIND_PERSON "SELECT id FROM persons WHERE id_no = ?1"
#define FIND_EMPLOYER                                                                              \
	"SELECT id FROM employers WHERE uscc = ?1 UNION ALL "                                      \
	"SELECT id FROM employers WHERE uscc IS NULL AND org_code = ?1 LIMIT 1"
#define FIND_UID(table) "SELECT id FROM " table " WHERE uid = ?1"

/* ---- reference data and the people and employers records point at ---- */

static const exchange_field offices_f[] = {
    F("code", EX_TEXT),
    F("name", EX_TEXT),
    F("area_code", EX_TEXT),
    F("case_prefix", EX_TEXT0),
};

static const exchange_field persons_f[] = {
    F("id_no", EX_TEXT),     F("name", EX_TEXT),       F("name_py", EX_TEXT0),
    F("sex", EX_INT),        F("birth_date", EX_TEXT), F("ethnicity", EX_TEXT),
    F("education", EX_TEXT), F("hukou_type", EX_TEXT), F("hukou_area", EX_TEXT),
    F("marital", EX_TEXT),   F("politics", EX_TEXT),   F("phone", EX_TEXT),
    F("address", EX_TEXT),   F("email", EX_TEXT),      F("office", EX_TEXT),
    F("remark", EX_TEXT),
};

static const exchange_field employers_f[] = {
    F("uscc", EX_TEXT),       F("org_code", EX_TEXT),  F("reg_no", EX_TEXT),
    F("name", EX_TEXT),       F("name_py", EX_TEXT0),  F("econ_type", EX_TEXT),
    F("industry", EX_TEXT),   F("area_code", EX_TEXT), F("address", EX_TEXT),
    F("legal_rep", EX_TEXT),  F("contact", EX_TEXT),   F("phone", EX_TEXT),
    F("staff_count", EX_INT), F("office", EX_TEXT),
};

/* ---- 失业登记 ---- */

static const exchange_field unemp_regs_f[] = {
    /* 0 */ F("uid", EX_TEXT),
    /* 1 */ FX("person_id_no", EX_TEXT, OUT_PERSON("person_id")),
    /* 2 */ F("office", EX_TEXT),
    /* 3 */ F("reg_date", EX_TEXT),
    /* 4 */ F("hukou_kind", EX_INT),
    /* 5 */ F("reason", EX_TEXT),
    /* 6 */ FX("last_employer_code", EX_TEXT, OUT_EMPLOYER("last_employer_id")),
    /* 7 */ F("last_employer_uscc", EX_TEXT),
    /* 8 */ F("last_employer_name", EX_TEXT),
    /* 9 */ F("involuntary", EX_INT),
    /* 10 */ F("contrib_months", EX_INT),
    /* 11 */ F("entitle_months", EX_INT),
    /* 12 */ F("remain_months", EX_INT),
    /* 13 */ F("difficulty", EX_TEXT),
    /* 14 */ F("low_income", EX_INT),
    /* 15 */ F("disability", EX_INT),
    /* 16 */ F("graduate", EX_INT),
    /* 17 */ F("wish_occupation", EX_TEXT),
    /* 18 */ F("wish_industry", EX_TEXT),
    /* 19 */ F("wish_wage", EX_INT),
    /* 20 */ F("card_no", EX_TEXT),
    /* 21 */ F("end_date", EX_TEXT),
    /* 22 */ F("end_reason", EX_TEXT),
    /* 23 */ FX("new_employer_code", EX_TEXT, OUT_EMPLOYER("new_employer_id")),
    /* 24 */
    FX("categories", EX_LIST,
       "(SELECT group_concat(code, ';') FROM (SELECT code FROM unemp_reg_categories "
       "WHERE reg_id = t.id ORDER BY code))"),
};
static const exchange_ref unemp_regs_r[] = {
    {"person_id", X_PERSONS, FIND_PERSON, 1, -1},
    {"last_employer_id", X_EMPLOYERS, FIND_EMPLOYER, 6, -1},
    {"new_employer_id", X_EMPLOYERS, FIND_EMPLOYER, 23, -1},
};

static const exchange_field unemp_followups_f[] = {
    F("uid", EX_TEXT),          FX("reg_uid", EX_TEXT, OUT_UID("unemp_regs", "reg_id")),
    F("service_date", EX_TEXT), F("kind", EX_TEXT),
    F("note", EX_TEXT),
};
static const exchange_ref unemp_followups_r[] = {
    {"reg_id", X_UNEMP_REGS, FIND_UID("unemp_regs"), 1, -1},
};

/* ---- 培训报名 ---- */

static const exchange_field classes_f[] = {
    F("code", EX_TEXT),  F("name", EX_TEXT),       F("type", EX_TEXT),     F("occupation", EX_TEXT),
    F("level", EX_TEXT), F("start_date", EX_TEXT), F("end_date", EX_TEXT), F("capacity", EX_INT),
    F("hours", EX_INT),  F("provider", EX_TEXT),   F("office", EX_TEXT),   F("status", EX_TEXT),
};

#define FIND_CLASS "SELECT id FROM training_classes WHERE code = ?1"
#define FIND_ENROLLMENT                                                                            \
	"SELECT x.id FROM training_enrollments x JOIN training_classes c ON c.id = x.class_id "    \
	"JOIN persons p ON p.id = x.person_id WHERE c.code = ?1 AND p.id_no = ?2"
#define OUT_ENROLLMENT_CLASS                                                                       \
	"(SELECT c.code FROM training_enrollments x JOIN training_classes c ON c.id = x.class_id " \
	"WHERE x.id = t.enrollment_id)"
#define OUT_ENROLLMENT_PERSON                                                                      \
	"(SELECT p.id_no FROM training_enrollments x JOIN persons p ON p.id = x.person_id "        \
	"WHERE x.id = t.enrollment_id)"

static const exchange_field enrollments_f[] = {
    FX("class_code", EX_TEXT, "(SELECT code FROM training_classes WHERE id = t.class_id)"),
    FX("person_id_no", EX_TEXT, OUT_PERSON("person_id")),
    F("enroll_date", EX_TEXT),
    F("status", EX_TEXT),
    F("result", EX_TEXT),
    F("cert_no", EX_TEXT),
    F("cert_level", EX_TEXT),
    F("cert_date", EX_TEXT),
};
static const exchange_ref enrollments_r[] = {
    {"class_id", X_CLASSES, FIND_CLASS, 0, -1},
    {"person_id", X_PERSONS, FIND_PERSON, 1, -1},
};

static const exchange_field attendance_f[] = {
    FX("class_code", EX_TEXT, OUT_ENROLLMENT_CLASS),
    FX("person_id_no", EX_TEXT, OUT_ENROLLMENT_PERSON),
    F("day", EX_TEXT),
    F("present", EX_INT),
};
static const exchange_ref enrollment_r[] = {
    {"enrollment_id", X_ENROLLMENTS, FIND_ENROLLMENT, 0, 1},
};

static const exchange_field assessments_f[] = {
    FX("class_code", EX_TEXT, OUT_ENROLLMENT_CLASS),
    FX("person_id_no", EX_TEXT, OUT_ENROLLMENT_PERSON),
    F("assess_date", EX_TEXT),
    F("kind", EX_TEXT),
    F("score", EX_REAL),
    F("passed", EX_INT),
};

/* ---- 劳动合同备案 ---- */

static const exchange_field contracts_f[] = {
    /* 0 */ F("uid", EX_TEXT),
    /* 1 */ FX("employer_code", EX_TEXT, OUT_EMPLOYER("employer_id")),
    /* 2 */ FX("person_id_no", EX_TEXT, OUT_PERSON("person_id")),
    F("type", EX_INT),
    F("dispatch", EX_INT),
    F("part_time", EX_INT),
    F("start_date", EX_TEXT),
    F("end_date", EX_TEXT),
    F("probation_end", EX_TEXT),
    F("wage", EX_INT),
    F("probation_wage", EX_NINT),
    F("post", EX_TEXT),
    F("work_place", EX_TEXT),
    F("signed_date", EX_TEXT),
    F("status", EX_TEXT),
    F("filed_date", EX_TEXT),
    F("office", EX_TEXT),
};
static const exchange_ref contracts_r[] = {
    {"employer_id", X_EMPLOYERS, FIND_EMPLOYER, 1, -1},
    {"person_id", X_PERSONS, FIND_PERSON, 2, -1},
};

static const exchange_field contract_events_f[] = {
    F("uid", EX_TEXT),         FX("contract_uid", EX_TEXT, OUT_UID("contracts", "contract_id")),
    F("kind", EX_TEXT),        F("event_date", EX_TEXT),
    F("reason", EX_TEXT),      F("new_end_date", EX_TEXT),
    F("compensation", EX_INT), F("note", EX_TEXT),
    F("filed_date", EX_TEXT),
};
static const exchange_ref contract_events_r[] = {
    {"contract_id", X_CONTRACTS, FIND_UID("contracts"), 1, -1},
};

/* ---- 劳动争议仲裁 ---- */

static const exchange_field cases_f[] = {
    F("case_no", EX_TEXT),       F("office", EX_TEXT),
    F("case_year", EX_NINT),     F("case_seq", EX_NINT),
    F("apply_date", EX_TEXT),    F("accept_date", EX_TEXT),
    F("status", EX_TEXT),        F("collective", EX_INT),
    F("worker_count", EX_INT),   F("simple", EX_INT),
    F("total_amount", EX_INT),   F("extension_days", EX_INT),
    F("suspended_days", EX_INT), F("clock_restart_date", EX_TEXT),
    F("closure_code", EX_TEXT),  F("closure_date", EX_TEXT),
    F("final_award", EX_INT),
};

#define OUT_CASE "(SELECT case_no FROM arb_cases WHERE id = t.case_id)"
#define FIND_CASE "SELECT id FROM arb_cases WHERE case_no = ?1"

static const exchange_field parties_f[] = {
    /* 0 */ F("uid", EX_TEXT),
    /* 1 */ FX("case_no", EX_TEXT, OUT_CASE),
    /* 2 */ F("role", EX_TEXT),
    /* 3 */ FX("person_id_no", EX_TEXT, OUT_PERSON("person_id")),
    /* 4 */ FX("employer_code", EX_TEXT, OUT_EMPLOYER("employer_id")),
    F("name", EX_TEXT),
    F("id_text", EX_TEXT),
    F("agent", EX_TEXT),
    F("address", EX_TEXT),
    F("phone", EX_TEXT),
};
static const exchange_ref parties_r[] = {
    {"case_id", X_CASES, FIND_CASE, 1, -1},
    {"person_id", X_PERSONS, FIND_PERSON, 3, -1},
    {"employer_id", X_EMPLOYERS, FIND_EMPLOYER, 4, -1},
};

static const exchange_field claims_f[] = {
    F("uid", EX_TEXT),     FX("case_no", EX_TEXT, OUT_CASE), F("type", EX_TEXT),
    F("amount", EX_INT),   F("description", EX_TEXT),        F("awarded", EX_NINT),
    F("outcome", EX_TEXT),
};
static const exchange_ref case_r[] = {
    {"case_id", X_CASES, FIND_CASE, 1, -1},
};

static const exchange_field arbitrators_f[] = {
    F("uid", EX_TEXT),
    F("name", EX_TEXT),
    F("office", EX_TEXT),
    F("active", EX_INT),
};

static const exchange_field rooms_f[] = {
    F("code", EX_TEXT),
    F("name", EX_TEXT),
    F("office", EX_TEXT),
    F("active", EX_INT),
};

static const exchange_field hearings_f[] = {
    /* 0 */ F("uid", EX_TEXT),
    /* 1 */ FX("case_no", EX_TEXT, OUT_CASE),
    /* 2 */ F("start_at", EX_TEXT),
    /* 3 */ F("end_at", EX_TEXT),
    /* 4 */ FX("room_code", EX_TEXT, "(SELECT code FROM hearing_rooms WHERE id = t.room_id)"),
    /* 5 */ FX("chief_uid", EX_TEXT, OUT_UID("arbitrators", "chief_id")),
    /* 6 */ FX("member1_uid", EX_TEXT, OUT_UID("arbitrators", "member1_id")),
    /* 7 */ FX("member2_uid", EX_TEXT, OUT_UID("arbitrators", "member2_id")),
    /* 8 */ F("notice_date", EX_TEXT),
    /* 9 */ F("status", EX_TEXT),
};
static const exchange_ref hearings_r[] = {
    {"case_id", X_CASES, FIND_CASE, 1, -1},
    {"room_id", X_ROOMS, "SELECT id FROM hearing_rooms WHERE code = ?1", 4, -1},
    {"chief_id", X_ARBITRATORS, FIND_UID("arbitrators"), 5, -1},
    {"member1_id", X_ARBITRATORS, FIND_UID("arbitrators"), 6, -1},
    {"member2_id", X_ARBITRATORS, FIND_UID("arbitrators"), 7, -1},
};

/* A correction names the line it corrects by its number in the same hearing. */
static const exchange_field hearing_log_f[] = {
    /* 0 */ FX("hearing_uid", EX_TEXT, OUT_UID("hearings", "hearing_id")),
    /* 1 */ F("seq", EX_INT),
    /* 2 */ F("at", EX_TEXT),
    /* 3 */ F("speaker", EX_TEXT0),
    /* 4 */ F("text", EX_TEXT0),
    /* 5 */ F("kind", EX_TEXT),
    /* 6 */
    FX("corrects_seq", EX_NINT, "(SELECT x.seq FROM hearing_log x WHERE x.id = t.corrects_id)"),
};
static const exchange_ref hearing_log_r[] = {
    {"hearing_id", X_HEARINGS, FIND_UID("hearings"), 0, -1},
    {"corrects_id", X_HEARING_LOG,
     "SELECT l.id FROM hearing_log l JOIN hearings h ON h.id = l.hearing_id "
     "WHERE h.uid = ?1 AND l.seq = ?2",
     0, 6},
};

static const exchange_field outcomes_f[] = {
    F("uid", EX_TEXT),    FX("case_no", EX_TEXT, OUT_CASE),
    F("kind", EX_TEXT),   F("outcome_date", EX_TEXT),
    F("doc_no", EX_TEXT), F("final", EX_INT),
    F("text", EX_TEXT),
};

#define T(name, f, r, nr) name, f, N(f), r, nr
#define VO (EX_VERSIONED | EX_OFFICE)

static const exchange_table exchange_tables_list[] = {
    [X_OFFICES] =
        {T("offices", offices_f, NULL, 0), {{0}}, 1, "t.code = ?1", {0}, 1, {0}, 1, EX_VERSIONED},
    [X_PERSONS] = {T("persons", persons_f, NULL, 0), {{0}}, 1, "t.id_no = ?1", {0}, 1, {0}, 1, VO},
    [X_EMPLOYERS] = {T("employers", employers_f, NULL, 0),
                     {{-1, "coalesce(t.uscc, t.org_code)", 0}, {-1, "t.id", 1}},
                     2,
                     "t.id = (SELECT id FROM employers WHERE uscc = ?1 UNION ALL SELECT id FROM "
                     "employers WHERE ?1 IS NULL AND uscc IS NULL AND org_code = ?2 LIMIT 1)",
                     {0, 1},
                     2,
                     {0, 1},
                     2,
                     VO | EX_KEY_FIRST},
    [X_UNEMP_REGS] = {T("unemp_regs", unemp_regs_f, unemp_regs_r, N(unemp_regs_r)),
                      {{0}},
                      1,
                      "t.uid = ?1",
                      {0},
                      1,
                      {0},
                      1,
                      VO},
    [X_UNEMP_FOLLOWUPS] = {T("unemp_followups", unemp_followups_f, unemp_followups_r,
                             N(unemp_followups_r)),
                           {{0}},
                           1,
                           "t.uid = ?1",
                           {0},
                           1,
                           {0},
                           1,
                           EX_VERSIONED},
    [X_CLASSES] =
        {T("training_classes", classes_f, NULL, 0), {{0}}, 1, "t.code = ?1", {0}, 1, {0}, 1, VO},
    [X_ENROLLMENTS] = {T("training_enrollments", enrollments_f, enrollments_r, N(enrollments_r)),
                       {{0}, {1}},
                       2,
                       "t.class_id = ?1 AND t.person_id = ?2",
                       {EX_IDENT_REF(0), EX_IDENT_REF(1)},
                       2,
                       {0, 1},
                       2,
                       EX_VERSIONED},
    [X_ATTENDANCE] = {T("training_attendance", attendance_f, enrollment_r, N(enrollment_r)),
                      {{0}, {1}, {2}},
                      3,
                      "t.enrollment_id = ?1 AND t.day = ?2",
                      {EX_IDENT_REF(0), 2},
                      2,
                      {0, 1, 2},
                      3,
                      EX_VERSIONED},
    [X_ASSESSMENTS] = {T("training_assessments", assessments_f, enrollment_r, N(enrollment_r)),
                       {{0}, {1}, {2}, {3}},
                       4,
                       "t.enrollment_id = ?1 AND t.kind = ?2 AND t.assess_date = ?3",
                       {EX_IDENT_REF(0), 3, 2},
                       3,
                       {0, 1, 2, 3},
                       4,
                       EX_VERSIONED},
    [X_CONTRACTS] = {T("contracts", contracts_f, contracts_r, N(contracts_r)),
                     {{0}},
                     1,
                     "t.uid = ?1",
                     {0},
                     1,
                     {0},
                     1,
                     VO},
    [X_CONTRACT_EVENTS] = {T("contract_events", contract_events_f, contract_events_r,
                             N(contract_events_r)),
                           {{0}},
                           1,
                           "t.uid = ?1",
                           {0},
                           1,
                           {0},
                           1,
                           EX_VERSIONED},
    [X_CASES] = {T("arb_cases", cases_f, NULL, 0), {{0}}, 1, "t.case_no = ?1", {0}, 1, {0}, 1, VO},
    [X_PARTIES] = {T("arb_parties", parties_f, parties_r, N(parties_r)),
                   {{0}},
                   1,
                   "t.uid = ?1",
                   {0},
                   1,
                   {0},
                   1,
                   EX_VERSIONED},
    [X_CLAIMS] = {T("arb_claims", claims_f, case_r, N(case_r)),
                  {{0}},
                  1,
                  "t.uid = ?1",
                  {0},
                  1,
                  {0},
                  1,
                  EX_VERSIONED},
    [X_ARBITRATORS] =
        {T("arbitrators", arbitrators_f, NULL, 0), {{0}}, 1, "t.uid = ?1", {0}, 1, {0}, 1, VO},
    [X_ROOMS] = {T("hearing_rooms", rooms_f, NULL, 0), {{0}}, 1, "t.code = ?1", {0}, 1, {0}, 1, VO},
    [X_HEARINGS] = {T("hearings", hearings_f, hearings_r, N(hearings_r)),
                    {{0}},
                    1,
                    "t.uid = ?1",
                    {0},
                    1,
                    {0},
                    1,
                    EX_VERSIONED},
    [X_HEARING_LOG] = {T("hearing_log", hearing_log_f, hearing_log_r, N(hearing_log_r)),
                       {{0}, {1, NULL, 1}},
                       2,
                       "t.hearing_id = ?1 AND t.seq = ?2",
                       {EX_IDENT_REF(0), 1},
                       2,
                       {0, 1},
                       2,
                       EX_APPEND},
    [X_OUTCOMES] = {T("arb_outcomes", outcomes_f, case_r, N(case_r)),
                    {{0}},
                    1,
                    "t.uid = ?1",
                    {0},
                    1,
                    {0},
                    1,
                    EX_VERSIONED},
};

const exchange_table *exchange_tables(size_t *n)
{
	*n = N(exchange_tables_list);
	return exchange_tables_list;
}

int exchange_table_index(const char *name)
{
	for (size_t i = 0; i < N(exchange_tables_list); i++)
		if (strcmp(exchange_tables_list[i].name, name) == 0)
			return (int)i;
	return -1;
}
