/*
 * demo — deterministic demonstration data for all four workflows (see demo.h).
 *
 * Everything is drawn from one xoshiro256** stream seeded with splitmix64,
 * so a seed and a size always produce the same database. Identity numbers
 * are built the way the standards build them (area code, birth date,
 * sequence with the sex parity, check character) and then checked with the
 * same validators a caseworker's input goes through, so demo data can never
 * hold something the forms would refuse. Rows go in through the repositories'
 * bulk path: one transaction, no per-row audit, one summary audit row.
 */
#include "forms/demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/arb.h"
#include "db/contract.h"
#include "db/employer.h"
#include "db/office.h"
#include "db/setting.h"
#include "db/operator.h"
#include "db/person.h"
#include "db/training.h"
#include "db/unemp.h"
#include "forms/statute.h"
#include "forms/demo_data.h"
#include "forms/idcard.h"
#include "forms/uscc.h"
#include "forms/valid.h"
#include "locale/pinyin.h"

typedef struct demo_rng {
	uint64_t s[4];
} demo_rng;

static uint64_t demo_splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static void demo_rng_seed(demo_rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		r->s[i] = demo_splitmix(&seed);
}

static uint64_t demo_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t demo_next(demo_rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = demo_rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = demo_rotl(s[3], 45);
	return result;
}

/* Uniform in [0, n); n > 0. The bias of a 64-bit modulo is negligible here. */
static uint32_t demo_below(demo_rng *r, uint32_t n)
{
	return (uint32_t)(demo_next(r) % n);
}

/* 1 with probability pct percent. */
static int demo_chance(demo_rng *r, unsigned pct)
{
	return demo_below(r, 100) < pct;
}

/* An index into a list favouring the front: the minimum of two uniform draws. */
static size_t demo_skewed(demo_rng *r, size_t n)
{
	size_t a = demo_below(r, (uint32_t)n), b = demo_below(r, (uint32_t)n);
	return a < b ? a : b;
}

static const demo_area *demo_pick_area(demo_rng *r, int total_weight)
{
	int w = (int)demo_below(r, (uint32_t)total_weight);
	for (size_t i = 0; i < demo_n_areas; i++) {
		w -= demo_areas[i].weight;
		if (w < 0)
			return &demo_areas[i];
	}
	return &demo_areas[0];
}

static int demo_area_total(void)
{
	int t = 0;
	for (size_t i = 0; i < demo_n_areas; i++)
		t += demo_areas[i].weight;
	return t;
}

/*
 * A person's name: surname plus one or two given characters; in Xinjiang
 * often a Uyghur name joined with the middle dot. Returns 1 for the latter.
 */
static int demo_name(demo_rng *r, const demo_area *a, int sex, char *out, size_t size)
{
	if (strncmp(a->code, "65", 2) == 0 && demo_chance(r, 60)) {
		size_t i = demo_below(r, (uint32_t)demo_n_minority_parts);
		size_t j = (i + 1 + demo_below(r, (uint32_t)demo_n_minority_parts - 1)) %
		           demo_n_minority_parts;
		snprintf(out, size, "%s·%s", demo_minority_parts[i], demo_minority_parts[j]);
		return 1;
	}
	const char *sur = demo_surnames[demo_skewed(r, demo_n_surnames)];
	const char *const *given = sex == 1 ? demo_given_male : demo_given_female;
	size_t n_given = sex == 1 ? demo_n_given_male : demo_n_given_female;
	const char *g1 = given[demo_below(r, (uint32_t)n_given)];
	if (demo_chance(r, 35))
		snprintf(out, size, "%s%s%s", sur,
		         demo_given_any[demo_below(r, (uint32_t)demo_n_given_any)], g1);
	else
		snprintf(out, size, "%s%s", sur, g1);
	return 0;
}

/*
 * An 18-character ID for someone born on `birth` in area a with sex 1/2: a
 * random sequence of the right parity, then the check character. `salt`
 * shifts the sequence when a retry is needed after a clash.
 */
static void demo_id(demo_rng *r, const demo_area *a, lb_date birth, int sex, unsigned salt,
                    char out[19])
{
	int y, m, d;
	date_to_ymd(birth, &y, &m, &d);
	unsigned seq = (demo_below(r, 498) * 2 + (sex == 1 ? 1 : 0) + salt * 2) % 996;
	if ((seq % 2 == 1) != (sex == 1))
		seq = (seq + 1) % 996;
	snprintf(out, 19, "%s%04d%02d%02d%03u", a->code, y, m, d, seq);
	out[17] = idcard_check_char(out);
	out[18] = '\0';
}

/* ---- the generator's state ---- */

typedef struct demo_office {
	const char *code;
	const char *name;
	const char *area; /* area code prefix the office serves (county or city) */
	const char *case_prefix;
} demo_office;

/* The offices of the demo bureau; the first is also the arbitration commission. */
static const demo_office demo_offices[] = {
    {"320508-01", "苏州市姑苏区双塔街道劳动保障所", "3205", "苏"},
    {"130682-01", "定州市劳动就业服务局", "1306", "定"},
    {"360702-01", "赣州市章贡区劳动保障事务所", "3607", "赣"},
    {"230502-01", "双鸭山市尖山区劳动保障所", "2305", "双"},
    {"430407-01", "衡阳市石鼓区劳动保障事务所", "4304", "衡"},
};
#define DEMO_N_OFFICES (sizeof demo_offices / sizeof demo_offices[0])

