/*
 * schema — the database schema as migrations: SQL text only, applied in
 * order by migrate.c. Migration 1 creates every table of the four workflows
 * and seeds the code tables and the holiday calendar; later migrations only
 * add. Never edit a released migration: add a new one.
 *
 * The rules the database itself can keep are written here as CHECK
 * constraints, foreign keys, UNIQUE natural keys and triggers, so a bug or a
 * careless import above db/ cannot store what the forms would refuse. CHECK
 * constraints are named "table.column" so that db_error() can name the field
 * in the user's message. Dates are ISO text 'YYYY-MM-DD' checked for shape
 * and reality (date(x, '+0 days') normalises 02-30 to 03-02, so it differs);
 * timestamps are UTC 'YYYY-MM-DDTHH:MM:SSZ'; hearing times are local
 * 'YYYY-MM-DD HH:MM'; money is INTEGER fen (分). Text limits are in
 * characters and, where a C struct holds the value, also in bytes.
 *
 * The SQL is kept portable where SQLite allows (the plan is PostgreSQL
 * later): INTEGER PRIMARY KEY ↔ identity, GLOB ↔ SIMILAR TO, json_valid ↔
 * jsonb, length(CAST(x AS BLOB)) ↔ octet_length.
 */
#include "db/dbint.h"

/* The SQL is laid out by hand, one column per line. */
/* clang-format off */

/* Named CHECK: the name is what SQLite reports when it fails. */
#define CK(t, c) " CONSTRAINT \"" t "." c "\" CHECK "
#define DATE_OK(c)                                                                                 \
	"(" c " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(" c                     \
	", '+0 days') IS " c ")"
#define STAMP_OK(c)                                                                                \
	"(" c " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' " \
	"AND datetime(" c ", '+0 seconds') IS replace(substr(" c ", 1, 19), 'T', ' '))"
#define MINUTE_OK(c)                                                                               \
	"(" c " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]' AND datetime(" \
	c ", '+0 minutes') IS " c " || ':00')"
#define LEN(c, lo, hi, bytes)                                                                      \
	"(length(" c ") BETWEEN " #lo " AND " #hi " AND length(CAST(" c " AS BLOB)) <= " #bytes ")"
#define DIGITS(c, n) "(length(" c ") = " #n " AND " c " NOT GLOB '*[^0-9]*')"
#define CODE(c, lo, hi) "(length(" c ") BETWEEN " #lo " AND " #hi " AND " c " NOT GLOB '*[^0-9A-Z-]*')"
#define KEY(c, hi) "(length(" c ") BETWEEN 1 AND " #hi " AND " c " NOT GLOB '*[^0-9A-Za-z_.-]*')"
#define USCC_OK(c) "(length(" c ") = 18 AND " c " NOT GLOB '*[^0-9A-HJ-NP-RTUWXY]*')"
#define PY_OK(c, hi) "(length(" c ") <= " #hi " AND " c " NOT GLOB '*[^a-z]*')"
#define FLAG(t, c, def) c " INTEGER NOT NULL DEFAULT " #def CK(t, c) "(" c " IN (0, 1))"
#define OPT(c, cond) "(" c " IS NULL OR " cond ")"

/* Columns every mutable table has: row version, change sequence, times. */
#define ROWMETA(t)                                                                                 \
	"version INTEGER NOT NULL DEFAULT 1" CK(t, "version") "(version >= 1),\n"                  \
	"  chg_seq INTEGER NOT NULL DEFAULT 0" CK(t, "chg_seq") "(chg_seq >= 0),\n"                \
	"  created_at TEXT NOT NULL" CK(t, "created_at") STAMP_OK("created_at") ",\n"              \
	"  updated_at TEXT NOT NULL" CK(t, "updated_at") STAMP_OK("updated_at")

/*
 * Every update must raise the row version by exactly one, so an UPDATE that
 * forgot the optimistic-locking rule fails instead of silently overwriting
 * someone's save.
 */
#define VERSION_TRIGGER(t)                                                                         \
	"CREATE TRIGGER " t "_version BEFORE UPDATE ON " t                                         \
	" WHEN NEW.version IS NOT OLD.version + 1\n"                                               \
	"BEGIN SELECT RAISE(ABORT, 'version: " t "'); END;\n"

/* Append-only tables: UPDATE and DELETE are refused by the database. */
#define APPEND_ONLY(t)                                                                             \
	"CREATE TRIGGER " t "_no_update BEFORE UPDATE ON " t                                       \
	" BEGIN SELECT RAISE(ABORT, 'append-only: " t "'); END;\n"                                 \
	"CREATE TRIGGER " t "_no_delete BEFORE DELETE ON " t                                       \
	" BEGIN SELECT RAISE(ABORT, 'append-only: " t "'); END;\n"

/* ---- migration 1: reference data, operators, persons, employers ---- */

static const char schema_v1_base[] =
    "CREATE TABLE offices (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  code TEXT NOT NULL UNIQUE" CK("offices", "code") KEY("code", 12) ",\n"
    "  name TEXT NOT NULL" CK("offices", "name") LEN("name", 1, 60, 183) ",\n"
    "  area_code TEXT NOT NULL" CK("offices", "area_code") DIGITS("area_code", 6) ",\n"
    "  case_prefix TEXT NOT NULL DEFAULT ''" CK("offices", "case_prefix") LEN("case_prefix", 0, 12, 47) ",\n"
    "  " ROWMETA("offices") "\n"
    ");\n"
    VERSION_TRIGGER("offices")

    "CREATE TABLE settings (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  key TEXT NOT NULL UNIQUE" CK("settings", "key") KEY("key", 64) ",\n"
    "  value TEXT NOT NULL" CK("settings", "value") LEN("value", 0, 1000, 4000) ",\n"
    "  " ROWMETA("settings") "\n"
    ");\n"
    VERSION_TRIGGER("settings")

    /* One table for every code table; old editions kept inactive for old data. */
    "CREATE TABLE code_items (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  tbl TEXT NOT NULL" CK("code_items", "tbl") "(length(tbl) BETWEEN 1 AND 23 AND tbl NOT GLOB '*[^a-z_]*'),\n"
    "  code TEXT NOT NULL" CK("code_items", "code") "(length(code) BETWEEN 1 AND 15 AND code NOT GLOB '*[^0-9A-Za-z_-]*'),\n"
    "  name TEXT NOT NULL" CK("code_items", "name") LEN("name", 1, 60, 183) ",\n"
    "  py TEXT NOT NULL DEFAULT ''" CK("code_items", "py") PY_OK("py", 63) ",\n"
    "  sort INTEGER NOT NULL DEFAULT 0,\n"
    "  edition TEXT NOT NULL DEFAULT ''" CK("code_items", "edition") "(length(edition) <= 15 AND edition NOT GLOB '*[^0-9A-Za-z_.-]*'),\n"
    "  " FLAG("code_items", "active", 1) ",\n"
    "  extra TEXT" CK("code_items", "extra") OPT("extra", "(json_valid(extra) AND length(CAST(extra AS BLOB)) <= 255)") ",\n"
    "  " ROWMETA("code_items") ",\n"
    "  UNIQUE (tbl, edition, code)\n"
    ");\n"
    "CREATE INDEX code_items_code ON code_items(tbl, code);\n"
    "CREATE INDEX code_items_name ON code_items(tbl, name);\n"
    "CREATE INDEX code_items_py ON code_items(tbl, py);\n"
    VERSION_TRIGGER("code_items")

    /* Holidays and adjusted working days; other days follow the weekday. */
    "CREATE TABLE calendar (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  day TEXT NOT NULL UNIQUE" CK("calendar", "day") DATE_OK("day") ",\n"
    "  kind TEXT NOT NULL" CK("calendar", "kind") "(kind IN ('holiday', 'workday')),\n"
    "  name TEXT NOT NULL DEFAULT ''" CK("calendar", "name") LEN("name", 0, 15, 47) ",\n"
    "  " ROWMETA("calendar") "\n"
    ");\n"
    VERSION_TRIGGER("calendar")

    /* Dated amounts per area (minimum wage, average wage, benefit), in fen. */
    "CREATE TABLE area_rates (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  area_code TEXT NOT NULL" CK("area_rates", "area_code") DIGITS("area_code", 6) ",\n"
    "  kind TEXT NOT NULL" CK("area_rates", "kind") "(kind IN ('min_wage_month', 'min_wage_hour', 'avg_wage_prev_year', 'ui_benefit_month')),\n"
    "  valid_from TEXT NOT NULL" CK("area_rates", "valid_from") DATE_OK("valid_from") ",\n"
    "  amount INTEGER NOT NULL" CK("area_rates", "amount") "(amount >= 0),\n"
    "  note TEXT" CK("area_rates", "note") LEN("note", 0, 100, 303) ",\n"
    "  " ROWMETA("area_rates") ",\n"
    "  UNIQUE (area_code, kind, valid_from)\n"
    ");\n"
    VERSION_TRIGGER("area_rates")

    "CREATE TABLE operators (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  login TEXT NOT NULL UNIQUE COLLATE NOCASE" CK("operators", "login") KEY("login", 32) ",\n"
    "  name TEXT NOT NULL" CK("operators", "name") LEN("name", 1, 20, 63) ",\n"
    "  pw_hash TEXT NOT NULL" CK("operators", "pw_hash") "(pw_hash GLOB '$argon2id$*' AND length(pw_hash) < 256),\n"
    "  pw_changed_at TEXT NOT NULL" CK("operators", "pw_changed_at") STAMP_OK("pw_changed_at") ",\n"
    "  role INTEGER NOT NULL" CK("operators", "role") "(role BETWEEN 1 AND 6),\n"
    "  office TEXT REFERENCES offices(code),\n"
    "  " FLAG("operators", "disabled", 0) ",\n"
    "  failed_count INTEGER NOT NULL DEFAULT 0" CK("operators", "failed_count") "(failed_count >= 0),\n"
    "  last_failed_at TEXT" CK("operators", "last_failed_at") OPT("last_failed_at", STAMP_OK("last_failed_at")) ",\n"
    "  last_login_at TEXT" CK("operators", "last_login_at") OPT("last_login_at", STAMP_OK("last_login_at")) ",\n"
    "  " ROWMETA("operators") "\n"
    ");\n"
    /* Login bookkeeping (failure counter, last login) is not an edit: no version. */
    "CREATE TRIGGER operators_version BEFORE UPDATE OF login, name, pw_hash, pw_changed_at, role, office, disabled, version ON operators"
    " WHEN NEW.version IS NOT OLD.version + 1\n"
    "BEGIN SELECT RAISE(ABORT, 'version: operators'); END;\n"

    "CREATE TABLE login_attempts (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  at TEXT NOT NULL" CK("login_attempts", "at") STAMP_OK("at") ",\n"
    "  login TEXT NOT NULL COLLATE NOCASE" CK("login_attempts", "login") KEY("login", 32) ",\n"
    "  operator_id INTEGER REFERENCES operators(id),\n"
    "  " FLAG("login_attempts", "ok", 0) "\n"
    ");\n"
    "CREATE INDEX login_attempts_login ON login_attempts(login, id);\n"
    APPEND_ONLY("login_attempts")

    /* 同人同库: one row per 公民身份号码; sex and birth date are the ID's. */
    "CREATE TABLE persons (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  id_no TEXT NOT NULL UNIQUE" CK("persons", "id_no") "(length(id_no) = 18 AND substr(id_no, 1, 17) NOT GLOB '*[^0-9]*' AND substr(id_no, 18) GLOB '[0-9X]'),\n"
    "  name TEXT NOT NULL" CK("persons", "name") LEN("name", 1, 40, 127) ",\n"
    "  name_py TEXT NOT NULL DEFAULT ''" CK("persons", "name_py") PY_OK("name_py", 31) ",\n"
    "  sex INTEGER NOT NULL" CK("persons", "sex") "(sex IN (1, 2) AND sex = 2 - CAST(substr(id_no, 17, 1) AS INTEGER) % 2),\n"
    "  birth_date TEXT NOT NULL" CK("persons", "birth_date") "(" DATE_OK("birth_date") " AND birth_date = substr(id_no, 7, 4) || '-' || substr(id_no, 11, 2) || '-' || substr(id_no, 13, 2)),\n"
    "  ethnicity TEXT" CK("persons", "ethnicity") OPT("ethnicity", DIGITS("ethnicity", 2)) ",\n"
    "  education TEXT" CK("persons", "education") OPT("education", DIGITS("education", 2)) ",\n"
    "  hukou_type TEXT" CK("persons", "hukou_type") OPT("hukou_type", "hukou_type IN ('1', '2', '3', '9')") ",\n"
    "  hukou_area TEXT" CK("persons", "hukou_area") OPT("hukou_area", DIGITS("hukou_area", 6)) ",\n"
    "  marital TEXT" CK("persons", "marital") OPT("marital", DIGITS("marital", 2)) ",\n"
    "  politics TEXT" CK("persons", "politics") OPT("politics", DIGITS("politics", 2)) ",\n"
    "  phone TEXT" CK("persons", "phone") LEN("phone", 1, 31, 31) ",\n"
    "  address TEXT" CK("persons", "address") LEN("address", 1, 100, 303) ",\n"
    "  email TEXT" CK("persons", "email") "(length(email) <= 95 AND email GLOB '?*@?*')" ",\n"
    "  office TEXT REFERENCES offices(code),\n"
    "  remark TEXT" CK("persons", "remark") LEN("remark", 1, 200, 603) ",\n"
    "  " ROWMETA("persons") "\n"
    ");\n"
    /* Prefix searches are range queries (x >= ? AND x < ?) on these. */
    "CREATE INDEX persons_name ON persons(name, id_no);\n"
    "CREATE INDEX persons_py ON persons(name_py, name, id_no);\n"
    VERSION_TRIGGER("persons")

    /* An employer has a 统一社会信用代码, or (before 2015) a 组织机构代码. */
    "CREATE TABLE employers (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uscc TEXT UNIQUE" CK("employers", "uscc") OPT("uscc", USCC_OK("uscc")) ",\n"
    "  org_code TEXT" CK("employers", "org_code") OPT("org_code", "(length(org_code) = 10 AND substr(org_code, 9, 1) = '-' AND replace(org_code, '-', '') NOT GLOB '*[^0-9A-Z]*')") ",\n"
    "  reg_no TEXT" CK("employers", "reg_no") OPT("reg_no", "(length(reg_no) BETWEEN 1 AND 20 AND reg_no NOT GLOB '*[^0-9A-Za-z]*')") ",\n"
    "  name TEXT NOT NULL" CK("employers", "name") LEN("name", 1, 100, 303) ",\n"
    "  name_py TEXT NOT NULL DEFAULT ''" CK("employers", "name_py") PY_OK("name_py", 63) ",\n"
    "  econ_type TEXT" CK("employers", "econ_type") OPT("econ_type", DIGITS("econ_type", 3)) ",\n"
    "  industry TEXT" CK("employers", "industry") OPT("industry", "(length(industry) = 1 AND industry GLOB '[A-T]')") ",\n"
    "  area_code TEXT" CK("employers", "area_code") OPT("area_code", DIGITS("area_code", 6)) ",\n"
    "  address TEXT" CK("employers", "address") LEN("address", 1, 100, 303) ",\n"
    "  legal_rep TEXT" CK("employers", "legal_rep") LEN("legal_rep", 1, 20, 63) ",\n"
    "  contact TEXT" CK("employers", "contact") LEN("contact", 1, 20, 63) ",\n"
    "  phone TEXT" CK("employers", "phone") LEN("phone", 1, 31, 31) ",\n"
    "  staff_count INTEGER NOT NULL DEFAULT 0" CK("employers", "staff_count") "(staff_count >= 0),\n"
    "  office TEXT REFERENCES offices(code),\n"
    "  " ROWMETA("employers") ",\n"
    "  CONSTRAINT \"employers.uscc_or_org_code\" CHECK (uscc IS NOT NULL OR org_code IS NOT NULL)\n"
    ");\n"
    "CREATE INDEX employers_name ON employers(name);\n"
    "CREATE INDEX employers_py ON employers(name_py, name);\n"
    "CREATE INDEX employers_org_code ON employers(org_code) WHERE org_code IS NOT NULL;\n"
    VERSION_TRIGGER("employers");

/* ---- migration 1: the four workflows ---- */

static const char schema_v1_unemp[] =
    /* 失业登记: an episode from registration to its end (就业 or 注销). */
    "CREATE TABLE unemp_regs (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  person_id INTEGER NOT NULL REFERENCES persons(id),\n"
    "  office TEXT NOT NULL REFERENCES offices(code),\n"
    "  reg_date TEXT NOT NULL" CK("unemp_regs", "reg_date") DATE_OK("reg_date") ",\n"
    "  hukou_kind INTEGER NOT NULL" CK("unemp_regs", "hukou_kind") "(hukou_kind IN (1, 2)),\n"
    "  reason TEXT" CK("unemp_regs", "reason") OPT("reason", CODE("reason", 1, 4)) ",\n"
    "  last_employer_id INTEGER REFERENCES employers(id),\n"
    "  last_employer_uscc TEXT" CK("unemp_regs", "last_employer_uscc") OPT("last_employer_uscc", USCC_OK("last_employer_uscc")) ",\n"
    "  last_employer_name TEXT" CK("unemp_regs", "last_employer_name") LEN("last_employer_name", 1, 100, 303) ",\n"
    "  " FLAG("unemp_regs", "involuntary", 0) ",\n"
    "  contrib_months INTEGER NOT NULL DEFAULT 0" CK("unemp_regs", "contrib_months") "(contrib_months BETWEEN 0 AND 1200),\n"
    "  entitle_months INTEGER NOT NULL DEFAULT 0" CK("unemp_regs", "entitle_months") "(entitle_months BETWEEN 0 AND 24),\n"
    "  remain_months INTEGER NOT NULL DEFAULT 0" CK("unemp_regs", "remain_months") "(remain_months BETWEEN 0 AND entitle_months),\n"
    "  difficulty TEXT" CK("unemp_regs", "difficulty") OPT("difficulty", CODE("difficulty", 1, 3)) ",\n"
    "  " FLAG("unemp_regs", "low_income", 0) ",\n"
    "  " FLAG("unemp_regs", "disability", 0) ",\n"
    "  " FLAG("unemp_regs", "graduate", 0) ",\n"
    "  wish_occupation TEXT" CK("unemp_regs", "wish_occupation") LEN("wish_occupation", 1, 30, 63) ",\n"
    "  wish_industry TEXT" CK("unemp_regs", "wish_industry") OPT("wish_industry", "(length(wish_industry) = 1 AND wish_industry GLOB '[A-T]')") ",\n"
    "  wish_wage INTEGER NOT NULL DEFAULT 0" CK("unemp_regs", "wish_wage") "(wish_wage >= 0),\n"
    "  card_no TEXT UNIQUE" CK("unemp_regs", "card_no") OPT("card_no", "(length(card_no) BETWEEN 6 AND 20 AND card_no NOT GLOB '*[^0-9A-Z]*')") ",\n"
    "  end_date TEXT" CK("unemp_regs", "end_date") OPT("end_date", "(" DATE_OK("end_date") " AND end_date >= reg_date)") ",\n"
    "  end_reason TEXT" CK("unemp_regs", "end_reason") "((end_reason IS NULL) = (end_date IS NULL) AND " OPT("end_reason", CODE("end_reason", 1, 4)) "),\n"
    "  new_employer_id INTEGER REFERENCES employers(id)" CK("unemp_regs", "new_employer_id") "(new_employer_id IS NULL OR end_date IS NOT NULL),\n"
    "  " ROWMETA("unemp_regs") "\n"
    ");\n"
    /* At most one open registration per person. */
    "CREATE UNIQUE INDEX unemp_regs_one_open ON unemp_regs(person_id) WHERE end_date IS NULL;\n"
    "CREATE INDEX unemp_regs_person ON unemp_regs(person_id, reg_date);\n"
    "CREATE INDEX unemp_regs_office_open ON unemp_regs(office, reg_date) WHERE end_date IS NULL;\n"
    VERSION_TRIGGER("unemp_regs")

    /* Categories (4050人员, 零就业家庭 …) belong to and travel with their registration. */
    "CREATE TABLE unemp_reg_categories (\n"
    "  reg_id INTEGER NOT NULL REFERENCES unemp_regs(id) ON DELETE CASCADE,\n"
    "  code TEXT NOT NULL" CK("unemp_reg_categories", "code") CODE("code", 1, 3) ",\n"
    "  PRIMARY KEY (reg_id, code)\n"
    ");\n"

    "CREATE TABLE unemp_followups (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  reg_id INTEGER NOT NULL REFERENCES unemp_regs(id),\n"
    "  service_date TEXT NOT NULL" CK("unemp_followups", "service_date") DATE_OK("service_date") ",\n"
    "  kind TEXT NOT NULL" CK("unemp_followups", "kind") CODE("kind", 1, 3) ",\n"
    "  note TEXT" CK("unemp_followups", "note") LEN("note", 1, 200, 603) ",\n"
    "  operator_id INTEGER REFERENCES operators(id),\n"
    "  " ROWMETA("unemp_followups") "\n"
    ");\n"
    "CREATE INDEX unemp_followups_reg ON unemp_followups(reg_id, service_date);\n"
    VERSION_TRIGGER("unemp_followups");

static const char schema_v1_training[] =
    "CREATE TABLE training_classes (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  code TEXT NOT NULL UNIQUE" CK("training_classes", "code") KEY("code", 20) ",\n"
    "  name TEXT NOT NULL" CK("training_classes", "name") LEN("name", 1, 60, 183) ",\n"
    "  type TEXT NOT NULL" CK("training_classes", "type") DIGITS("type", 2) ",\n"
    "  occupation TEXT" CK("training_classes", "occupation") LEN("occupation", 1, 30, 63) ",\n"
    "  level TEXT" CK("training_classes", "level") OPT("level", "(length(level) = 1 AND level GLOB '[1-5]')") ",\n"
    "  start_date TEXT NOT NULL" CK("training_classes", "start_date") DATE_OK("start_date") ",\n"
    "  end_date TEXT NOT NULL" CK("training_classes", "end_date") "(" DATE_OK("end_date") " AND end_date >= start_date),\n"
    "  capacity INTEGER NOT NULL" CK("training_classes", "capacity") "(capacity BETWEEN 1 AND 10000),\n"
    "  hours INTEGER NOT NULL DEFAULT 0" CK("training_classes", "hours") "(hours BETWEEN 0 AND 10000),\n"
    "  provider TEXT" CK("training_classes", "provider") LEN("provider", 1, 60, 183) ",\n"
    "  office TEXT NOT NULL REFERENCES offices(code),\n"
    "  status TEXT NOT NULL DEFAULT 'open'" CK("training_classes", "status") "(status IN ('planned', 'open', 'running', 'finished', 'cancelled')),\n"
    "  " ROWMETA("training_classes") "\n"
    ");\n"
    "CREATE INDEX training_classes_office ON training_classes(office, start_date);\n"
    VERSION_TRIGGER("training_classes")

    "CREATE TABLE training_enrollments (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  class_id INTEGER NOT NULL REFERENCES training_classes(id),\n"
    "  person_id INTEGER NOT NULL REFERENCES persons(id),\n"
    "  enroll_date TEXT NOT NULL" CK("training_enrollments", "enroll_date") DATE_OK("enroll_date") ",\n"
    "  status TEXT NOT NULL DEFAULT 'enrolled'" CK("training_enrollments", "status") "(status IN ('enrolled', 'withdrawn', 'completed', 'dropped')),\n"
    "  result TEXT" CK("training_enrollments", "result") OPT("result", "result IN ('pass', 'fail')") ",\n"
    /* A certificate only for a passed course. */
    "  cert_no TEXT" CK("training_enrollments", "cert_no") OPT("cert_no", "(length(cert_no) <= 32 AND coalesce(result, '') = 'pass')") ",\n"
    "  cert_level TEXT" CK("training_enrollments", "cert_level") OPT("cert_level", "(length(cert_level) = 1 AND cert_level GLOB '[1-5]')") ",\n"
    "  cert_date TEXT" CK("training_enrollments", "cert_date") OPT("cert_date", DATE_OK("cert_date")) ",\n"
    "  " ROWMETA("training_enrollments") ",\n"
    "  UNIQUE (class_id, person_id)\n"
    ");\n"
    "CREATE INDEX training_enrollments_person ON training_enrollments(person_id);\n"
    VERSION_TRIGGER("training_enrollments")

    "CREATE TABLE training_attendance (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  enrollment_id INTEGER NOT NULL REFERENCES training_enrollments(id),\n"
    "  day TEXT NOT NULL" CK("training_attendance", "day") DATE_OK("day") ",\n"
    "  " FLAG("training_attendance", "present", 1) ",\n"
    "  " ROWMETA("training_attendance") ",\n"
    "  UNIQUE (enrollment_id, day)\n"
    ");\n"
    VERSION_TRIGGER("training_attendance")

    "CREATE TABLE training_assessments (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  enrollment_id INTEGER NOT NULL REFERENCES training_enrollments(id),\n"
    "  assess_date TEXT NOT NULL" CK("training_assessments", "assess_date") DATE_OK("assess_date") ",\n"
    "  kind TEXT NOT NULL" CK("training_assessments", "kind") "(kind IN ('theory', 'practice')),\n"
    "  score REAL NOT NULL" CK("training_assessments", "score") "(score BETWEEN 0 AND 100),\n"
    "  " FLAG("training_assessments", "passed", 0) ",\n"
    "  " ROWMETA("training_assessments") ",\n"
    "  UNIQUE (enrollment_id, kind, assess_date)\n"
    ");\n"
    VERSION_TRIGGER("training_assessments");