typedef struct demo {
	db *d;
	const demo_opts *o;
	demo_rng rng;
	int area_total;
	demo_progress_fn progress;
	void *ctx;
	int64_t *person_ids; /* row ids of generated persons, in order */
	lb_date *births;
	unsigned char *sexes;
	long n_persons;
	int64_t *employer_ids;
	long n_employers;
	int64_t operator_id;
	int64_t arbitrators[9];
	int64_t rooms[3];
} demo;

static const char *demo_office_for_area(const char *area)
{
	for (size_t i = 0; i < DEMO_N_OFFICES; i++)
		if (strncmp(area, demo_offices[i].area, 4) == 0)
			return demo_offices[i].code;
	return demo_offices[0].code;
}

static void demo_report(demo *g, msg_id stage, long done, long total)
{
	if (g->progress != NULL && (done == total || done % 50000 == 0))
		g->progress(g->ctx, msg_text(stage), done, total);
}

/* A date uniformly in [from, to]. */
static lb_date demo_date_between(demo_rng *r, lb_date from, lb_date to)
{
	if (to <= from)
		return from;
	return from + (lb_date)demo_below(r, (uint32_t)(to - from + 1));
}

static void demo_mobile(demo_rng *r, char *out, size_t size)
{
	snprintf(out, size, "1%u%09u", 3 + demo_below(r, 7), demo_below(r, 1000000000));
}

/* ---- reference data: offices, operator, arbitrators, rooms ---- */

static err_code demo_reference(demo *g, err_info *e)
{
	err_code rc;
	for (size_t i = 0; i < DEMO_N_OFFICES; i++) {
		office o;
		memset(&o, 0, sizeof o);
		snprintf(o.code, sizeof o.code, "%s", demo_offices[i].code);
		snprintf(o.name, sizeof o.name, "%s", demo_offices[i].name);
		snprintf(o.area_code, sizeof o.area_code, "%.6s", demo_offices[i].code);
		snprintf(o.case_prefix, sizeof o.case_prefix, "%s", demo_offices[i].case_prefix);
		if ((rc = office_insert(g->d, &o, e)) != ERR_OK)
			return rc;
	}
	/* The demo bureau's first office is this installation's: its packages export as it. */
	if ((rc = setting_set(g->d, "office.default", demo_offices[0].code, e)) != ERR_OK)
		return rc;
	operator_rec op;
	memset(&op, 0, sizeof op);
	snprintf(op.login, sizeof op.login, "demo");
	snprintf(op.name, sizeof op.name, "演示管理员");
	op.role = ROLE_ADMIN;
	snprintf(op.office, sizeof op.office, "%s", demo_offices[0].code);
	if ((rc = operator_add(g->d, &op, "demo", e)) != ERR_OK)
		return rc;
	g->operator_id = op.id;

	static const char *const arb_names[9] = {"周正华", "林秀英", "陈国栋", "王丽萍", "赵建军",
	                                         "孙慧敏", "吴志强", "郑晓燕", "黄文博"};
	for (int i = 0; i < 9; i++) {
		arb_arbitrator a;
		memset(&a, 0, sizeof a);
		snprintf(a.name, sizeof a.name, "%s", arb_names[i]);
		snprintf(a.office, sizeof a.office, "%s", demo_offices[0].code);
		a.active = 1;
		if ((rc = arb_arbitrator_add(g->d, &a, e)) != ERR_OK)
			return rc;
		g->arbitrators[i] = a.id;
	}
	for (int i = 0; i < 3; i++) {
		arb_room r;
		memset(&r, 0, sizeof r);
		snprintf(r.code, sizeof r.code, "T%d", i + 1);
		snprintf(r.name, sizeof r.name, "第%s仲裁庭", i == 0 ? "一" : i == 1 ? "二" : "三");
		snprintf(r.office, sizeof r.office, "%s", demo_offices[0].code);
		r.active = 1;
		if ((rc = arb_room_add(g->d, &r, e)) != ERR_OK)
			return rc;
		g->rooms[i] = r.id;
	}
	return ERR_OK;
}

/* ---- persons ---- */

/*
 * Put a generated person through the caseworker's validators: demo data
 * that a form would refuse is a bug in the generator, reported as such.
 */
static err_code demo_validate_person(demo *g, const person *p, err_info *e)
{
	idcard_info id;
	char name[128], date[DATE_ISO_LEN];
	err_info why;
	if (idcard_parse(p->id_no, g->o->today, &id, &why) != ERR_OK ||
	    valid_name(p->name, MSG_F_NAME, name, sizeof name, &why) != ERR_OK ||
	    id.sex != p->sex || strcmp(date_format(id.birth, date), p->birth_date) != 0 ||
	    strcmp(name, p->name) != 0) {
		char buf[256];
		return err_set(e, ERR_INTERNAL, MSG_NONE, "demo %s %s: %s", p->id_no, p->name,
		               err_format(&why, buf, sizeof buf));
	}
	return ERR_OK;
}

static const char *const demo_education_codes[] = {"71", "71", "61", "61", "47", "44", "41",
                                                   "31", "31", "21", "21", "14", "81"};