static const char schema_v1_contract[] =
    "CREATE TABLE contracts (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  employer_id INTEGER NOT NULL REFERENCES employers(id),\n"
    "  person_id INTEGER NOT NULL REFERENCES persons(id),\n"
    "  type INTEGER NOT NULL" CK("contracts", "type") "(type IN (1, 2, 3)),\n"
    "  " FLAG("contracts", "dispatch", 0) ",\n"
    "  " FLAG("contracts", "part_time", 0) ",\n"
    "  start_date TEXT NOT NULL" CK("contracts", "start_date") DATE_OK("start_date") ",\n"
    /* Only a fixed-term contract (type 1) has an end date, and it must have one. */
    "  end_date TEXT" CK("contracts", "end_date") "((end_date IS NOT NULL) = (type = 1) AND " OPT("end_date", "(" DATE_OK("end_date") " AND end_date >= start_date)") "),\n"
    /* Probation lies inside the term; none for part-time or task contracts (Art.19, 70). */
    "  probation_end TEXT" CK("contracts", "probation_end") OPT("probation_end", "(" DATE_OK("probation_end") " AND probation_end >= start_date AND (end_date IS NULL OR probation_end <= end_date) AND part_time = 0 AND type <> 3)") ",\n"
    "  wage INTEGER NOT NULL" CK("contracts", "wage") "(wage >= 0),\n"
    "  probation_wage INTEGER" CK("contracts", "probation_wage") OPT("probation_wage", "(probation_wage >= 0 AND probation_end IS NOT NULL)") ",\n"
    "  post TEXT" CK("contracts", "post") LEN("post", 1, 30, 95) ",\n"
    "  work_place TEXT" CK("contracts", "work_place") LEN("work_place", 1, 100, 303) ",\n"
    "  signed_date TEXT" CK("contracts", "signed_date") OPT("signed_date", DATE_OK("signed_date")) ",\n"
    "  status TEXT NOT NULL DEFAULT 'active'" CK("contracts", "status") "(status IN ('active', 'dissolved', 'terminated')),\n"
    "  filed_date TEXT" CK("contracts", "filed_date") OPT("filed_date", DATE_OK("filed_date")) ",\n"
    "  office TEXT REFERENCES offices(code),\n"
    "  " ROWMETA("contracts") "\n"
    ");\n"
    "CREATE INDEX contracts_employer ON contracts(employer_id, start_date);\n"
    "CREATE INDEX contracts_person ON contracts(person_id, start_date);\n"
    VERSION_TRIGGER("contracts")

    /* 订立 续订 变更 解除 终止; a 解除/终止 names its statutory ground. */
    "CREATE TABLE contract_events (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  contract_id INTEGER NOT NULL REFERENCES contracts(id),\n"
    "  kind TEXT NOT NULL" CK("contract_events", "kind") "(kind IN ('01', '02', '03', '04', '05')),\n"
    "  event_date TEXT NOT NULL" CK("contract_events", "event_date") DATE_OK("event_date") ",\n"
    "  reason TEXT" CK("contract_events", "reason") "((reason IS NOT NULL) = (kind IN ('04', '05')) AND " OPT("reason", "(length(reason) BETWEEN 2 AND 7 AND reason NOT GLOB '*[^0-9A-Z-]*')") "),\n"
    "  new_end_date TEXT" CK("contract_events", "new_end_date") OPT("new_end_date", "(" DATE_OK("new_end_date") " AND new_end_date >= event_date AND kind IN ('02', '03'))") ",\n"
    "  compensation INTEGER NOT NULL DEFAULT 0" CK("contract_events", "compensation") "(compensation >= 0),\n"
    "  note TEXT" CK("contract_events", "note") LEN("note", 1, 200, 603) ",\n"
    "  filed_date TEXT" CK("contract_events", "filed_date") OPT("filed_date", DATE_OK("filed_date")) ",\n"
    "  " ROWMETA("contract_events") "\n"
    ");\n"
    "CREATE INDEX contract_events_contract ON contract_events(contract_id, event_date);\n"
    VERSION_TRIGGER("contract_events");

static const char schema_v1_arb[] =
    /* 仲裁案件: the 45-day clock is computed above db from these dates and days. */
    "CREATE TABLE arb_cases (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  case_no TEXT NOT NULL UNIQUE" CK("arb_cases", "case_no") LEN("case_no", 1, 40, 127) ",\n"
    "  office TEXT NOT NULL REFERENCES offices(code),\n"
    "  case_year INTEGER" CK("arb_cases", "case_year") OPT("case_year", "case_year BETWEEN 1990 AND 9999") ",\n"
    "  case_seq INTEGER" CK("arb_cases", "case_seq") OPT("case_seq", "(case_seq >= 1 AND case_year IS NOT NULL)") ",\n"
    "  apply_date TEXT NOT NULL" CK("arb_cases", "apply_date") DATE_OK("apply_date") ",\n"
    "  accept_date TEXT" CK("arb_cases", "accept_date") OPT("accept_date", "(" DATE_OK("accept_date") " AND accept_date >= apply_date)") ",\n"
    "  status TEXT NOT NULL DEFAULT 'applied'" CK("arb_cases", "status") "(status IN ('applied', 'accepted', 'rejected', 'suspended', 'closed') AND (status <> 'closed' OR closure_code IS NOT NULL)),\n"
    /* A collective dispute needs at least 10 workers (Art.7). */
    "  " FLAG("arb_cases", "collective", 0) ",\n"
    "  worker_count INTEGER NOT NULL DEFAULT 1" CK("arb_cases", "worker_count") "(worker_count >= 1 AND (collective = 0 OR worker_count >= 10)),\n"
    "  " FLAG("arb_cases", "simple", 0) ",\n"
    "  total_amount INTEGER NOT NULL DEFAULT 0" CK("arb_cases", "total_amount") "(total_amount >= 0),\n"
    /* The award period may be extended by at most 15 days (Art.43). */
    "  extension_days INTEGER NOT NULL DEFAULT 0" CK("arb_cases", "extension_days") "(extension_days BETWEEN 0 AND 15),\n"
    "  suspended_days INTEGER NOT NULL DEFAULT 0" CK("arb_cases", "suspended_days") "(suspended_days >= 0),\n"
    "  clock_restart_date TEXT" CK("arb_cases", "clock_restart_date") OPT("clock_restart_date", "(" DATE_OK("clock_restart_date") " AND clock_restart_date >= apply_date)") ",\n"
    "  closure_code TEXT" CK("arb_cases", "closure_code") OPT("closure_code", "closure_code IN ('TJ', 'CJ-Z', 'CJ-F', 'CS', 'SC', 'BS', 'QT')") ",\n"
    "  closure_date TEXT" CK("arb_cases", "closure_date") "((closure_date IS NULL) = (closure_code IS NULL) AND " OPT("closure_date", "(" DATE_OK("closure_date") " AND closure_date >= apply_date)") "),\n"
    "  " FLAG("arb_cases", "final_award", 0) ",\n"
    "  " ROWMETA("arb_cases") ",\n"
    "  CONSTRAINT \"arb_cases.final_award_code\" CHECK (final_award = 0 OR coalesce(closure_code, '') = 'CJ-Z'),\n"
    "  UNIQUE (office, case_year, case_seq)\n"
    ");\n"
    "CREATE INDEX arb_cases_open ON arb_cases(office, accept_date) WHERE status IN ('applied', 'accepted', 'suspended');\n"
    "CREATE INDEX arb_cases_apply ON arb_cases(office, apply_date);\n"
    VERSION_TRIGGER("arb_cases")

    "CREATE TABLE arb_parties (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  case_id INTEGER NOT NULL REFERENCES arb_cases(id),\n"
    "  role TEXT NOT NULL" CK("arb_parties", "role") "(role IN ('applicant', 'respondent', 'third')),\n"
    "  person_id INTEGER REFERENCES persons(id),\n"
    "  employer_id INTEGER REFERENCES employers(id)" CK("arb_parties", "employer_id") "(person_id IS NULL OR employer_id IS NULL),\n"
    "  name TEXT NOT NULL" CK("arb_parties", "name") LEN("name", 1, 100, 303) ",\n"
    "  id_text TEXT" CK("arb_parties", "id_text") LEN("id_text", 1, 32, 32) ",\n"
    "  agent TEXT" CK("arb_parties", "agent") LEN("agent", 1, 60, 183) ",\n"
    "  address TEXT" CK("arb_parties", "address") LEN("address", 1, 100, 303) ",\n"
    "  phone TEXT" CK("arb_parties", "phone") LEN("phone", 1, 31, 31) ",\n"
    "  " ROWMETA("arb_parties") "\n"
    ");\n"
    "CREATE INDEX arb_parties_case ON arb_parties(case_id);\n"
    "CREATE INDEX arb_parties_person ON arb_parties(person_id) WHERE person_id IS NOT NULL;\n"
    "CREATE INDEX arb_parties_employer ON arb_parties(employer_id) WHERE employer_id IS NOT NULL;\n"
    VERSION_TRIGGER("arb_parties")

    "CREATE TABLE arb_claims (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  case_id INTEGER NOT NULL REFERENCES arb_cases(id),\n"
    "  type TEXT NOT NULL" CK("arb_claims", "type") DIGITS("type", 2) ",\n"
    "  amount INTEGER NOT NULL DEFAULT 0" CK("arb_claims", "amount") "(amount >= 0),\n"
    "  description TEXT" CK("arb_claims", "description") LEN("description", 1, 500, 1503) ",\n"
    "  awarded INTEGER" CK("arb_claims", "awarded") OPT("awarded", "awarded >= 0") ",\n"
    "  outcome TEXT" CK("arb_claims", "outcome") OPT("outcome", "outcome IN ('granted', 'partly', 'rejected', 'mediated', 'withdrawn')") ",\n"
    "  " ROWMETA("arb_claims") "\n"
    ");\n"
    "CREATE INDEX arb_claims_case ON arb_claims(case_id);\n"
    VERSION_TRIGGER("arb_claims")

    "CREATE TABLE arbitrators (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  name TEXT NOT NULL" CK("arbitrators", "name") LEN("name", 1, 20, 63) ",\n"
    "  operator_id INTEGER REFERENCES operators(id),\n"
    "  office TEXT REFERENCES offices(code),\n"
    "  " FLAG("arbitrators", "active", 1) ",\n"
    "  " ROWMETA("arbitrators") "\n"
    ");\n"
    VERSION_TRIGGER("arbitrators")

    "CREATE TABLE hearing_rooms (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  code TEXT NOT NULL UNIQUE" CK("hearing_rooms", "code") KEY("code", 12) ",\n"
    "  name TEXT NOT NULL" CK("hearing_rooms", "name") LEN("name", 1, 30, 95) ",\n"
    "  office TEXT REFERENCES offices(code),\n"
    "  " FLAG("hearing_rooms", "active", 1) ",\n"
    "  " ROWMETA("hearing_rooms") "\n"
    ");\n"
    VERSION_TRIGGER("hearing_rooms")

    /*
     * Times are local 'YYYY-MM-DD HH:MM'; a booking is [start_at, end_at).
     * A tribunal is a sole arbitrator or three (Art.31), all different. Room
     * and arbitrator clashes need a query, so arb.c checks them in the write
     * transaction.
     */
    "CREATE TABLE hearings (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  case_id INTEGER NOT NULL REFERENCES arb_cases(id),\n"
    "  start_at TEXT NOT NULL" CK("hearings", "start_at") MINUTE_OK("start_at") ",\n"
    "  end_at TEXT NOT NULL" CK("hearings", "end_at") "(" MINUTE_OK("end_at") " AND end_at > start_at),\n"
    "  room_id INTEGER NOT NULL REFERENCES hearing_rooms(id),\n"
    "  chief_id INTEGER NOT NULL REFERENCES arbitrators(id),\n"
    "  member1_id INTEGER REFERENCES arbitrators(id),\n"
    "  member2_id INTEGER REFERENCES arbitrators(id)" CK("hearings", "member2_id") "((member1_id IS NULL) = (member2_id IS NULL) AND (member1_id IS NULL OR (member1_id <> chief_id AND member2_id <> chief_id AND member1_id <> member2_id))),\n"
    "  clerk_id INTEGER REFERENCES operators(id),\n"
    "  notice_date TEXT" CK("hearings", "notice_date") OPT("notice_date", "(" DATE_OK("notice_date") " AND notice_date <= substr(start_at, 1, 10))") ",\n"
    "  status TEXT NOT NULL DEFAULT 'scheduled'" CK("hearings", "status") "(status IN ('scheduled', 'held', 'postponed', 'cancelled')),\n"
    "  " ROWMETA("hearings") "\n"
    ");\n"
    "CREATE INDEX hearings_case ON hearings(case_id, start_at);\n"
    "CREATE INDEX hearings_start ON hearings(start_at);\n"
    "CREATE INDEX hearings_room ON hearings(room_id, start_at);\n"
    "CREATE INDEX hearings_chief ON hearings(chief_id, start_at);\n"
    "CREATE INDEX hearings_member1 ON hearings(member1_id, start_at) WHERE member1_id IS NOT NULL;\n"
    "CREATE INDEX hearings_member2 ON hearings(member2_id, start_at) WHERE member2_id IS NOT NULL;\n"
    VERSION_TRIGGER("hearings")

    /*
     * The clerk's hearing log (笔录): every line and every correction request
     * is kept (Art.40), so lines are only ever appended; a correction or a
     * refused correction points at a line of the same hearing.
     */
    "CREATE TABLE hearing_log (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  hearing_id INTEGER NOT NULL REFERENCES hearings(id),\n"
    "  seq INTEGER NOT NULL" CK("hearing_log", "seq") "(seq >= 1),\n"
    "  at TEXT NOT NULL" CK("hearing_log", "at") STAMP_OK("at") ",\n"
    "  speaker TEXT NOT NULL DEFAULT ''" CK("hearing_log", "speaker") LEN("speaker", 0, 20, 63) ",\n"
    "  text TEXT NOT NULL" CK("hearing_log", "text") LEN("text", 0, 1000, 3003) ",\n"
    "  kind TEXT NOT NULL DEFAULT 'line'" CK("hearing_log", "kind") "(kind IN ('line', 'correction', 'correction_refused')),\n"
    "  corrects_id INTEGER REFERENCES hearing_log(id)" CK("hearing_log", "corrects_id") "((corrects_id IS NULL) = (kind = 'line')),\n"
    "  operator_id INTEGER REFERENCES operators(id),\n"
    "  chg_seq INTEGER NOT NULL DEFAULT 0" CK("hearing_log", "chg_seq") "(chg_seq >= 0),\n"
    "  UNIQUE (hearing_id, seq)\n"
    ");\n"
    APPEND_ONLY("hearing_log")
    "CREATE TRIGGER hearing_log_corrects BEFORE INSERT ON hearing_log"
    " WHEN NEW.corrects_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM hearing_log WHERE id = NEW.corrects_id AND hearing_id = NEW.hearing_id)\n"
    "BEGIN SELECT RAISE(ABORT, 'corrects: hearing_log'); END;\n"

    "CREATE TABLE arb_outcomes (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  case_id INTEGER NOT NULL REFERENCES arb_cases(id),\n"
    "  kind TEXT NOT NULL" CK("arb_outcomes", "kind") "(kind IN ('TJ', 'CJ-Z', 'CJ-F', 'CS', 'SC', 'BS', 'QT')),\n"
    "  outcome_date TEXT NOT NULL" CK("arb_outcomes", "outcome_date") DATE_OK("outcome_date") ",\n"
    "  doc_no TEXT" CK("arb_outcomes", "doc_no") LEN("doc_no", 1, 40, 127) ",\n"
    "  " FLAG("arb_outcomes", "final", 0) ",\n"
    "  text TEXT" CK("arb_outcomes", "text") LEN("text", 1, 1000, 3003) ",\n"
    "  " ROWMETA("arb_outcomes") ",\n"
    "  CONSTRAINT \"arb_outcomes.final_kind\" CHECK (final = 0 OR kind = 'CJ-Z')\n"
    ");\n"
    "CREATE INDEX arb_outcomes_case ON arb_outcomes(case_id);\n"
    VERSION_TRIGGER("arb_outcomes");

static const char schema_v1_system[] =
    /* Unsaved forms, per operator; never exported, never shown to another operator. */
    "CREATE TABLE drafts (\n"
    "  operator_id INTEGER NOT NULL REFERENCES operators(id),\n"
    "  form TEXT NOT NULL" CK("drafts", "form") KEY("form", 32) ",\n"
    "  record_key TEXT NOT NULL DEFAULT ''" CK("drafts", "record_key") "(length(CAST(record_key AS BLOB)) <= 64),\n"
    "  data TEXT NOT NULL" CK("drafts", "data") "(length(CAST(data AS BLOB)) <= 1000000 AND json_valid(data)),\n"
    "  updated_at TEXT NOT NULL" CK("drafts", "updated_at") STAMP_OK("updated_at") ",\n"
    "  PRIMARY KEY (operator_id, form)\n"
    ");\n"

    /* Who changed what, when, before and after; rows are never changed or removed. */
    "CREATE TABLE audit_log (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  at TEXT NOT NULL" CK("audit_log", "at") STAMP_OK("at") ",\n"
    "  operator_id INTEGER NOT NULL DEFAULT 0" CK("audit_log", "operator_id") "(operator_id >= 0),\n"
    "  login TEXT NOT NULL DEFAULT ''" CK("audit_log", "login") "(length(login) <= 32),\n"
    "  tbl TEXT NOT NULL" CK("audit_log", "tbl") "(length(tbl) BETWEEN 1 AND 32),\n"
    "  row_id INTEGER NOT NULL,\n"
    "  action TEXT NOT NULL" CK("audit_log", "action") "(action IN ('insert', 'update', 'delete', 'bulk')),\n"
    "  before_json TEXT" CK("audit_log", "before_json") OPT("before_json", "json_valid(before_json)") ",\n"
    "  after_json TEXT" CK("audit_log", "after_json") OPT("after_json", "json_valid(after_json)") "\n"
    ");\n"
    APPEND_ONLY("audit_log")

    /* The export change sequence: one counter row. */
    "CREATE TABLE change_seq (\n"
    "  id INTEGER PRIMARY KEY" CK("change_seq", "id") "(id = 1),\n"
    "  value INTEGER NOT NULL" CK("change_seq", "value") "(value >= 0)\n"
    ");\n"
    "INSERT INTO change_seq (id, value) VALUES (1, 0);\n"
    "CREATE TRIGGER change_seq_no_delete BEFORE DELETE ON change_seq"
    " BEGIN SELECT RAISE(ABORT, 'append-only: change_seq'); END;\n"

    /* Deleted exported rows, by natural key, so an export can carry the deletion. */
    "CREATE TABLE tombstones (\n"
    "  seq INTEGER PRIMARY KEY,\n"
    "  tbl TEXT NOT NULL" CK("tombstones", "tbl") "(length(tbl) BETWEEN 1 AND 32),\n"
    "  natural_key TEXT NOT NULL,\n"
    "  at TEXT NOT NULL" CK("tombstones", "at") STAMP_OK("at") "\n"
    ");\n";

/* ---- migration 1: seed rows (?1 is the time of the migration) ---- */

static const char schema_v1_settings[] =
    "INSERT INTO settings (key, value, created_at, updated_at) VALUES\n"
    /* This installation's office; set by the administrator. */
    "    ('office.default', '', ?1, ?1),\n"
    /*
     * 就业创业证 number: {area6} issuing county code, {hukou1} 户籍性质,
     * {check1} check digit, {yy} year, {seq6} sequence [S]; a per-office
     * override is stored as cert.template.<office code>.
     */
    "    ('cert.template', '{area6}{hukou1}{check1}{yy}{seq6}', ?1, ?1),\n"
    /* Arbitration case number; {prefix} is the office's 简称 (offices.case_prefix). */
    "    ('case_no.template', '{prefix}劳人仲案字〔{year}〕第{n}号', ?1, ?1),\n"
    /* Statutory periods: days and day type (calendar | working), see rules §4. */
    "    ('deadline.arb_accept.days', '5', ?1, ?1),\n"
    "    ('deadline.arb_accept.day_type', 'calendar', ?1, ?1),\n"
    "    ('deadline.arb_serve_copy.days', '5', ?1, ?1),\n"
    "    ('deadline.arb_serve_copy.day_type', 'calendar', ?1, ?1),\n"
    "    ('deadline.arb_defence.days', '10', ?1, ?1),\n"
    "    ('deadline.arb_defence.day_type', 'calendar', ?1, ?1),\n"
    "    ('deadline.arb_tribunal_notice.days', '5', ?1, ?1),\n"
    "    ('deadline.arb_tribunal_notice.day_type', 'calendar', ?1, ?1),\n"
    "    ('deadline.arb_hearing_notice.days', '5', ?1, ?1),\n"
    "    ('deadline.arb_hearing_notice.day_type', 'calendar', ?1, ?1),\n"
    "    ('deadline.arb_award.days', '45', ?1, ?1),\n"
    "    ('deadline.arb_award.day_type', 'calendar', ?1, ?1),\n"
    "    ('deadline.arb_extension.days', '15', ?1, ?1),\n"
    "    ('deadline.arb_extension.day_type', 'calendar', ?1, ?1),\n"
    "    ('deadline.arb_sue.days', '15', ?1, ?1),\n"
    "    ('deadline.arb_sue.day_type', 'calendar', ?1, ?1),\n"
    "    ('deadline.arb_set_aside.days', '30', ?1, ?1),\n"
    "    ('deadline.arb_set_aside.day_type', 'calendar', ?1, ?1),\n"
    /* 劳动用工备案: hire/renewal and separation periods differ by province [S]. */
    "    ('deadline.filing_hire.days', '30', ?1, ?1),\n"
    "    ('deadline.filing_hire.day_type', 'calendar', ?1, ?1),\n"
    "    ('deadline.filing_separation.days', '15', ?1, ?1),\n"
    "    ('deadline.filing_separation.day_type', 'calendar', ?1, ?1);\n";

/*
 * Code tables (rules §3, §4, §6, §7, §8). tbl 'code_table' lists the tables
 * themselves. extra holds per-code flags as JSON: for end_reason the event
 * kind, the statutory basis, comp (经济补偿 due: Y, N, Y* = unless renewal on
 * equal terms was refused, N/Y = depends) and ui (counts as 非因本人意愿 for
 * unemployment insurance: Y, N, - = not applicable, ? = unconfirmed).
 */