static err_code demo_persons(demo *g, err_info *e)
{
	demo_rng *r = &g->rng;
	lb_date oldest = date_add_years(g->o->today, -66),
	        youngest = date_add_years(g->o->today, -16);
	for (long i = 0; i < g->n_persons; i++) {
		person p;
		memset(&p, 0, sizeof p);
		const demo_area *a = demo_pick_area(r, g->area_total);
		int sex = 1 + (int)demo_below(r, 2);
		lb_date birth = demo_date_between(r, oldest, youngest);
		int uyghur = demo_name(r, a, sex, p.name, sizeof p.name);
		pinyin_name_initials(p.name, p.name_py, sizeof p.name_py);
		p.sex = sex;
		date_format(birth, p.birth_date);
		snprintf(p.ethnicity, sizeof p.ethnicity, "%s",
		         uyghur               ? "05"
		         : demo_chance(r, 96) ? "01"
		         : demo_chance(r, 50) ? "03"
		                              : "11");
		snprintf(p.education, sizeof p.education, "%s",
		         demo_education_codes[demo_below(r, sizeof demo_education_codes /
		                                                sizeof demo_education_codes[0])]);
		snprintf(p.hukou_type, sizeof p.hukou_type, "%s",
		         demo_chance(r, 55)   ? "1"
		         : demo_chance(r, 70) ? "2"
		                              : "3");
		snprintf(p.hukou_area, sizeof p.hukou_area, "%s", a->code);
		snprintf(p.marital, sizeof p.marital, "%s",
		         date_age(birth, g->o->today) < 25 ? "10"
		         : demo_chance(r, 85)              ? "20"
		         : demo_chance(r, 50)              ? "40"
		                                           : "10");
		snprintf(p.politics, sizeof p.politics, "%s",
		         demo_chance(r, 8)    ? "01"
		         : demo_chance(r, 10) ? "03"
		                              : "13");
		demo_mobile(r, p.phone, sizeof p.phone);
		snprintf(p.address, sizeof p.address, "%s%s%u号", a->name,
		         demo_streets[demo_below(r, (uint32_t)demo_n_streets)],
		         1 + demo_below(r, 300));
		snprintf(p.office, sizeof p.office, "%s", demo_office_for_area(a->code));
		err_code rc = ERR_DB_DUPLICATE;
		/* A clash of area, birth date and sequence is rare; move the sequence and retry. */
		for (unsigned salt = 0; rc == ERR_DB_DUPLICATE && salt < 500; salt++) {
			demo_id(r, a, birth, sex, salt, p.id_no);
			if ((rc = demo_validate_person(g, &p, e)) != ERR_OK)
				return rc;
			p.id = 0;
			rc = person_insert(g->d, &p, e);
		}
		if (rc != ERR_OK)
			return rc;
		g->person_ids[i] = p.id;
		g->births[i] = birth;
		g->sexes[i] = (unsigned char)sex;
		demo_report(g, MSG_DEMO_STAGE_PERSONS, i + 1, g->n_persons);
	}
	return ERR_OK;
}

/* ---- employers ---- */