static const char schema_v1_codes[] =
    "INSERT INTO code_items (tbl, code, name, py, sort, edition, active, extra, created_at, updated_at) VALUES\n"
	"    ('code_table', 'sex', '性别', 'xb', 1, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'ethnicity', '民族', 'mz', 2, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'education', '学历', 'xl', 3, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'hukou_type', '户口性质', 'hkxz', 4, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'marital', '婚姻状况', 'hyzk', 5, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'politics', '政治面貌', 'zzmm', 6, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'industry', '行业门类', 'hyml', 7, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'econ_type', '经济类型', 'jjlx', 8, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'unemp_category', '登记失业人员类别', 'djsyrylb', 9, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'unemp_reason', '失业原因', 'syyy', 10, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'cancel_reason', '注销原因', 'zxyy', 11, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'difficulty', '就业困难人员类别', 'jyknrylb', 12, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'service_kind', '就业服务类型', 'jyfwlx', 13, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'training_type', '培训类型', 'pxlx', 14, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'skill_level', '职业技能等级', 'zyjndj', 15, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'contract_type', '合同期限类型', 'htqxlx', 16, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'contract_event', '合同事件类型', 'htsjlx', 17, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'end_reason', '解除终止原因', 'jczzyy', 18, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'dispute_type', '争议类型', 'zylx', 19, '', 1, NULL, ?1, ?1),\n"
	"    ('code_table', 'closure', '结案方式', 'jafs', 20, '', 1, NULL, ?1, ?1),\n"
	"    ('sex', '0', '未知的性别', 'wzdxb', 1, '', 1, NULL, ?1, ?1),\n"
	"    ('sex', '1', '男', 'n', 2, '', 1, NULL, ?1, ?1),\n"
	"    ('sex', '2', '女', 'n', 3, '', 1, NULL, ?1, ?1),\n"
	"    ('sex', '9', '未说明的性别', 'wsmdxb', 4, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '01', '汉族', 'hz', 1, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '02', '蒙古族', 'mgz', 2, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '03', '回族', 'hz', 3, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '04', '藏族', 'zz', 4, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '05', '维吾尔族', 'wwez', 5, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '06', '苗族', 'mz', 6, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '07', '彝族', 'yz', 7, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '08', '壮族', 'zz', 8, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '09', '布依族', 'byz', 9, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '10', '朝鲜族', 'cxz', 10, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '11', '满族', 'mz', 11, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '12', '侗族', 'dz', 12, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '13', '瑶族', 'yz', 13, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '14', '白族', 'bz', 14, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '15', '土家族', 'tjz', 15, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '16', '哈尼族', 'hnz', 16, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '17', '哈萨克族', 'hskz', 17, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '18', '傣族', 'dz', 18, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '19', '黎族', 'lz', 19, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '20', '傈僳族', 'lsz', 20, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '21', '佤族', 'wz', 21, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '22', '畲族', 'sz', 22, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '23', '高山族', 'gsz', 23, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '24', '拉祜族', 'lhz', 24, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '25', '水族', 'sz', 25, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '26', '东乡族', 'dxz', 26, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '27', '纳西族', 'nxz', 27, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '28', '景颇族', 'jpz', 28, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '29', '柯尔克孜族', 'kekzz', 29, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '30', '土族', 'tz', 30, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '31', '达斡尔族', 'dwez', 31, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '32', '仫佬族', 'mlz', 32, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '33', '羌族', 'qz', 33, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '34', '布朗族', 'blz', 34, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '35', '撒拉族', 'slz', 35, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '36', '毛南族', 'mnz', 36, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '37', '仡佬族', 'glz', 37, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '38', '锡伯族', 'xbz', 38, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '39', '阿昌族', 'acz', 39, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '40', '普米族', 'pmz', 40, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '41', '塔吉克族', 'tjkz', 41, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '42', '怒族', 'nz', 42, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '43', '乌孜别克族', 'wzbkz', 43, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '44', '俄罗斯族', 'elsz', 44, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '45', '鄂温克族', 'ewkz', 45, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '46', '德昂族', 'daz', 46, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '47', '保安族', 'baz', 47, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '48', '裕固族', 'ygz', 48, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '49', '京族', 'jz', 49, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '50', '塔塔尔族', 'ttez', 50, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '51', '独龙族', 'dlz', 51, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '52', '鄂伦春族', 'elcz', 52, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '53', '赫哲族', 'hzz', 53, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '54', '门巴族', 'mbz', 54, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '55', '珞巴族', 'lbz', 55, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '56', '基诺族', 'jnz', 56, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '97', '其他（未识别民族）', 'qtwsbmz', 57, '', 1, NULL, ?1, ?1),\n"
	"    ('ethnicity', '98', '外国血统中国籍人士', 'wgxtzgjrs', 58, '', 1, NULL, ?1, ?1),\n"
	"    ('education', '10', '研究生教育', 'yjsjy', 1, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '11', '博士研究生毕业', 'bsyjsby', 2, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '12', '博士研究生结业', 'bsyjsjy', 3, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '13', '博士研究生肄业', 'bsyjsyy', 4, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '14', '硕士研究生毕业', 'ssyjsby', 5, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '15', '硕士研究生结业', 'ssyjsjy', 6, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '16', '硕士研究生肄业', 'ssyjsyy', 7, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '17', '研究生班毕业', 'yjsbby', 8, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '18', '研究生班结业', 'yjsbjy', 9, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '19', '研究生班肄业', 'yjsbyy', 10, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '20', '大学本科教育', 'dxbkjy', 11, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '21', '大学本科毕业', 'dxbkby', 12, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '22', '大学本科结业', 'dxbkjy', 13, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '23', '大学本科肄业', 'dxbkyy', 14, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '28', '大学普通班毕业', 'dxptbby', 15, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '30', '大学专科教育', 'dxzkjy', 16, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '31', '大学专科毕业', 'dxzkby', 17, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '32', '大学专科结业', 'dxzkjy', 18, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '33', '大学专科肄业', 'dxzkyy', 19, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '40', '中等职业教育', 'zdzyjy', 20, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '41', '中等专科毕业', 'zdzkby', 21, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '42', '中等专科结业', 'zdzkjy', 22, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '43', '中等专科肄业', 'zdzkyy', 23, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '44', '职业高中毕业', 'zygzby', 24, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '45', '职业高中结业', 'zygzjy', 25, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '46', '职业高中肄业', 'zygzyy', 26, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '47', '技工学校毕业', 'jgxxby', 27, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '48', '技工学校结业', 'jgxxjy', 28, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '49', '技工学校肄业', 'jgxxyy', 29, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '60', '普通高级中学教育', 'ptgjzxjy', 30, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '61', '普通高中毕业', 'ptgzby', 31, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '62', '普通高中结业', 'ptgzjy', 32, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '63', '普通高中肄业', 'ptgzyy', 33, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '70', '初级中学教育', 'cjzxjy', 34, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '71', '初中毕业', 'czby', 35, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '73', '初中肄业', 'czyy', 36, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '80', '小学教育', 'xxjy', 37, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '81', '小学毕业', 'xxby', 38, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '83', '小学肄业', 'xxyy', 39, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '90', '其他', 'qt', 40, '2006', 1, NULL, ?1, ?1),\n"
	"    ('education', '10', '研究生', 'yjs', 1, '1984', 0, NULL, ?1, ?1),\n"
	"    ('education', '20', '大学本科', 'dxbk', 2, '1984', 0, NULL, ?1, ?1),\n"
	"    ('education', '30', '大学专科和专科学校', 'dxzkhzkxx', 3, '1984', 0, NULL, ?1, ?1),\n"
	"    ('education', '40', '中等专业学校或中等技术学校', 'zdzyxxhzdjsxx', 4, '1984', 0, NULL, ?1, ?1),\n"
	"    ('education', '50', '技工学校', 'jgxx', 5, '1984', 0, NULL, ?1, ?1),\n"
	"    ('education', '60', '高中', 'gz', 6, '1984', 0, NULL, ?1, ?1),\n"
	"    ('education', '70', '初中', 'cz', 7, '1984', 0, NULL, ?1, ?1),\n"
	"    ('education', '80', '小学', 'xx', 8, '1984', 0, NULL, ?1, ?1),\n"
	"    ('education', '90', '文盲或半文盲', 'wmhbwm', 9, '1984', 0, NULL, ?1, ?1),\n"
	"    ('hukou_type', '1', '非农业户口（城镇）', 'fnyhkcz', 1, '', 1, NULL, ?1, ?1),\n"
	"    ('hukou_type', '2', '农业户口（农村）', 'nyhknc', 2, '', 1, NULL, ?1, ?1),\n"
	"    ('hukou_type', '3', '居民户口', 'jmhk', 3, '', 1, NULL, ?1, ?1),\n"
	"    ('hukou_type', '9', '不详', 'bx', 4, '', 1, NULL, ?1, ?1),\n"
	"    ('marital', '10', '未婚', 'wh', 1, '', 1, NULL, ?1, ?1),\n"
	"    ('marital', '20', '已婚', 'yh', 2, '', 1, NULL, ?1, ?1),\n"
	"    ('marital', '21', '初婚', 'ch', 3, '', 1, NULL, ?1, ?1),\n"
	"    ('marital', '22', '再婚', 'zh', 4, '', 1, NULL, ?1, ?1),\n"
	"    ('marital', '23', '复婚', 'fh', 5, '', 1, NULL, ?1, ?1),\n"
	"    ('marital', '30', '丧偶', 'so', 6, '', 1, NULL, ?1, ?1),\n"
	"    ('marital', '40', '离婚', 'lh', 7, '', 1, NULL, ?1, ?1),\n"
	"    ('marital', '90', '未说明的婚姻状况', 'wsmdhyzk', 8, '', 1, NULL, ?1, ?1),\n"
	"    ('politics', '01', '中国共产党党员', 'zggcddy', 1, '', 1, NULL, ?1, ?1),\n"
	"    ('politics', '02', '中国共产党预备党员', 'zggcdybdy', 2, '', 1, NULL, ?1, ?1),\n"
	"    ('politics', '03', '中国共产主义青年团团员', 'zggczyqntty', 3, '', 1, NULL, ?1, ?1),\n"
	"    ('politics', '04', '中国国民党革命委员会会员', 'zggmdgmwyhhy', 4, '', 1, NULL, ?1, ?1),\n"
	"    ('politics', '05', '中国民主同盟盟员', 'zgmztmmy', 5, '', 1, NULL, ?1, ?1),\n"
	"    ('politics', '06', '中国民主建国会会员', 'zgmzjghhy', 6, '', 1, NULL, ?1, ?1),\n"
	"    ('politics', '07', '中国民主促进会会员', 'zgmzcjhhy', 7, '', 1, NULL, ?1, ?1),\n"
	"    ('politics', '08', '中国农工民主党党员', 'zgngmzddy', 8, '', 1, NULL, ?1, ?1),\n"
	"    ('politics', '09', '中国致公党党员', 'zgzgddy', 9, '', 1, NULL, ?1, ?1),\n"
	"    ('politics', '10', '九三学社社员', 'jsxssy', 10, '', 1, NULL, ?1, ?1),\n"
	"    ('politics', '11', '台湾民主自治同盟盟员', 'twmzzztmmy', 11, '', 1, NULL, ?1, ?1),\n"
	"    ('politics', '12', '无党派人士', 'wdprs', 12, '', 1, NULL, ?1, ?1),\n"
	"    ('politics', '13', '群众', 'qz', 13, '', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'A', '农、林、牧、渔业', 'nlmyy', 1, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'B', '采矿业', 'cky', 2, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'C', '制造业', 'zzy', 3, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'D', '电力、热力、燃气及水生产和供应业', 'dlrlrqjsschgyy', 4, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'E', '建筑业', 'jzy', 5, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'F', '批发和零售业', 'pfhlsy', 6, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'G', '交通运输、仓储和邮政业', 'jtyscchyzy', 7, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'H', '住宿和餐饮业', 'zshcyy', 8, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'I', '信息传输、软件和信息技术服务业', 'xxcsrjhxxjsfwy', 9, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'J', '金融业', 'jry', 10, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'K', '房地产业', 'fdcy', 11, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'L', '租赁和商务服务业', 'zlhswfwy', 12, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'M', '科学研究和技术服务业', 'kxyjhjsfwy', 13, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'N', '水利、环境和公共设施管理业', 'slhjhggssgly', 14, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'O', '居民服务、修理和其他服务业', 'jmfwxlhqtfwy', 15, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'P', '教育', 'jy', 16, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'Q', '卫生和社会工作', 'wshshgz', 17, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'R', '文化、体育和娱乐业', 'whtyhyly', 18, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'S', '公共管理、社会保障和社会组织', 'ggglshbzhshzz', 19, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'T', '国际组织', 'gjzz', 20, '2017', 1, NULL, ?1, ?1),\n"
	"    ('industry', 'A', '农、林、牧、渔业', 'nlmyy', 1, '2002', 0, '{\"map_2017\":\"A\"}', ?1, ?1),\n"
	"    ('industry', 'B', '采矿业', 'cky', 2, '2002', 0, '{\"map_2017\":\"B\"}', ?1, ?1),\n"
	"    ('industry', 'C', '制造业', 'zzy', 3, '2002', 0, '{\"map_2017\":\"C\"}', ?1, ?1),\n"
	"    ('industry', 'D', '电力、燃气及水的生产和供应业', 'dlrqjsdschgyy', 4, '2002', 0, '{\"map_2017\":\"D\"}', ?1, ?1),\n"
	"    ('industry', 'E', '建筑业', 'jzy', 5, '2002', 0, '{\"map_2017\":\"E\"}', ?1, ?1),\n"
	"    ('industry', 'F', '交通运输、仓储和邮政业', 'jtyscchyzy', 6, '2002', 0, '{\"map_2017\":\"G\"}', ?1, ?1),\n"
	"    ('industry', 'G', '信息传输、计算机服务和软件业', 'xxcsjsjfwhrjy', 7, '2002', 0, '{\"map_2017\":\"I\"}', ?1, ?1),\n"
	"    ('industry', 'H', '批发和零售业', 'pfhlsy', 8, '2002', 0, '{\"map_2017\":\"F\"}', ?1, ?1),\n"
	"    ('industry', 'I', '住宿和餐饮业', 'zshcyy', 9, '2002', 0, '{\"map_2017\":\"H\"}', ?1, ?1),\n"
	"    ('industry', 'J', '金融业', 'jry', 10, '2002', 0, '{\"map_2017\":\"J\"}', ?1, ?1),\n"
	"    ('industry', 'K', '房地产业', 'fdcy', 11, '2002', 0, '{\"map_2017\":\"K\"}', ?1, ?1),\n"
	"    ('industry', 'L', '租赁和商务服务业', 'zlhswfwy', 12, '2002', 0, '{\"map_2017\":\"L\"}', ?1, ?1),\n"
	"    ('industry', 'M', '科学研究、技术服务和地质勘查业', 'kxyjjsfwhdzkcy', 13, '2002', 0, '{\"map_2017\":\"M\"}', ?1, ?1),\n"
	"    ('industry', 'N', '水利、环境和公共设施管理业', 'slhjhggssgly', 14, '2002', 0, '{\"map_2017\":\"N\"}', ?1, ?1),\n"
	"    ('industry', 'O', '居民服务和其他服务业', 'jmfwhqtfwy', 15, '2002', 0, '{\"map_2017\":\"O\"}', ?1, ?1),\n"
	"    ('industry', 'P', '教育', 'jy', 16, '2002', 0, '{\"map_2017\":\"P\"}', ?1, ?1),\n"
	"    ('industry', 'Q', '卫生、社会保障和社会福利业', 'wsshbzhshfly', 17, '2002', 0, '{\"map_2017\":\"Q\"}', ?1, ?1),\n"
	"    ('industry', 'R', '文化、体育和娱乐业', 'whtyhyly', 18, '2002', 0, '{\"map_2017\":\"R\"}', ?1, ?1),\n"
	"    ('industry', 'S', '公共管理和社会组织', 'ggglhshzz', 19, '2002', 0, '{\"map_2017\":\"S\"}', ?1, ?1),\n"
	"    ('industry', 'T', '国际组织', 'gjzz', 20, '2002', 0, '{\"map_2017\":\"T\"}', ?1, ?1),\n"
	"    ('econ_type', '110', '国有', 'gy', 1, '', 1, NULL, ?1, ?1),\n"
	"    ('econ_type', '120', '集体', 'jt', 2, '', 1, NULL, ?1, ?1),\n"
	"    ('econ_type', '130', '股份合作', 'gfhz', 3, '', 1, NULL, ?1, ?1),\n"
	"    ('econ_type', '140', '联营', 'ly', 4, '', 1, NULL, ?1, ?1),\n"
	"    ('econ_type', '150', '有限责任公司', 'yxzrgs', 5, '', 1, NULL, ?1, ?1),\n"
	"    ('econ_type', '160', '股份有限公司', 'gfyxgs', 6, '', 1, NULL, ?1, ?1),\n"
	"    ('econ_type', '170', '私营', 'sy', 7, '', 1, NULL, ?1, ?1),\n"
	"    ('econ_type', '190', '其他内资', 'qtnz', 8, '', 1, NULL, ?1, ?1),\n"
	"    ('econ_type', '200', '港澳台商投资', 'gatstz', 9, '', 1, NULL, ?1, ?1),\n"
	"    ('econ_type', '300', '外商投资', 'wstz', 10, '', 1, NULL, ?1, ?1),\n"
	"    ('econ_type', '400', '个体经营', 'gtjy', 11, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_category', '01', '4050人员', 'ry', 1, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_category', '02', '零就业家庭成员', 'ljyjtcy', 2, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_category', '03', '残疾人', 'cjr', 3, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_category', '04', '城市低保家庭成员', 'csdbjtcy', 4, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_category', '05', '连续失业1年以上', 'lxsynys', 5, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_category', '06', '被征地农民', 'bzdnm', 6, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_category', '07', '单亲抚养未成年子女', 'dqfywcnzn', 7, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_category', '08', '高校毕业生（离校未就业）', 'gxbyslxwjy', 8, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_category', '09', '退役军人', 'tyjr', 9, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_category', '10', '刑满释放人员', 'xmsfry', 10, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_category', '11', '农村转移劳动力', 'nczyldl', 11, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_category', '12', '就业转失业人员', 'jyzsyry', 12, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_category', '13', '新成长失业青年', 'xczsyqn', 13, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_reason', '01', '毕业或离校后未就业', 'byhlxhwjy', 1, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_reason', '02', '与用人单位解除或终止劳动关系', 'yyrdwjchzzldgx', 2, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_reason', '03', '个体经营或私营企业停业、破产', 'gtjyhsyqytypc', 3, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_reason', '04', '承包土地被征用', 'cbtdbzy', 4, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_reason', '05', '军人退出现役且未纳入国家统一安置', 'jrtcxyqwnrgjtyaz', 5, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_reason', '06', '刑满释放、假释、监外执行', 'xmsfjsjwzx', 6, '', 1, NULL, ?1, ?1),\n"
	"    ('unemp_reason', '99', '其他', 'qt', 7, '', 1, NULL, ?1, ?1),\n"
	"    ('cancel_reason', 'ZX01', '被用人单位录用', 'byrdwly', 1, '', 1, NULL, ?1, ?1),\n"
	"    ('cancel_reason', 'ZX02', '从事个体经营或创办企业并领取营业执照', 'csgtjyhcbqyblqyyzz', 2, '', 1, NULL, ?1, ?1),\n"
	"    ('cancel_reason', 'ZX03', '从事有稳定收入的劳动且月收入不低于当地最低工资', 'csywdsrdldqysrbdyddzdgz', 3, '', 1, NULL, ?1, ?1),\n"
	"    ('cancel_reason', 'ZX04', '已享受基本养老保险待遇', 'yxsjbylbxdy', 4, '', 1, NULL, ?1, ?1),\n"
	"    ('cancel_reason', 'ZX05', '完全丧失劳动能力', 'wqssldnl', 5, '', 1, NULL, ?1, ?1),\n"
	"    ('cancel_reason', 'ZX06', '入学、服兵役、移居境外', 'rxfbyyjjw', 6, '', 1, NULL, ?1, ?1),\n"
	"    ('cancel_reason', 'ZX07', '被判刑收监执行', 'bpxsjzx', 7, '', 1, NULL, ?1, ?1),\n"
	"    ('cancel_reason', 'ZX08', '终止就业要求或拒绝接受公共就业服务', 'zzjyyqhjjjsggjyfw', 8, '', 1, NULL, ?1, ?1),\n"
	"    ('cancel_reason', 'ZX09', '连续6个月未与公共就业服务机构联系', 'lxgywyggjyfwjglx', 9, '', 1, NULL, ?1, ?1),\n"
	"    ('cancel_reason', 'ZX10', '已进行就业登记', 'yjxjydj', 10, '', 1, NULL, ?1, ?1),\n"
	"    ('cancel_reason', 'ZX11', '达到法定退休年龄或死亡', 'ddfdtxnlhsw', 11, '', 1, '{\"local\":true}', ?1, ?1),\n"
	"    ('difficulty', '01', '大龄失业人员', 'dlsyry', 1, '', 1, NULL, ?1, ?1),\n"
	"    ('difficulty', '02', '残疾人', 'cjr', 2, '', 1, NULL, ?1, ?1),\n"
	"    ('difficulty', '03', '零就业家庭成员', 'ljyjtcy', 3, '', 1, NULL, ?1, ?1),\n"
	"    ('difficulty', '04', '城市低保家庭成员', 'csdbjtcy', 4, '', 1, NULL, ?1, ?1),\n"
	"    ('difficulty', '05', '连续失业1年以上', 'lxsynys', 5, '', 1, NULL, ?1, ?1),\n"
	"    ('difficulty', '06', '失地农民', 'sdnm', 6, '', 1, NULL, ?1, ?1),\n"
	"    ('difficulty', '07', '单亲抚养未成年子女', 'dqfywcnzn', 7, '', 1, NULL, ?1, ?1),\n"
	"    ('difficulty', '99', '其他', 'qt', 8, '', 1, NULL, ?1, ?1),\n"
	"    ('service_kind', '01', '职业指导', 'zyzd', 1, '', 1, NULL, ?1, ?1),\n"
	"    ('service_kind', '02', '职业介绍', 'zyjs', 2, '', 1, NULL, ?1, ?1),\n"
	"    ('service_kind', '03', '培训推荐', 'pxtj', 3, '', 1, NULL, ?1, ?1),\n"
	"    ('service_kind', '04', '创业服务', 'cyfw', 4, '', 1, NULL, ?1, ?1),\n"
	"    ('service_kind', '05', '政策咨询', 'zczx', 5, '', 1, NULL, ?1, ?1),\n"
	"    ('service_kind', '06', '回访', 'hf', 6, '', 1, NULL, ?1, ?1),\n"
	"    ('service_kind', '07', '就业援助', 'jyyz', 7, '', 1, NULL, ?1, ?1),\n"
	"    ('service_kind', '08', '定期联系', 'dqlx', 8, '', 1, NULL, ?1, ?1),\n"
	"    ('service_kind', '99', '其他', 'qt', 9, '', 1, NULL, ?1, ?1),\n"
	"    ('training_type', '01', '再就业培训', 'zjypx', 1, '', 1, NULL, ?1, ?1),\n"
	"    ('training_type', '02', '创业培训', 'cypx', 2, '', 1, NULL, ?1, ?1),\n"
	"    ('training_type', '03', '劳动预备制培训', 'ldybzpx', 3, '', 1, NULL, ?1, ?1),\n"
	"    ('training_type', '04', '农村劳动力转移培训', 'ncldlzypx', 4, '', 1, NULL, ?1, ?1),\n"
	"    ('training_type', '05', '技能提升培训', 'jntspx', 5, '', 1, NULL, ?1, ?1),\n"
	"    ('training_type', '99', '其他', 'qt', 6, '', 1, NULL, ?1, ?1),\n"
	"    ('skill_level', '5', '五级/初级工', 'wjcjg', 1, '', 1, NULL, ?1, ?1),\n"
	"    ('skill_level', '4', '四级/中级工', 'sjzjg', 2, '', 1, NULL, ?1, ?1),\n"
	"    ('skill_level', '3', '三级/高级工', 'sjgjg', 3, '', 1, NULL, ?1, ?1),\n"
	"    ('skill_level', '2', '二级/技师', 'ejjs', 4, '', 1, NULL, ?1, ?1),\n"
	"    ('skill_level', '1', '一级/高级技师', 'yjgjjs', 5, '', 1, NULL, ?1, ?1),\n"
	"    ('contract_type', '1', '固定期限', 'gdqx', 1, '', 1, NULL, ?1, ?1),\n"
	"    ('contract_type', '2', '无固定期限', 'wgdqx', 2, '', 1, NULL, ?1, ?1),\n"
	"    ('contract_type', '3', '以完成一定工作任务为期限', 'ywcydgzrwwqx', 3, '', 1, NULL, ?1, ?1),\n"
	"    ('contract_event', '01', '订立', 'dl', 1, '', 1, NULL, ?1, ?1),\n"
	"    ('contract_event', '02', '续订', 'xd', 2, '', 1, NULL, ?1, ?1),\n"
	"    ('contract_event', '03', '变更', 'bg', 3, '', 1, NULL, ?1, ?1),\n"
	"    ('contract_event', '04', '解除', 'jc', 4, '', 1, NULL, ?1, ?1),\n"
	"    ('contract_event', '05', '终止', 'zz', 5, '', 1, NULL, ?1, ?1),\n"
	"    ('end_reason', 'J36E', '协商一致解除（用人单位提出）', 'xsyzjcyrdwtc', 1, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第三十六条\",\"comp\":\"Y\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J36W', '协商一致解除（劳动者提出）', 'xsyzjcldztc', 2, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第三十六条\",\"comp\":\"N\",\"ui\":\"N\"}', ?1, ?1),\n"
	"    ('end_reason', 'J37', '劳动者提前通知解除', 'ldztqtzjc', 3, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第三十七条\",\"comp\":\"N\",\"ui\":\"N\"}', ?1, ?1),\n"
	"    ('end_reason', 'J38-1', '未按约定提供劳动保护或劳动条件', 'waydtgldbhhldtj', 4, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第三十八条第一款\",\"comp\":\"Y\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J38-2', '未及时足额支付劳动报酬', 'wjszezfldbc', 5, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第三十八条第一款\",\"comp\":\"Y\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J38-3', '未依法缴纳社会保险费', 'wyfjnshbxf', 6, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第三十八条第一款\",\"comp\":\"Y\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J38-4', '规章制度违法损害劳动者权益', 'gzzdwfshldzqy', 7, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第三十八条第一款\",\"comp\":\"Y\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J38-5', '劳动合同无效', 'ldhtwx', 8, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第三十八条第一款\",\"comp\":\"Y\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J38-6', '法律法规规定的其他情形', 'flfggddqtqx', 9, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第三十八条第一款\",\"comp\":\"Y\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J38-I', '强迫劳动或危及人身安全，立即解除', 'qpldhwjrsaqljjc', 10, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第三十八条第二款\",\"comp\":\"Y\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J39-1', '试用期间不符合录用条件', 'syqjbfhlytj', 11, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第三十九条\",\"comp\":\"N\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J39-2', '严重违反规章制度', 'yzwfgzzd', 12, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第三十九条\",\"comp\":\"N\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J39-3', '严重失职、营私舞弊', 'yzszyswb', 13, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第三十九条\",\"comp\":\"N\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J39-4', '兼职影响本职工作或拒不改正', 'jzyxbzgzhjbgz', 14, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第三十九条\",\"comp\":\"N\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J39-5', '以欺诈等手段致使合同无效', 'yqzdsdzshtwx', 15, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第三十九条\",\"comp\":\"N\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J39-6', '被依法追究刑事责任', 'byfzjxszr', 16, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第三十九条\",\"comp\":\"N\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J40-1', '医疗期满不能从事原工作或另行安排的工作', 'ylqmbncsygzhlxapdgz', 17, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第四十条\",\"comp\":\"Y\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J40-2', '不能胜任工作，经培训或调岗仍不能胜任', 'bnsrgzjpxhdgrbnsr', 18, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第四十条\",\"comp\":\"Y\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J40-3', '客观情况发生重大变化，协商未能变更合同', 'kgqkfszdbhxswnbght', 19, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第四十条\",\"comp\":\"Y\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J41-1', '经济性裁员：依照企业破产法重整', 'jjxcyyzqypcfcz', 20, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第四十一条\",\"comp\":\"Y\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J41-2', '经济性裁员：生产经营发生严重困难', 'jjxcyscjyfsyzkn', 21, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第四十一条\",\"comp\":\"Y\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J41-3', '经济性裁员：转产、重大技术革新或经营方式调整', 'jjxcyzczdjsgxhjyfstz', 22, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第四十一条\",\"comp\":\"Y\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'J41-4', '经济性裁员：其他客观经济情况发生重大变化', 'jjxcyqtkgjjqkfszdbh', 23, '', 1, '{\"kind\":\"04\",\"basis\":\"劳动合同法第四十一条\",\"comp\":\"Y\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'Z44-1', '劳动合同期满', 'ldhtqm', 24, '', 1, '{\"kind\":\"05\",\"basis\":\"劳动合同法第四十四条第（一）项\",\"comp\":\"Y*\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'Z44-2', '劳动者开始依法享受基本养老保险待遇', 'ldzksyfxsjbylbxdy', 25, '', 1, '{\"kind\":\"05\",\"basis\":\"劳动合同法第四十四条第（二）项\",\"comp\":\"N\",\"ui\":\"-\"}', ?1, ?1),\n"
	"    ('end_reason', 'Z44-3', '劳动者死亡或被宣告死亡、宣告失踪', 'ldzswhbxgswxgsz', 26, '', 1, '{\"kind\":\"05\",\"basis\":\"劳动合同法第四十四条第（三）项\",\"comp\":\"N\",\"ui\":\"-\"}', ?1, ?1),\n"
	"    ('end_reason', 'Z44-4', '用人单位被依法宣告破产', 'yrdwbyfxgpc', 27, '', 1, '{\"kind\":\"05\",\"basis\":\"劳动合同法第四十四条第（四）项\",\"comp\":\"Y\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'Z44-5', '用人单位被吊销营业执照、责令关闭、撤销或提前解散', 'yrdwbdxyyzzzlgbcxhtqjs', 28, '', 1, '{\"kind\":\"05\",\"basis\":\"劳动合同法第四十四条第（五）项\",\"comp\":\"Y\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'Z21', '劳动者达到法定退休年龄', 'ldzddfdtxnl', 29, '', 1, '{\"kind\":\"05\",\"basis\":\"劳动合同法实施条例第二十一条\",\"comp\":\"N\",\"ui\":\"-\"}', ?1, ?1),\n"
	"    ('end_reason', 'Z22', '工作任务完成', 'gzrwwc', 30, '', 1, '{\"kind\":\"05\",\"basis\":\"劳动合同法实施条例第二十二条\",\"comp\":\"Y\",\"ui\":\"Y\"}', ?1, ?1),\n"
	"    ('end_reason', 'Z05', '劳动者不与用人单位订立书面劳动合同', 'ldzbyyrdwdlsmldht', 31, '', 1, '{\"kind\":\"05\",\"basis\":\"劳动合同法实施条例第五条、第六条\",\"comp\":\"N/Y\",\"ui\":\"?\"}', ?1, ?1),\n"
	"    ('dispute_type', '01', '确认劳动关系', 'qrldgx', 1, '', 1, NULL, ?1, ?1),\n"
	"    ('dispute_type', '02', '未签书面劳动合同二倍工资', 'wqsmldhtebgz', 2, '', 1, NULL, ?1, ?1),\n"
	"    ('dispute_type', '03', '履行、变更劳动合同', 'lxbgldht', 3, '', 1, NULL, ?1, ?1),\n"
	"    ('dispute_type', '04', '解除、终止劳动合同', 'jczzldht', 4, '', 1, NULL, ?1, ?1),\n"
	"    ('dispute_type', '05', '除名、辞退、辞职、离职', 'cmctczlz', 5, '', 1, NULL, ?1, ?1),\n"
	"    ('dispute_type', '06', '工作时间、休息休假', 'gzsjxxxj', 6, '', 1, NULL, ?1, ?1),\n"
	"    ('dispute_type', '07', '社会保险', 'shbx', 7, '', 1, NULL, ?1, ?1),\n"
	"    ('dispute_type', '08', '福利', 'fl', 8, '', 1, NULL, ?1, ?1),\n"
	"    ('dispute_type', '09', '培训、服务期', 'pxfwq', 9, '', 1, NULL, ?1, ?1),\n"
	"    ('dispute_type', '10', '劳动保护', 'ldbh', 10, '', 1, NULL, ?1, ?1),\n"
	"    ('dispute_type', '11', '劳动报酬', 'ldbc', 11, '', 1, NULL, ?1, ?1),\n"
	"    ('dispute_type', '12', '加班费', 'jbf', 12, '', 1, NULL, ?1, ?1),\n"
	"    ('dispute_type', '13', '工伤医疗费、工伤待遇', 'gsylfgsdy', 13, '', 1, NULL, ?1, ?1),\n"
	"    ('dispute_type', '14', '经济补偿', 'jjbc', 14, '', 1, NULL, ?1, ?1),\n"
	"    ('dispute_type', '15', '赔偿金', 'pcj', 15, '', 1, NULL, ?1, ?1),\n"
	"    ('dispute_type', '16', '竞业限制', 'jyxz', 16, '', 1, NULL, ?1, ?1),\n"
	"    ('dispute_type', '99', '其他', 'qt', 17, '', 1, NULL, ?1, ?1),\n"
	"    ('closure', 'TJ', '仲裁调解', 'zctj', 1, '', 1, NULL, ?1, ?1),\n"
	"    ('closure', 'CJ-Z', '终局裁决', 'zjcj', 2, '', 1, NULL, ?1, ?1),\n"
	"    ('closure', 'CJ-F', '非终局裁决', 'fzjcj', 3, '', 1, NULL, ?1, ?1),\n"
	"    ('closure', 'CS', '撤回申请', 'chsq', 4, '', 1, NULL, ?1, ?1),\n"
	"    ('closure', 'SC', '视为撤回', 'swch', 5, '', 1, NULL, ?1, ?1),\n"
	"    ('closure', 'BS', '不予受理', 'bysl', 6, '', 1, NULL, ?1, ?1),\n"
	"    ('closure', 'QT', '其他（移送、终止审理、撤销案件）', 'qtyszzslcxaj', 7, '', 1, NULL, ?1, ?1)\n"
    ;

/* The State Council's holiday arrangements for 2025 and 2026 (rules §9). */
static const char schema_v1_calendar[] =
    "INSERT INTO calendar (day, kind, name, created_at, updated_at) VALUES\n"
	"    ('2025-01-01', 'holiday', '元旦', ?1, ?1),\n"
	"    ('2025-01-26', 'workday', '春节调休上班', ?1, ?1),\n"
	"    ('2025-01-28', 'holiday', '春节', ?1, ?1),\n"
	"    ('2025-01-29', 'holiday', '春节', ?1, ?1),\n"
	"    ('2025-01-30', 'holiday', '春节', ?1, ?1),\n"
	"    ('2025-01-31', 'holiday', '春节', ?1, ?1),\n"
	"    ('2025-02-01', 'holiday', '春节', ?1, ?1),\n"
	"    ('2025-02-02', 'holiday', '春节', ?1, ?1),\n"
	"    ('2025-02-03', 'holiday', '春节', ?1, ?1),\n"
	"    ('2025-02-04', 'holiday', '春节', ?1, ?1),\n"
	"    ('2025-02-08', 'workday', '春节调休上班', ?1, ?1),\n"
	"    ('2025-04-04', 'holiday', '清明节', ?1, ?1),\n"
	"    ('2025-04-05', 'holiday', '清明节', ?1, ?1),\n"
	"    ('2025-04-06', 'holiday', '清明节', ?1, ?1),\n"
	"    ('2025-04-27', 'workday', '劳动节调休上班', ?1, ?1),\n"
	"    ('2025-05-01', 'holiday', '劳动节', ?1, ?1),\n"
	"    ('2025-05-02', 'holiday', '劳动节', ?1, ?1),\n"
	"    ('2025-05-03', 'holiday', '劳动节', ?1, ?1),\n"
	"    ('2025-05-04', 'holiday', '劳动节', ?1, ?1),\n"
	"    ('2025-05-05', 'holiday', '劳动节', ?1, ?1),\n"
	"    ('2025-05-31', 'holiday', '端午节', ?1, ?1),\n"
	"    ('2025-06-01', 'holiday', '端午节', ?1, ?1),\n"
	"    ('2025-06-02', 'holiday', '端午节', ?1, ?1),\n"
	"    ('2025-09-28', 'workday', '国庆节、中秋节调休上班', ?1, ?1),\n"
	"    ('2025-10-01', 'holiday', '国庆节、中秋节', ?1, ?1),\n"
	"    ('2025-10-02', 'holiday', '国庆节、中秋节', ?1, ?1),\n"
	"    ('2025-10-03', 'holiday', '国庆节、中秋节', ?1, ?1),\n"
	"    ('2025-10-04', 'holiday', '国庆节、中秋节', ?1, ?1),\n"
	"    ('2025-10-05', 'holiday', '国庆节、中秋节', ?1, ?1),\n"
	"    ('2025-10-06', 'holiday', '国庆节、中秋节', ?1, ?1),\n"
	"    ('2025-10-07', 'holiday', '国庆节、中秋节', ?1, ?1),\n"
	"    ('2025-10-08', 'holiday', '国庆节、中秋节', ?1, ?1),\n"
	"    ('2025-10-11', 'workday', '国庆节、中秋节调休上班', ?1, ?1),\n"
	"    ('2026-01-01', 'holiday', '元旦', ?1, ?1),\n"
	"    ('2026-01-02', 'holiday', '元旦', ?1, ?1),\n"
	"    ('2026-01-03', 'holiday', '元旦', ?1, ?1),\n"
	"    ('2026-01-04', 'workday', '元旦调休上班', ?1, ?1),\n"
	"    ('2026-02-14', 'workday', '春节调休上班', ?1, ?1),\n"
	"    ('2026-02-15', 'holiday', '春节', ?1, ?1),\n"
	"    ('2026-02-16', 'holiday', '春节', ?1, ?1),\n"
	"    ('2026-02-17', 'holiday', '春节', ?1, ?1),\n"
	"    ('2026-02-18', 'holiday', '春节', ?1, ?1),\n"
	"    ('2026-02-19', 'holiday', '春节', ?1, ?1),\n"
	"    ('2026-02-20', 'holiday', '春节', ?1, ?1),\n"
	"    ('2026-02-21', 'holiday', '春节', ?1, ?1),\n"
	"    ('2026-02-22', 'holiday', '春节', ?1, ?1),\n"
	"    ('2026-02-23', 'holiday', '春节', ?1, ?1),\n"
	"    ('2026-02-28', 'workday', '春节调休上班', ?1, ?1),\n"
	"    ('2026-04-04', 'holiday', '清明节', ?1, ?1),\n"
	"    ('2026-04-05', 'holiday', '清明节', ?1, ?1),\n"
	"    ('2026-04-06', 'holiday', '清明节', ?1, ?1),\n"
	"    ('2026-05-01', 'holiday', '劳动节', ?1, ?1),\n"
	"    ('2026-05-02', 'holiday', '劳动节', ?1, ?1),\n"
	"    ('2026-05-03', 'holiday', '劳动节', ?1, ?1),\n"
	"    ('2026-05-04', 'holiday', '劳动节', ?1, ?1),\n"
	"    ('2026-05-05', 'holiday', '劳动节', ?1, ?1),\n"
	"    ('2026-05-09', 'workday', '劳动节调休上班', ?1, ?1),\n"
	"    ('2026-06-19', 'holiday', '端午节', ?1, ?1),\n"
	"    ('2026-06-20', 'holiday', '端午节', ?1, ?1),\n"
	"    ('2026-06-21', 'holiday', '端午节', ?1, ?1),\n"
	"    ('2026-09-20', 'workday', '国庆节调休上班', ?1, ?1),\n"
	"    ('2026-09-25', 'holiday', '中秋节', ?1, ?1),\n"
	"    ('2026-09-26', 'holiday', '中秋节', ?1, ?1),\n"
	"    ('2026-09-27', 'holiday', '中秋节', ?1, ?1),\n"
	"    ('2026-10-01', 'holiday', '国庆节', ?1, ?1),\n"
	"    ('2026-10-02', 'holiday', '国庆节', ?1, ?1),\n"
	"    ('2026-10-03', 'holiday', '国庆节', ?1, ?1),\n"
	"    ('2026-10-04', 'holiday', '国庆节', ?1, ?1),\n"
	"    ('2026-10-05', 'holiday', '国庆节', ?1, ?1),\n"
	"    ('2026-10-06', 'holiday', '国庆节', ?1, ?1),\n"
	"    ('2026-10-07', 'holiday', '国庆节', ?1, ?1),\n"
	"    ('2026-10-10', 'workday', '国庆节调休上班', ?1, ?1)\n"
    ;