static void demo_uscc(demo_rng *r, const char *area, char out[19])
{
	static const char set[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	char body[9];
	/* Most new bodies start with MA (市场监管 assigned); older ones are digits. */
	int ma = demo_chance(r, 60);
	for (int i = 0; i < 8; i++)
		body[i] = ma && i == 0   ? 'M'
		          : ma && i == 1 ? 'A'
		                         : set[demo_below(r, ma ? 31 : 10)];
	body[8] = '\0';
	snprintf(out, 19, "91%.6s%s%c", area, body, uscc_org_check_char(body));
	out[17] = uscc_check_char(out);
	out[18] = '\0';
}

static const char demo_industries[] = "CCCCEFFGHHIKLMOQ";

static err_code demo_employers(demo *g, err_info *e)
{
	demo_rng *r = &g->rng;
	for (long i = 0; i < g->n_employers; i++) {
		employer emp;
		memset(&emp, 0, sizeof emp);
		const demo_area *a = demo_pick_area(r, g->area_total);
		snprintf(emp.name, sizeof emp.name, "%s%s%s%s", a->name,
		         demo_firm_words[demo_below(r, (uint32_t)demo_n_firm_words)],
		         demo_firm_trades[demo_below(r, (uint32_t)demo_n_firm_trades)],
		         demo_firm_forms[demo_skewed(r, demo_n_firm_forms)]);
		pinyin_name_initials(emp.name, emp.name_py, sizeof emp.name_py);
		snprintf(emp.econ_type, sizeof emp.econ_type, "%s",
		         demo_chance(r, 70)   ? "170"
		         : demo_chance(r, 50) ? "150"
		                              : "110");
		emp.industry[0] = demo_industries[demo_below(r, sizeof demo_industries - 1)];
		snprintf(emp.area_code, sizeof emp.area_code, "%s", a->code);
		snprintf(emp.address, sizeof emp.address, "%s%s%u号", a->name,
		         demo_streets[demo_below(r, (uint32_t)demo_n_streets)],
		         1 + demo_below(r, 500));
		demo_name(r, a, 1, emp.legal_rep, sizeof emp.legal_rep);
		demo_name(r, a, 2, emp.contact, sizeof emp.contact);
		demo_mobile(r, emp.phone, sizeof emp.phone);
		emp.staff_count = 5 + (int)demo_below(r, 800);
		snprintf(emp.office, sizeof emp.office, "%s", demo_office_for_area(a->code));
		err_code rc = ERR_DB_DUPLICATE;
		for (int tries = 0; rc == ERR_DB_DUPLICATE && tries < 20; tries++) {
			uscc_info u;
			err_info why;
			demo_uscc(r, a->code, emp.uscc);
			if (uscc_parse(emp.uscc, &u, &why) != ERR_OK)
				return err_set(e, ERR_INTERNAL, MSG_NONE, "demo uscc %s", emp.uscc);
			snprintf(emp.org_code, sizeof emp.org_code, "%s", u.org_code);
			emp.id = 0;
			rc = employer_insert(g->d, &emp, e);
		}
		if (rc != ERR_OK)
			return rc;
		g->employer_ids[i] = emp.id;
		demo_report(g, MSG_DEMO_STAGE_EMPLOYERS, i + 1, g->n_employers);
	}
	return ERR_OK;
}

/* ---- 失业登记 ---- */

static const char *const demo_cancel_reasons[] = {"ZX01", "ZX01", "ZX01", "ZX02",
                                                  "ZX03", "ZX06", "ZX09", "ZX10"};
static const char *const demo_unemp_reasons[] = {"01", "02", "02", "02", "03", "04", "99"};
static const char *const demo_occupations[] = {"营业员",     "保洁员",  "操作工", "厨师",
                                               "司机",       "会计",    "电工",   "育婴员",
                                               "仓库管理员", "客服专员"};

/*
 * A 就业创业证 number in the reported 16-digit layout: county code, 户籍
 * kind, a check digit, two-digit year, six-digit sequence.
 */
static void demo_card_no(const char *area, int kind, lb_date issued, long seq, char out[21])
{
	int y, m, d;
	date_to_ymd(issued, &y, &m, &d);
	snprintf(out, 21, "%.6s%d0%02d%06ld", area, kind, y % 100, seq % 1000000);
	int sum = 0;
	for (int i = 0; out[i]; i++)
		sum += i == 7 ? 0 : out[i] - '0';
	out[7] = (char)('0' + sum % 10);
}

static err_code demo_unemployment(demo *g, err_info *e)
{
	demo_rng *r = &g->rng;
	lb_date today = g->o->today;
	long n = 0, total = g->n_persons / 16 + 1;
	for (long i = 0; i < g->n_persons && n < total; i++) {
		if (!demo_chance(r, 7))
			continue;
		lb_date reg = demo_date_between(r, date_add_years(today, -3), today - 1);
		int age = date_age(g->births[i], reg);
		int sex = g->sexes[i];
		retire_group grp = statute_default_group(sex);
		if (statute_working_age_ok(g->births[i], grp, reg, NULL) != ERR_OK)
			continue;
		unemp_reg u;
		memset(&u, 0, sizeof u);
		u.person_id = g->person_ids[i];
		person p;
		if (person_get(g->d, u.person_id, &p, e) != ERR_OK)
			return e->code;
		snprintf(u.office, sizeof u.office, "%s", p.office);
		date_format(reg, u.reg_date);
		u.hukou_kind = p.hukou_type[0] == '2' ? UNEMP_RURAL : UNEMP_URBAN;
		const char *reason =
		    age < 24 && demo_chance(r, 60) ? "01" : demo_unemp_reasons[demo_below(r, 7)];
		snprintf(u.reason, sizeof u.reason, "%s", reason);
		if (strcmp(reason, "02") == 0 && g->n_employers > 0) {
			employer emp;
			u.last_employer_id =
			    g->employer_ids[demo_below(r, (uint32_t)g->n_employers)];
			if (employer_get(g->d, u.last_employer_id, &emp, e) != ERR_OK)
				return e->code;
			snprintf(u.last_employer_uscc, sizeof u.last_employer_uscc, "%s", emp.uscc);
			snprintf(u.last_employer_name, sizeof u.last_employer_name, "%s", emp.name);
			u.involuntary = demo_chance(r, 70);
			u.contrib_months = (int)demo_below(r, 180);
		}
		u.entitle_months = u.involuntary ? statute_ui_months(u.contrib_months) : 0;
		u.remain_months = u.entitle_months;
		if (statute_is_4050(sex, g->births[i], reg))
			snprintf(u.categories[u.n_categories++], 4, "01");
		if (strcmp(reason, "01") == 0 && age < 30)
			snprintf(u.categories[u.n_categories++], 4, "08");
		if (demo_chance(r, 4)) {
			snprintf(u.categories[u.n_categories++], 4, "02");
			snprintf(u.difficulty, sizeof u.difficulty, "03");
		}
		if (demo_chance(r, 5)) {
			snprintf(u.categories[u.n_categories++], 4, "04");
			u.low_income = 1;
		}
		if (demo_chance(r, 2)) {
			snprintf(u.categories[u.n_categories++], 4, "03");
			u.disability = 1;
			snprintf(u.difficulty, sizeof u.difficulty, "02");
		}
		u.graduate = strcmp(reason, "01") == 0 && age < 30;
		snprintf(u.wish_occupation, sizeof u.wish_occupation, "%s",
		         demo_occupations[demo_below(r, sizeof demo_occupations /
		                                            sizeof demo_occupations[0])]);
		u.wish_industry[0] = demo_industries[demo_below(r, sizeof demo_industries - 1)];
		u.wish_wage = (int64_t)(2500 + demo_below(r, 60) * 100) * 100;
		demo_card_no(p.hukou_area[0] ? p.hukou_area : "320508", u.hukou_kind, reg, n + 1,
		             u.card_no);
		err_code rc = unemp_insert(g->d, &u, e);
		if (rc != ERR_OK)
			return rc;
		int followups = (int)demo_below(r, 4);
		for (int k = 0; k < followups; k++) {
			unemp_followup f;
			memset(&f, 0, sizeof f);
			f.reg_id = u.id;
			date_format(demo_date_between(r, reg, today), f.service_date);
			static const char *const kinds[] = {"01", "02", "03", "05", "06", "08"};
			snprintf(f.kind, sizeof f.kind, "%s", kinds[demo_below(r, 6)]);
			snprintf(f.note, sizeof f.note, "%s",
			         k == 0 ? "电话回访，了解求职意向"
			                : "推荐岗位一个，已转告用人单位");
			if ((rc = unemp_followup_add(g->d, &f, e)) != ERR_OK)
				return rc;
		}
		/* About a third have ended: found work, or another cancellation reason. */
		if (demo_chance(r, 35) && reg < today - 30) {
			char end[DATE_ISO_LEN];
			date_format(demo_date_between(r, reg + 30, today), end);
			const char *why = demo_cancel_reasons[demo_below(
			    r, sizeof demo_cancel_reasons / sizeof demo_cancel_reasons[0])];
			int64_t new_emp =
			    strcmp(why, "ZX01") == 0 && g->n_employers > 0
			        ? g->employer_ids[demo_below(r, (uint32_t)g->n_employers)]
			        : 0;
			if ((rc = unemp_end(g->d, &u, end, why, new_emp, e)) != ERR_OK)
				return rc;
		}
		n++;
		demo_report(g, MSG_DEMO_STAGE_UNEMP, n, total);
	}
	if (g->progress != NULL && n < total)
		g->progress(g->ctx, msg_text(MSG_DEMO_STAGE_UNEMP), n, n);
	return ERR_OK;
}

/* ---- 培训报名 ---- */

static const char *const demo_class_kinds[][3] = {
    /* type, name, occupation */
    {"01", "再就业技能培训班（家政服务）", "家政服务员"},
    {"01", "再就业技能培训班（电工）", "电工"},
    {"02", "SYB创业培训班", "创业"},
    {"03", "劳动预备制培训班（汽车维修）", "汽车维修工"},
    {"04", "农村劳动力转移培训班（缝纫）", "缝纫工"},
    {"05", "技能提升培训班（焊工）", "焊工"},
    {"05", "技能提升培训班（育婴员）", "育婴员"},
    {"01", "再就业技能培训班（中式烹调）", "中式烹调师"},
};
#define DEMO_N_CLASS_KINDS (sizeof demo_class_kinds / sizeof demo_class_kinds[0])

static err_code demo_training(demo *g, err_info *e)
{
	demo_rng *r = &g->rng;
	lb_date today = g->o->today;
	long classes = g->n_persons / 2000 + 3;
	for (long c = 0; c < classes; c++) {
		training_class tc;
		memset(&tc, 0, sizeof tc);
		const char *const *kind = demo_class_kinds[c % DEMO_N_CLASS_KINDS];
		const demo_office *off = &demo_offices[c % DEMO_N_OFFICES];
		lb_date start = demo_date_between(r, date_add_years(today, -2), today + 60);
		lb_date end = start + 20 + (lb_date)demo_below(r, 40);
		int y, m, d;
		date_to_ymd(start, &y, &m, &d);
		snprintf(tc.code, sizeof tc.code, "PX%04d%05ld", y % 10000, (c + 1) % 100000);
		snprintf(tc.name, sizeof tc.name, "%d年第%ld期%s", y, c / DEMO_N_CLASS_KINDS + 1,
		         kind[1]);
		snprintf(tc.type, sizeof tc.type, "%s", kind[0]);
		snprintf(tc.occupation, sizeof tc.occupation, "%s", kind[2]);
		if (strcmp(kind[0], "02") != 0)
			snprintf(tc.level, sizeof tc.level, "%d", 4 + (int)demo_below(r, 2));
		date_format(start, tc.start_date);
		date_format(end, tc.end_date);
		tc.capacity = 30 + 10 * (int)demo_below(r, 3);
		tc.hours = 60 + 20 * (int)demo_below(r, 6);
		snprintf(tc.provider, sizeof tc.provider, "%s职业技能培训学校",
		         demo_firm_words[c % demo_n_firm_words]);
		snprintf(tc.office, sizeof tc.office, "%s", off->code);
		/* enrollments are taken while the class is open; it moves on afterwards */
		snprintf(tc.status, sizeof tc.status, "%s", TRAINING_OPEN);
		err_code rc = training_class_insert(g->d, &tc, e);
		if (rc != ERR_OK)
			return rc;
		int seats = tc.capacity - (int)demo_below(r, 8);
		long base = (long)demo_below(r, (uint32_t)g->n_persons);
		for (int k = 0; k < seats && k < g->n_persons; k++) {
			/* consecutive persons from a random start: distinct within the class */
			long pi = (base + k * 7) % g->n_persons;
			training_enrollment en;
			memset(&en, 0, sizeof en);
			en.class_id = tc.id;
			en.person_id = g->person_ids[pi];
			date_format(start - 1 - (lb_date)demo_below(r, 20), en.enroll_date);
			rc = training_enroll(g->d, &en, e);
			if (rc == ERR_DB_DUPLICATE)
				continue;
			if (rc != ERR_OK)
				return rc;
			/* attendance on the working days held so far, at most five recorded */
			int recorded = 0;
			for (lb_date day = start; day <= end && day < today && recorded < 5;
			     day++) {
				if (date_weekday(day) >= 6)
					continue;
				char ds[DATE_ISO_LEN];
				if ((rc = training_attendance_set(g->d, en.id, date_format(day, ds),
				                                  demo_chance(r, 92), e)) != ERR_OK)
					return rc;
				recorded++;
			}
			if (end < today) {
				training_assessment as;
				memset(&as, 0, sizeof as);
				as.enrollment_id = en.id;
				date_format(end, as.assess_date);
				snprintf(as.kind, sizeof as.kind, "theory");
				as.score = 50 + demo_below(r, 50);
				as.passed = as.score >= 60;
				if ((rc = training_assessment_add(g->d, &as, e)) != ERR_OK)
					return rc;
				snprintf(en.result, sizeof en.result, "%s",
				         as.passed ? "pass" : "fail");
				if (as.passed && tc.level[0]) {
					snprintf(en.cert_no, sizeof en.cert_no, "Z%.12s%02d",
					         tc.code + 2, k % 100);
					snprintf(en.cert_level, sizeof en.cert_level, "%s",
					         tc.level);
					date_format(end + 10, en.cert_date);
				}
				if ((rc = training_enrollment_update(g->d, &en, e)) != ERR_OK)
					return rc;
			}
		}
		if (start <= today) {
			snprintf(tc.status, sizeof tc.status, "%s",
			         end < today ? TRAINING_FINISHED : TRAINING_RUNNING);
			if ((rc = training_class_update(g->d, &tc, e)) != ERR_OK)
				return rc;
		}
		demo_report(g, MSG_DEMO_STAGE_TRAINING, c + 1, classes);
	}
	return ERR_OK;
}

/* ---- 劳动合同备案 ---- */

static const char *const demo_end_reasons[] = {"Z44-1", "Z44-1", "J36E",  "J36W", "J37",
                                               "J37",   "J39-2", "J40-3", "J41-2"};

static err_code demo_contracts(demo *g, err_info *e)
{
	demo_rng *r = &g->rng;
	lb_date today = g->o->today;
	long n = 0, total = g->n_persons / 7 + 1;
	for (long i = 0; i < g->n_persons && n < total && g->n_employers > 0; i++) {
		if (!demo_chance(r, 15))
			continue;
		lb_date start = demo_date_between(r, date_add_years(today, -4), today);
		if (date_age(g->births[i], start) < 18 ||
		    statute_working_age_ok(g->births[i], statute_default_group(g->sexes[i]), start,
		                           NULL) != ERR_OK)
			continue;
		contract c;
		memset(&c, 0, sizeof c);
		c.employer_id = g->employer_ids[demo_skewed(r, (size_t)g->n_employers)];
		c.person_id = g->person_ids[i];
		c.type = demo_chance(r, 80)   ? CONTRACT_FIXED
		         : demo_chance(r, 70) ? CONTRACT_OPEN
		                              : CONTRACT_TASK;
		c.dispatch = demo_chance(r, 5);
		c.part_time = c.type == CONTRACT_FIXED && !c.dispatch && demo_chance(r, 4);
		date_format(start, c.start_date);
		lb_date end = 0;
		if (c.type == CONTRACT_FIXED) {
			int years =
			    c.dispatch ? 2 + (int)demo_below(r, 2) : 1 + (int)demo_below(r, 3);
			end = statute_months_end(start, 12 * years);
			date_format(end, c.end_date);
		}
		int max_prob = statute_probation_max_months((contract_term_type)c.type, start, end,
		                                            c.part_time);
		c.wage = (int64_t)(2800 + demo_below(r, 80) * 100) * 100;
		if (max_prob > 0 && demo_chance(r, 70)) {
			date_format(statute_months_end(start, max_prob), c.probation_end);
			c.probation_wage = c.wage * 8 / 10;
		}
		snprintf(c.post, sizeof c.post, "%s",
		         demo_posts[demo_below(r, (uint32_t)demo_n_posts)]);
		date_format(start - (lb_date)demo_below(r, 5), c.signed_date);
		date_format(start + (lb_date)demo_below(r, 30), c.filed_date);
		person p;
		if (person_get(g->d, c.person_id, &p, e) != ERR_OK)
			return e->code;
		snprintf(c.office, sizeof c.office, "%s", p.office);
		err_code rc = contract_insert(g->d, &c, e);
		if (rc != ERR_OK)
			return rc;
		contract_event ev;
		memset(&ev, 0, sizeof ev);
		ev.contract_id = c.id;
		snprintf(ev.kind, sizeof ev.kind, "%s", CONTRACT_EV_SIGN);
		snprintf(ev.event_date, sizeof ev.event_date, "%s", c.start_date);
		snprintf(ev.filed_date, sizeof ev.filed_date, "%s", c.filed_date);
		if ((rc = contract_event_add(g->d, &ev, e)) != ERR_OK)
			return rc;
		/* some contracts have ended: at expiry or dissolved on a statutory ground */
		lb_date stop = demo_date_between(r, start + 60, today);
		if (start + 60 < today &&
		    (end != 0 && end < today ? demo_chance(r, 70) : demo_chance(r, 15))) {
			const char *reason = end != 0 && end < today
			                         ? "Z44-1"
			                         : demo_end_reasons[2 + demo_below(r, 7)];
			if (end != 0 && end < today)
				stop = end;
			memset(&ev, 0, sizeof ev);
			ev.contract_id = c.id;
			snprintf(ev.kind, sizeof ev.kind, "%s",
			         reason[0] == 'Z' ? CONTRACT_EV_END : CONTRACT_EV_DISSOLVE);
			date_format(stop, ev.event_date);
			snprintf(ev.reason, sizeof ev.reason, "%s", reason);
			if (strcmp(reason, "J36W") != 0 && strcmp(reason, "J37") != 0 &&
			    strcmp(reason, "J39-2") != 0)
				ev.compensation = c.wage * (1 + (stop - start) / 365);
			date_format(stop + (lb_date)demo_below(r, 7), ev.filed_date);
			if ((rc = contract_event_add(g->d, &ev, e)) != ERR_OK)
				return rc;
		}
		n++;
		demo_report(g, MSG_DEMO_STAGE_CONTRACTS, n, total);
	}
	if (g->progress != NULL && n < total)
		g->progress(g->ctx, msg_text(MSG_DEMO_STAGE_CONTRACTS), n, n);
	return ERR_OK;
}

/* ---- 劳动争议仲裁 ---- */

static const char *const demo_log_lines[][2] = {
    {"首席仲裁员", "现在开庭。核对当事人身份，告知仲裁庭组成人员及当事人权利义务。"},
    {"申请人", "我于入职后一直未签订书面劳动合同，被单位口头辞退，请求支付经济补偿。"},
    {"被申请人", "申请人系因个人原因离职，单位不存在违法解除情形。"},
    {"首席仲裁员", "双方是否愿意调解？"},
    {"申请人", "愿意调解。"},
    {"被申请人", "同意调解，可以协商补偿数额。"},
    {"首席仲裁员", "休庭十分钟，双方协商调解方案。"},
    {"首席仲裁员", "双方当事人对笔录无异议，签字确认。"},
};
#define DEMO_N_LOG_LINES (sizeof demo_log_lines / sizeof demo_log_lines[0])

static err_code demo_arbitration(demo *g, err_info *e)
{
	demo_rng *r = &g->rng;
	lb_date today = g->o->today;
	long cases = g->n_persons / 1000 + 5;
	/* hearings are booked in half-day slots from two years back, never clashing */
	lb_date slot_day = date_add_years(today, -2);
	int slot = 0;
	for (long c = 0; c < cases && g->n_employers > 0; c++) {
		arb_case ac;
		memset(&ac, 0, sizeof ac);
		/* applications arrive in date order over the last two years, so hearings can follow
		 */
		lb_date first = date_add_years(today, -2);
		lb_date apply = first + (lb_date)((int64_t)(today - 1 - first) * c / cases) +
		                (lb_date)demo_below(r, 3);
		if (apply >= today)
			apply = today - 1;
		int y, m, d;
		date_to_ymd(apply, &y, &m, &d);
		snprintf(ac.office, sizeof ac.office, "%s", demo_offices[0].code);
		ac.case_year = y;
		err_code rc = arb_case_next_seq(g->d, ac.office, y, &ac.case_seq, e);
		if (rc != ERR_OK)
			return rc;
		snprintf(ac.case_no, sizeof ac.case_no, "%s劳人仲案字〔%d〕第%d号",
		         demo_offices[0].case_prefix, y, ac.case_seq);
		date_format(apply, ac.apply_date);
		int accepted = !demo_chance(r, 8);
		lb_date accept = apply + 1 + (lb_date)demo_below(r, 5);
		if (accepted && accept <= today)
			date_format(accept, ac.accept_date);
		else
			accepted = 0;
		ac.collective = demo_chance(r, 3);
		ac.worker_count = ac.collective ? 10 + (int)demo_below(r, 30) : 1;
		ac.simple = demo_chance(r, 30);
		snprintf(ac.status, sizeof ac.status, "%s", accepted ? ARB_ACCEPTED : ARB_APPLIED);
		int n_claims = 1 + (int)demo_below(r, 3);
		int64_t amounts[3];
		for (int k = 0; k < n_claims; k++) {
			amounts[k] = (int64_t)(1000 + demo_below(r, 60000)) * 100;
			ac.total_amount += amounts[k];
		}
		if ((rc = arb_case_insert(g->d, &ac, e)) != ERR_OK)
			return rc;

		long pi = (long)demo_below(r, (uint32_t)g->n_persons);
		person p;
		employer emp;
		if (person_get(g->d, g->person_ids[pi], &p, e) != ERR_OK)
			return e->code;
		if (employer_get(g->d, g->employer_ids[demo_below(r, (uint32_t)g->n_employers)],
		                 &emp, e) != ERR_OK)
			return e->code;
		arb_party ap;
		memset(&ap, 0, sizeof ap);
		ap.case_id = ac.id;
		snprintf(ap.role, sizeof ap.role, "%s", ARB_APPLICANT);
		ap.person_id = p.id;
		snprintf(ap.name, sizeof ap.name, "%s", p.name);
		snprintf(ap.id_text, sizeof ap.id_text, "%s", p.id_no);
		snprintf(ap.address, sizeof ap.address, "%s", p.address);
		snprintf(ap.phone, sizeof ap.phone, "%s", p.phone);
		if ((rc = arb_party_add(g->d, &ap, e)) != ERR_OK)
			return rc;
		memset(&ap, 0, sizeof ap);
		ap.case_id = ac.id;
		snprintf(ap.role, sizeof ap.role, "%s", ARB_RESPONDENT);
		ap.employer_id = emp.id;
		snprintf(ap.name, sizeof ap.name, "%s", emp.name);
		snprintf(ap.id_text, sizeof ap.id_text, "%s", emp.uscc);
		snprintf(ap.agent, sizeof ap.agent, "%s", emp.contact);
		snprintf(ap.address, sizeof ap.address, "%s", emp.address);
		snprintf(ap.phone, sizeof ap.phone, "%s", emp.phone);
		if ((rc = arb_party_add(g->d, &ap, e)) != ERR_OK)
			return rc;
		static const char *const claim_types[] = {"02", "04", "11", "12", "14", "15", "07"};
		for (int k = 0; k < n_claims; k++) {
			arb_claim cl;
			memset(&cl, 0, sizeof cl);
			cl.case_id = ac.id;
			snprintf(cl.type, sizeof cl.type, "%s", claim_types[demo_below(r, 7)]);
			cl.amount = amounts[k];
			snprintf(cl.description, sizeof cl.description,
			         "请求裁决被申请人支付相关款项%lld元",
			         (long long)(amounts[k] / 100));
			if ((rc = arb_claim_add(g->d, &cl, e)) != ERR_OK)
				return rc;
		}
		if (!accepted)
			continue;

		/* one hearing in the next free half-day slot after acceptance */
		lb_date want = accept + 10 + (lb_date)demo_below(r, 15);
		if (slot_day < want) {
			slot_day = want;
			slot = 0;
		}
		if (date_weekday(slot_day) >= 6) {
			slot_day += date_weekday(slot_day) == 6 ? 2 : 1;
			slot = 0;
		}
		arb_hearing h;
		memset(&h, 0, sizeof h);
		h.case_id = ac.id;
		char day[DATE_ISO_LEN];
		date_format(slot_day, day);
		int half = slot / 3, room = slot % 3;
		snprintf(h.start_at, sizeof h.start_at, "%s %s", day,
		         half == 0 ? "09:00" : "14:00");
		snprintf(h.end_at, sizeof h.end_at, "%s %s", day, half == 0 ? "11:30" : "17:00");
		h.room_id = g->rooms[room];
		h.chief_id = g->arbitrators[room * 3];
		if (!ac.simple) {
			h.member1_id = g->arbitrators[room * 3 + 1];
			h.member2_id = g->arbitrators[room * 3 + 2];
		}
		h.clerk_id = g->operator_id;
		date_format(slot_day - 5 - (lb_date)demo_below(r, 3), h.notice_date);
		int held = slot_day < today;
		snprintf(h.status, sizeof h.status, "%s", held ? ARB_HELD : ARB_SCHEDULED);
		if (++slot == 6) {
			slot = 0;
			slot_day++;
		}
		if ((rc = arb_hearing_schedule(g->d, &h, e)) != ERR_OK)
			return rc;
		if (!held)
			continue;
		for (size_t k = 0; k < DEMO_N_LOG_LINES; k++) {
			arb_log_line line;
			memset(&line, 0, sizeof line);
			line.hearing_id = h.id;
			snprintf(line.speaker, sizeof line.speaker, "%s", demo_log_lines[k][0]);
			snprintf(line.text, sizeof line.text, "%s", demo_log_lines[k][1]);
			snprintf(line.kind, sizeof line.kind, "%s", ARB_LINE);
			if ((rc = arb_log_append(g->d, &line, e)) != ERR_OK)
				return rc;
		}
		/* most heard cases are closed: mediated, or an award */
		lb_date closed = slot_day + 3 + (lb_date)demo_below(r, 10);
		if (closed < today && demo_chance(r, 80)) {
			arb_outcome out;
			memset(&out, 0, sizeof out);
			out.case_id = ac.id;
			const char *kind = demo_chance(r, 55)   ? "TJ"
			                   : demo_chance(r, 50) ? "CJ-Z"
			                   : demo_chance(r, 70) ? "CJ-F"
			                                        : "CS";
			snprintf(out.kind, sizeof out.kind, "%s", kind);
			date_format(closed, out.outcome_date);
			snprintf(out.doc_no, sizeof out.doc_no, "%.100s%s", ac.case_no,
			         strcmp(kind, "TJ") == 0 ? "调解书" : "");
			out.final = strcmp(kind, "CJ-Z") == 0;
			if ((rc = arb_outcome_add(g->d, &out, e)) != ERR_OK)
				return rc;
			snprintf(ac.closure_code, sizeof ac.closure_code, "%s", kind);
			date_format(closed, ac.closure_date);
			snprintf(ac.status, sizeof ac.status, "%s", ARB_CLOSED);
			ac.final_award = out.final;
			if ((rc = arb_case_update(g->d, &ac, e)) != ERR_OK)
				return rc;
		}
		demo_report(g, MSG_DEMO_STAGE_ARB, c + 1, cases);
	}
	if (g->progress != NULL)
		g->progress(g->ctx, msg_text(MSG_DEMO_STAGE_ARB), cases, cases);
	return ERR_OK;
}

/* ---- driver ---- */

err_code demo_generate(db *d, const demo_opts *o, demo_progress_fn progress, void *ctx, err_info *e)
{
	if (o->persons < 1)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "persons");
	size_t total = 0;
	person_list probe;
	if (person_search(d, "", 0, 1, &probe, &total, e) != ERR_OK)
		return e->code;
	size_t existing = probe.n;
	person_list_free(&probe);
	if (existing > 0)
		return err_set(e, ERR_DEMO_NOT_EMPTY, MSG_NONE, NULL);

	demo g;
	memset(&g, 0, sizeof g);
	g.d = d;
	g.o = o;
	g.progress = progress;
	g.ctx = ctx;
	g.area_total = demo_area_total();
	demo_rng_seed(&g.rng, o->seed);
	g.n_persons = o->persons;
	g.n_employers = o->persons / 50 + 10;
	g.person_ids = calloc((size_t)g.n_persons, sizeof *g.person_ids);
	g.births = calloc((size_t)g.n_persons, sizeof *g.births);
	g.sexes = calloc((size_t)g.n_persons, 1);
	g.employer_ids = calloc((size_t)g.n_employers, sizeof *g.employer_ids);
	err_code rc;
	if (g.person_ids == NULL || g.births == NULL || g.sexes == NULL || g.employer_ids == NULL) {
		rc = err_set(e, ERR_NOMEM, MSG_NONE, NULL);
		goto out;
	}
	if ((rc = db_bulk_begin(d, e)) != ERR_OK)
		goto out;
	if ((rc = demo_reference(&g, e)) != ERR_OK || (rc = demo_persons(&g, e)) != ERR_OK ||
	    (rc = demo_employers(&g, e)) != ERR_OK || (rc = demo_unemployment(&g, e)) != ERR_OK ||
	    (rc = demo_training(&g, e)) != ERR_OK || (rc = demo_contracts(&g, e)) != ERR_OK ||
	    (rc = demo_arbitration(&g, e)) != ERR_OK) {
		db_bulk_abort(d);
		goto out;
	}
	rc = db_bulk_end(d, e);
out:
	free(g.person_ids);
	free(g.births);
	free(g.sexes);
	free(g.employer_ids);
	return rc;
}