static const char schema_v1_app_id[] = "PRAGMA application_id = 1279410511;\n";

static const char *const schema_v1[] = {
    schema_v1_base,    schema_v1_unemp,    schema_v1_training,   schema_v1_contract, schema_v1_arb,
    schema_v1_system,  schema_v1_settings, schema_v1_codes,      schema_v1_calendar,
    schema_v1_app_id,  NULL,
};

/* ---- migration 2: export and audit indexes, export setting ---- */

static const char schema_v2_indexes[] =
    /* Export reads "everything changed since sequence N" per table. */
    "CREATE INDEX offices_chg ON offices(chg_seq);\n"
    "CREATE INDEX settings_chg ON settings(chg_seq);\n"
    "CREATE INDEX code_items_chg ON code_items(chg_seq);\n"
    "CREATE INDEX calendar_chg ON calendar(chg_seq);\n"
    "CREATE INDEX area_rates_chg ON area_rates(chg_seq);\n"
    "CREATE INDEX persons_chg ON persons(chg_seq);\n"
    "CREATE INDEX employers_chg ON employers(chg_seq);\n"
    "CREATE INDEX unemp_regs_chg ON unemp_regs(chg_seq);\n"
    "CREATE INDEX unemp_followups_chg ON unemp_followups(chg_seq);\n"
    "CREATE INDEX training_classes_chg ON training_classes(chg_seq);\n"
    "CREATE INDEX training_enrollments_chg ON training_enrollments(chg_seq);\n"
    "CREATE INDEX training_attendance_chg ON training_attendance(chg_seq);\n"
    "CREATE INDEX training_assessments_chg ON training_assessments(chg_seq);\n"
    "CREATE INDEX contracts_chg ON contracts(chg_seq);\n"
    "CREATE INDEX contract_events_chg ON contract_events(chg_seq);\n"
    "CREATE INDEX arb_cases_chg ON arb_cases(chg_seq);\n"
    "CREATE INDEX arb_parties_chg ON arb_parties(chg_seq);\n"
    "CREATE INDEX arb_claims_chg ON arb_claims(chg_seq);\n"
    "CREATE INDEX arbitrators_chg ON arbitrators(chg_seq);\n"
    "CREATE INDEX hearing_rooms_chg ON hearing_rooms(chg_seq);\n"
    "CREATE INDEX hearings_chg ON hearings(chg_seq);\n"
    "CREATE INDEX hearing_log_chg ON hearing_log(chg_seq);\n"
    "CREATE INDEX arb_outcomes_chg ON arb_outcomes(chg_seq);\n"
    /* The audit screen lists a record's history and an operator's actions. */
    "CREATE INDEX audit_log_row ON audit_log(tbl, row_id, id);\n"
    "CREATE INDEX audit_log_operator ON audit_log(operator_id, id);\n"
    /* Export files are UTF-8 unless the office's upload needs GB18030. */
    "INSERT INTO settings (key, value, created_at, updated_at) VALUES ('export.encoding', 'UTF-8', ?1, ?1);\n";

static const char *const schema_v2[] = {schema_v2_indexes, NULL};

/* ---- migration 3: exchange of packages between offices ---- */

/*
 * A row of a table without a natural key gets a random 128-bit identity
 * (32 lower-case hex digits) that travels with it to other offices. Existing
 * rows get one here; row.c gives every new row one. The version trigger is
 * lifted while the column is filled, since filling it is not an edit.
 */
#define UID(t)                                                                                     \
	"DROP TRIGGER " t "_version;\n"                                                           \
	"ALTER TABLE " t " ADD COLUMN uid TEXT" CK(t, "uid")                                      \
	"(uid IS NULL OR (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'));\n"                  \
	"UPDATE " t " SET uid = lower(hex(randomblob(16)));\n"                                    \
	VERSION_TRIGGER(t)                                                                         \
	"CREATE UNIQUE INDEX " t "_uid ON " t "(uid);\n"                                          \
	"CREATE TRIGGER " t "_uid_set BEFORE INSERT ON " t " WHEN NEW.uid IS NULL\n"             \
	"BEGIN SELECT RAISE(ABORT, 'uid: " t "'); END;\n"                                         \
	"CREATE TRIGGER " t "_uid_fixed BEFORE UPDATE OF uid ON " t " WHEN NEW.uid IS NOT OLD.uid\n" \
	"BEGIN SELECT RAISE(ABORT, 'uid: " t "'); END;\n"

/*
 * What an import needs to tell an edit made here from one made elsewhere:
 * the office whose package last set the row, the row's version in that
 * office, and the row's version here right after that import. A row with
 * version > sync_local was changed here since (see docs/export-format.md).
 */
#define SYNC(t)                                                                                    \
	"ALTER TABLE " t " ADD COLUMN sync_office TEXT" CK(t, "sync_office") KEY("sync_office", 12) ";\n" \
	"ALTER TABLE " t " ADD COLUMN sync_version INTEGER" CK(t, "sync_version") "(sync_version >= 1);\n" \
	"ALTER TABLE " t " ADD COLUMN sync_local INTEGER" CK(t, "sync_local")                     \
	"(sync_local >= 1 AND (sync_office IS NULL) = (sync_version IS NULL) AND (sync_office IS NULL) = (sync_local IS NULL));\n"

static const char schema_v3_uid[] =
    UID("unemp_regs") UID("unemp_followups") UID("contracts") UID("contract_events")
    UID("arb_parties") UID("arb_claims") UID("arbitrators") UID("hearings") UID("arb_outcomes");

static const char schema_v3_sync[] =
    SYNC("offices") SYNC("persons") SYNC("employers") SYNC("unemp_regs") SYNC("unemp_followups")
    SYNC("training_classes") SYNC("training_enrollments") SYNC("training_attendance")
    SYNC("training_assessments") SYNC("contracts") SYNC("contract_events") SYNC("arb_cases")
    SYNC("arb_parties") SYNC("arb_claims") SYNC("arbitrators") SYNC("hearing_rooms")
    SYNC("hearings") SYNC("arb_outcomes");

static const char schema_v3_tables[] =
    /* One row per package written; a batch is rewritten from it byte for byte. */
    "CREATE TABLE export_batches (\n"
    "  batch INTEGER PRIMARY KEY" CK("export_batches", "batch") "(batch >= 1),\n"
    "  office TEXT NOT NULL" CK("export_batches", "office") KEY("office", 12) ",\n"
    "  first_seq INTEGER NOT NULL" CK("export_batches", "first_seq") "(first_seq >= 1),\n"
    "  last_seq INTEGER NOT NULL" CK("export_batches", "last_seq") "(last_seq >= first_seq),\n"
    "  created_at TEXT NOT NULL" CK("export_batches", "created_at") STAMP_OK("created_at") ",\n"
    "  encoding TEXT NOT NULL" CK("export_batches", "encoding") "(encoding IN ('GB18030', 'UTF-8')),\n"
    "  " FLAG("export_batches", "bom", 0) ",\n"
    "  rows INTEGER NOT NULL" CK("export_batches", "rows") "(rows >= 0),\n"
    /* [{"name": "persons.csv", "rows": n, "bytes": n, "sha256": "…"}, …] in manifest order */
    "  files TEXT NOT NULL" CK("export_batches", "files") "(json_valid(files)),\n"
    "  manifest_sha256 TEXT NOT NULL" CK("export_batches", "manifest_sha256") "(length(manifest_sha256) = 64 AND manifest_sha256 NOT GLOB '*[^0-9a-f]*'),\n"
    "  login TEXT NOT NULL DEFAULT ''\n"
    ");\n"
    APPEND_ONLY("export_batches")

    /* Packages applied here: a package is applied once (office, batch). */
    "CREATE TABLE import_log (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  office TEXT NOT NULL" CK("import_log", "office") KEY("office", 12) ",\n"
    "  batch INTEGER NOT NULL" CK("import_log", "batch") "(batch >= 1),\n"
    "  manifest_sha256 TEXT NOT NULL" CK("import_log", "manifest_sha256") "(length(manifest_sha256) = 64 AND manifest_sha256 NOT GLOB '*[^0-9a-f]*'),\n"
    "  first_seq INTEGER NOT NULL,\n"
    "  last_seq INTEGER NOT NULL,\n"
    "  created_at TEXT NOT NULL,\n"
    "  applied_at TEXT NOT NULL" CK("import_log", "applied_at") STAMP_OK("applied_at") ",\n"
    "  login TEXT NOT NULL DEFAULT '',\n"
    "  inserted INTEGER NOT NULL DEFAULT 0,\n"
    "  updated INTEGER NOT NULL DEFAULT 0,\n"
    "  unchanged INTEGER NOT NULL DEFAULT 0,\n"
    "  older INTEGER NOT NULL DEFAULT 0,\n"
    "  conflicts INTEGER NOT NULL DEFAULT 0,\n"
    "  UNIQUE (office, batch)\n"
    ");\n"
    APPEND_ONLY("import_log")

    /* Rows of a package kept out because of a change made here; the report lists them. */
    "CREATE TABLE import_conflicts (\n"
    "  import_id INTEGER NOT NULL REFERENCES import_log(id),\n"
    "  n INTEGER NOT NULL" CK("import_conflicts", "n") "(n >= 1),\n"
    "  tbl TEXT NOT NULL" CK("import_conflicts", "tbl") "(length(tbl) BETWEEN 1 AND 32),\n"
    "  row_key TEXT NOT NULL" CK("import_conflicts", "row_key") "(length(row_key) <= 200),\n"
    "  line INTEGER NOT NULL,\n"
    "  local_version INTEGER,\n"
    "  incoming_version INTEGER,\n"
    "  reason TEXT NOT NULL" CK("import_conflicts", "reason") "(length(reason) <= 400),\n"
    "  PRIMARY KEY (import_id, n)\n"
    ");\n"
    APPEND_ONLY("import_conflicts")

    /* Packages are GB18030 unless the administrator chose otherwise (Excel in Chinese Windows). */
    "UPDATE settings SET value = 'GB18030', version = version + 1, updated_at = ?1 "
    "WHERE key = 'export.encoding' AND value = 'UTF-8' AND version = 1;\n";

static const char *const schema_v3[] = {schema_v3_uid, schema_v3_sync, schema_v3_tables, NULL};

static const migration schema_list[] = {
    {1, schema_v1},
    {2, schema_v2},
    {3, schema_v3},
};

/* clang-format on */

const migration *schema_migrations(size_t *n)
{
	*n = sizeof schema_list / sizeof schema_list[0];
	return schema_list;
}
