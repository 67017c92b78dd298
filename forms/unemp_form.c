/*
 * unemp_form — 失业登记 and its child forms (see unemp_form.h).
 *
 * The rules themselves are in forms/unemp_rules; this file applies them to
 * the fields, looks up persons, employers and offices, and maps the form to
 * db/unemp. Derived values (性别, 出生日期, the 失业保险金 line, 4050人员)
 * are shown as the user goes and derived again on save, so what is stored
 * agrees with the rules whatever the screen showed.
 */
#include "forms/unemp_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/code.h"
#include "db/employer.h"
#include "db/office.h"
#include "db/person.h"
#include "db/setting.h"
#include "db/unemp.h"
#include "forms/idcard.h"
#include "forms/listing.h"
#include "forms/unemp_rules.h"
#include "forms/uscc.h"
#include "forms/valid.h"
#include "locale/pinyin.h"

/* The template used when no setting gives one: the 16-digit layout of rules §7. */
#define UF_CARD_TEMPLATE "{area6}{hukou1}{check1}{yy}{seq6}"

/* ---- small helpers ---- */

static int uf_never(const form *f)
{
	(void)f;
	return 0;
}

/* A date field's value as a day number, 0 when empty or not a date. */
static lb_date uf_date(const form *f, int i)
{
	lb_date day = 0;
	const char *v = form_value(f, i);
	if (v[0] == '\0' || date_parse(v, MSG_NONE, &day, NULL) != ERR_OK)
		return 0;
	return day;
}

static int64_t uf_int(const form *f, int i)
{
	return strtoll(form_value(f, i), NULL, 10);
}

static err_code uf_put_int(form *f, int i, int64_t v, err_info *e)
{
	char buf[24] = "";
	if (v != 0)
		snprintf(buf, sizeof buf, "%lld", (long long)v);
	return form_put(f, i, buf, e);
}

/* Copy a field into a fixed column buffer; refused, never cut, when it does not fit. */
static err_code uf_copy(form *f, int i, char *dst, size_t size, err_info *e)
{
	const char *v = form_value(f, i);
	size_t n = strlen(v);
	if (n >= size)
		return form_fail(f, i, e, ERR_TEXT_TOO_LONG, msg_text(MSG_D_STORE_LIMIT), size - 1,
		                 n);
	memcpy(dst, v, n + 1);
	return ERR_OK;
}

const char *unemp_form_office(form *f, char *buf, size_t size)
{
	if (buf == NULL || size == 0)
		return buf;
	snprintf(buf, size, "%s", form_office(f));
	if (buf[0] == '\0' && form_db(f) != NULL &&
	    setting_get(form_db(f), "office.default", "", buf, size, NULL) != ERR_OK)
		buf[0] = '\0';
	return buf;
}

/* The office's name for the screen and messages; the code itself when unknown. */
static void uf_office_name(db *d, const char *code, char *out, size_t size)
{
	office o;
	if (code[0] != '\0' && office_get(d, code, &o, NULL) == ERR_OK)
		snprintf(out, size, "%s", o.name);
	else
		snprintf(out, size, "%s", code);
}

/* ---- 失业登记: derived values ---- */

static int uf_sex(const form *f)
{
	return atoi(form_value(f, UF_SEX));
}

static int uf_cadre(const form *f)
{
	return strcmp(form_value(f, UF_CADRE), "1") == 0;
}

/* 原为干部岗位 matters for women only, and only when registering. */
static int uf_cadre_visible(const form *f)
{
	return uf_sex(f) == 2 && form_record_id(f) == 0;
}

static int uf_ended(const form *f)
{
	return form_value(f, UF_END_DATE)[0] != '\0';
}

static int uf_open(const form *f)
{
	return !uf_ended(f);
}

/* The registration date to apply rules on: the field, or today while it is empty. */
static lb_date uf_reg_day(const form *f)
{
	lb_date day = uf_date(f, UF_REG_DATE);
	return day ? day : form_today(f);
}

/* The 失业保险金 line from the contribution and 非本人意愿 as they stand. */
static err_code uf_update_ui(form *f, err_info *e)
{
	int months = 0;
	const char *contrib = form_value(f, UF_CONTRIB);
	const char *inv = form_value(f, UF_INVOLUNTARY);
	if (contrib[0] == '\0' && inv[0] == '\0')
		return form_put(f, UF_UI, "", e);
	if (unemp_rules_contrib_parse(contrib, MSG_UF_CONTRIB, &months, NULL) != ERR_OK)
		return form_put(f, UF_UI, "", e);
	int involuntary = strcmp(inv, "1") == 0 ? 1 : strcmp(inv, "0") == 0 ? 0 : -1;
	char buf[256];
	return form_put(f, UF_UI, unemp_rules_ui_text(months, involuntary, buf, sizeof buf), e);
}

/* 4050人员 follows sex and age on the registration date; nothing to do while unknown. */
static err_code uf_update_4050(form *f, err_info *e)
{
	lb_date birth = uf_date(f, UF_BIRTH_DATE);
	int sex = uf_sex(f);
	int yes = birth != 0 && statute_is_4050(sex, birth, uf_reg_day(f));
	char buf[128];
	err_code c = unemp_rules_with_4050(form_value(f, UF_CATEGORIES), yes, buf, sizeof buf, e);
	return c != ERR_OK ? c : form_put(f, UF_CATEGORIES, buf, e);
}

/* Working age on the registration date, blamed on `field`. */
static err_code uf_check_age(form *f, int field, err_info *e)
{
	lb_date birth = uf_date(f, UF_BIRTH_DATE);
	if (birth == 0 || form_record_id(f) != 0)
		return ERR_OK;
	err_code c = unemp_rules_check_age(uf_sex(f), uf_cadre(f), birth, uf_reg_day(f),
	                                   form_field(f, field)->label, e);
	return c != ERR_OK ? form_fail(f, field, e, c, "%s", e ? e->detail : "") : ERR_OK;
}

/* The person's open registration other than this one, blamed on the ID. */
static err_code uf_check_open(form *f, int64_t person_id, err_info *e)
{
	unemp_reg open;
	err_info fe;
	err_code c = unemp_find_open(form_db(f), person_id, &open, &fe);
	if (c == ERR_NOT_FOUND)
		return ERR_OK;
	if (c != ERR_OK) {
		if (e != NULL)
			*e = fe;
		return c;
	}
	if (open.id == form_record_id(f))
		return ERR_OK;
	char name[184];
	uf_office_name(form_db(f), open.office, name, sizeof name);
	return form_fail(f, UF_ID_NO, e, ERR_UNEMP_OPEN_EXISTS, msg_text(MSG_D_UF_OPEN_AT),
	                 open.reg_date, name);
}

/* End date of the person's latest registration that ended, other than this one. */
static err_code uf_prev_end(form *f, int64_t person_id, char out[11], err_info *e)
{
	out[0] = '\0';
	unemp_list l;
	err_code c = unemp_list_person(form_db(f), person_id, &l, e);
	if (c != ERR_OK)
		return c;
	for (size_t k = 0; k < l.n; k++) {
		const unemp_reg *r = &l.items[k];
		if (r->id == form_record_id(f) || r->end_date[0] == '\0')
			continue;
		/* An existing registration is bounded by those before it only. */
		if (form_record_id(f) != 0 && strcmp(r->reg_date, form_value(f, UF_REG_DATE)) > 0)
			continue;
		if (strcmp(r->end_date, out) > 0)
			snprintf(out, 11, "%s", r->end_date);
	}
	unemp_list_free(&l);
	return ERR_OK;
}

/* ---- 失业登记: field checks ---- */

/* A saved registration keeps its person. */
static err_code uf_check_id(form *f, int field, err_info *e)
{
	if (form_record_id(f) == 0)
		return ERR_OK;
	person p;
	err_code c = person_get(form_db(f), uf_int(f, UF_PERSON_ID), &p, e);
	if (c != ERR_OK)
		return c;
	if (strcmp(p.id_no, form_value(f, field)) != 0)
		return form_fail(f, field, e, ERR_UNEMP_PERSON_CHANGED, "%s", p.id_no);
	return ERR_OK;
}

static err_code uf_check_reg_date(form *f, int field, err_info *e)
{
	lb_date birth = uf_date(f, UF_BIRTH_DATE);
	if (birth == 0)
		return ERR_OK;
	err_code c = unemp_rules_check_reg_date(uf_date(f, field), birth, uf_date(f, UF_PREV_END),
	                                        MSG_UF_REG_DATE, e);
	if (c != ERR_OK)
		return form_fail(f, field, e, c, "%s", e ? e->detail : "");
	return uf_check_age(f, field, e);
}

static err_code uf_check_cadre(form *f, int field, err_info *e)
{
	return uf_check_age(f, field, e);
}

static err_code uf_check_contrib(form *f, int field, err_info *e)
{
	int months;
	return unemp_rules_contrib_parse(form_value(f, field), MSG_UF_CONTRIB, &months, e);
}

/* 4050人员 may not be chosen for someone who is not one (it is derived, not chosen). */
static err_code uf_check_categories(form *f, int field, err_info *e)
{
	lb_date birth = uf_date(f, UF_BIRTH_DATE);
	if (birth == 0 || !unemp_rules_has(form_value(f, field), UNEMP_CAT_4050))
		return ERR_OK;
	if (!statute_is_4050(uf_sex(f), birth, uf_reg_day(f))) {
		int age = date_age(birth, uf_reg_day(f));
		return form_fail(f, field, e, ERR_UNEMP_NOT_4050, msg_text(MSG_D_UF_AGE_AT),
		                 msg_text(uf_sex(f) == 2 ? MSG_PF_SEX_FEMALE : MSG_PF_SEX_MALE),
		                 age);
	}
	return ERR_OK;
}

/* Upper case, then 6-20 digits or capitals. */
static err_code uf_check_card(form *f, int field, err_info *e)
{
	char up[64];
	const char *v = form_value(f, field);
	size_t n = strlen(v);
	if (n >= sizeof up)
		return unemp_rules_card_check(v, MSG_UF_CARD_NO, e);
	for (size_t k = 0; k <= n; k++)
		up[k] = (v[k] >= 'a' && v[k] <= 'z') ? (char)(v[k] - 'a' + 'A') : v[k];
	err_code c = unemp_rules_card_check(up, MSG_UF_CARD_NO, e);
	return c != ERR_OK ? c : form_put(f, field, up, e);
}

/* ---- 失业登记: leaving the ID ---- */

/* Forget the person the form had (a new ID, or none). */
static err_code uf_forget_person(form *f, err_info *e)
{
	err_code c = ERR_OK;
	if (uf_int(f, UF_PERSON_ID) != 0)
		c = form_put(f, UF_NAME, "", e); /* it was the previous person's name */
	int clear[] = {UF_PERSON_ID, UF_PERSON_VERSION, UF_PREV_END};
	for (size_t k = 0; k < sizeof clear / sizeof clear[0] && c == ERR_OK; k++)
		c = form_put(f, clear[k], "", e);
	return c;
}

static err_code uf_leave_id(form *f, msg_id *message, err_info *e)
{
	const char *v = form_value(f, UF_ID_NO);
	err_code c;
	if (v[0] == '\0') {
		c = form_put(f, UF_SEX, "", e);
		if (c == ERR_OK)
			c = form_put(f, UF_BIRTH_DATE, "", e);
		if (c == ERR_OK && form_record_id(f) == 0)
			c = uf_forget_person(f, e);
		return c == ERR_OK ? uf_update_4050(f, e) : c;
	}
	idcard_info info;
	c = idcard_parse(v, form_today(f), &info, e);
	if (c != ERR_OK)
		return c;
	char birth[DATE_ISO_LEN];
	c = form_put(f, UF_SEX, info.sex == 1 ? "1" : "2", e);
	if (c == ERR_OK)
		c = form_put(f, UF_BIRTH_DATE, date_format(info.birth, birth), e);
	if (c != ERR_OK || form_record_id(f) != 0)
		return c == ERR_OK ? uf_update_4050(f, e) : c;

	person p;
	err_info fe;
	c = person_find_by_id_no(form_db(f), info.id, &p, &fe);
	if (c == ERR_NOT_FOUND) {
		c = uf_forget_person(f, e);
		if (c == ERR_OK && *message == MSG_NONE)
			*message = MSG_UF_PERSON_NEW;
	} else if (c != ERR_OK) {
		if (e != NULL)
			*e = fe;
		return c;
	} else {
		/* 同人同库: the person's record gives the name. */
		c = form_put(f, UF_NAME, p.name, e);
		if (c == ERR_OK)
			c = uf_put_int(f, UF_PERSON_ID, p.id, e);
		if (c == ERR_OK)
			c = uf_put_int(f, UF_PERSON_VERSION, p.version, e);
		if (c == ERR_OK && form_value(f, UF_HUKOU_KIND)[0] == '\0' &&
		    p.hukou_type[0] != '\0' && p.hukou_type[0] != '9')
			c = form_put(f, UF_HUKOU_KIND, p.hukou_type[0] == '2' ? "2" : "1", e);
		char prev[11];
		if (c == ERR_OK)
			c = uf_prev_end(f, p.id, prev, e);
		if (c == ERR_OK)
			c = form_put(f, UF_PREV_END, prev, e);
		if (c != ERR_OK)
			return c;
		*message = *message == MSG_FORM_ID_UPGRADED ? MSG_UF_PERSON_LOADED_UPGRADED
		                                            : MSG_UF_PERSON_LOADED;
		c = uf_check_open(f, p.id, e);
	}
	if (c == ERR_OK)
		c = uf_check_age(f, UF_ID_NO, e);
	if (c == ERR_OK)
		c = uf_update_4050(f, e);
	return c;
}

static err_code uf_leave_last_uscc(form *f, msg_id *message, err_info *e)
{
	const char *v = form_value(f, UF_LAST_USCC);
	if (v[0] == '\0')
		return ERR_OK;
	employer emp;
	if (employer_find_by_uscc(form_db(f), v, &emp, NULL) != ERR_OK)
		return ERR_OK;
	*message = MSG_UF_EMPLOYER_FOUND;
	return form_put(f, UF_LAST_NAME, emp.name, e);
}

static err_code uf_on_leave(form *f, int field, msg_id *message, err_info *e)
{
	switch (field) {
	case UF_ID_NO:
		return uf_leave_id(f, message, e);
	case UF_REG_DATE:
	case UF_CATEGORIES:
		return uf_update_4050(f, e);
	case UF_CONTRIB:
	case UF_INVOLUNTARY:
		return uf_update_ui(f, e);
	case UF_LAST_USCC:
		return uf_leave_last_uscc(f, message, e);
	default:
		return ERR_OK;
	}
}

/* ---- 失业登记: cross-field rules on save ---- */

static err_code uf_check_all(form *f, err_info *e)
{
	char office_code[16];
	if (uf_ended(f))
		return err_set(e, ERR_UNEMP_ENDED, MSG_UF_END_DATE, "%s",
		               form_value(f, UF_END_DATE));
	if (unemp_form_office(f, office_code, sizeof office_code)[0] == '\0')
		return err_set(e, ERR_UNEMP_NO_OFFICE, MSG_UF_OFFICE, NULL);
	lb_date birth = uf_date(f, UF_BIRTH_DATE), reg = uf_date(f, UF_REG_DATE);
	if (birth == 0 || reg == 0)
		return err_set(e, ERR_INTERNAL, MSG_NONE, "unchecked ID or date");
	/* Someone may have registered the person since the ID was left. */
	int64_t person_id = uf_int(f, UF_PERSON_ID);
	err_code c = person_id ? uf_check_open(f, person_id, e) : ERR_OK;
	if (c == ERR_OK)
		c = uf_check_age(f, UF_ID_NO, e);
	if (c == ERR_OK)
		c = uf_check_reg_date(f, UF_REG_DATE, e);
	if (c != ERR_OK)
		return c;
	int months = 0;
	c = unemp_rules_contrib_parse(form_value(f, UF_CONTRIB), MSG_UF_CONTRIB, &months, e);
	if (c == ERR_OK)
		c = unemp_rules_contrib_plausible(months, birth, reg, MSG_UF_CONTRIB, e);
	if (c != ERR_OK)
		return form_fail(f, UF_CONTRIB, e, c, "%s", e ? e->detail : "");
	c = uf_update_4050(f, e);
	if (c == ERR_OK)
		c = unemp_rules_check_difficulty(form_value(f, UF_DIFFICULTY),
		                                 form_value(f, UF_CATEGORIES), MSG_UF_DIFFICULTY,
		                                 e);
	if (c != ERR_OK)
		return form_fail(f, UF_DIFFICULTY, e, c, "%s", e ? e->detail : "");
	/* A credit code the employer table does not know needs the name typed. */
	const char *uscc = form_value(f, UF_LAST_USCC);
	if (uscc[0] != '\0' && form_value(f, UF_LAST_NAME)[0] == '\0') {
		employer emp;
		if (employer_find_by_uscc(form_db(f), uscc, &emp, NULL) != ERR_OK)
			return form_fail(f, UF_LAST_NAME, e, ERR_UNEMP_EMPLOYER_NAME, NULL);
	}
	return uf_update_ui(f, e);
}

/* ---- 失业登记: load and save ---- */

/* Show a stored registration and its person. */
static err_code uf_fill(form *f, const unemp_reg *r, const person *p, err_info *e)
{
	char sex[2] = {p->sex == 1 ? '1' : '2', '\0'};
	char inv[2] = {r->involuntary ? '1' : '0', '\0'};
	char kind[2] = {r->hukou_kind == UNEMP_RURAL ? '2' : '1', '\0'};
	char contrib[24] = "";
	if (r->contrib_months % 12 == 0)
		snprintf(contrib, sizeof contrib, "%d", r->contrib_months / 12);
	else
		snprintf(contrib, sizeof contrib, msg_text(MSG_D_UF_N_MONTHS), r->contrib_months);
	char cats[UNEMP_MAX_CATEGORIES * 4 + 1] = "";
	for (size_t k = 0; k < r->n_categories; k++) {
		if (k > 0)
			strcat(cats, ",");
		strcat(cats, r->categories[k]);
	}
	char wage[32] = "";
	if (r->wish_wage > 0)
		valid_money_format(r->wish_wage, wage, sizeof wage);
	char office_name[184];
	uf_office_name(form_db(f), r->office, office_name, sizeof office_name);
	char pid[24], pver[24];
	snprintf(pid, sizeof pid, "%lld", (long long)p->id);
	snprintf(pver, sizeof pver, "%lld", (long long)p->version);
	const char *vals[UF_COUNT] = {
	    [UF_ID_NO] = p->id_no,
	    [UF_NAME] = p->name,
	    [UF_SEX] = sex,
	    [UF_BIRTH_DATE] = p->birth_date,
	    [UF_CADRE] = "",
	    [UF_REG_DATE] = r->reg_date,
	    [UF_OFFICE_NAME] = office_name,
	    [UF_HUKOU_KIND] = kind,
	    [UF_REASON] = r->reason,
	    [UF_LAST_USCC] = r->last_employer_uscc,
	    [UF_LAST_NAME] = r->last_employer_name,
	    [UF_INVOLUNTARY] = inv,
	    [UF_CONTRIB] = contrib,
	    [UF_UI] = "",
	    [UF_CATEGORIES] = cats,
	    [UF_DIFFICULTY] = r->difficulty,
	    [UF_WISH_OCCUPATION] = r->wish_occupation,
	    [UF_WISH_INDUSTRY] = r->wish_industry,
	    [UF_WISH_WAGE] = wage,
	    [UF_CARD_NO] = r->card_no,
	    [UF_END_DATE] = r->end_date,
	    [UF_END_REASON] = r->end_reason,
	    [UF_PERSON_ID] = pid,
	    [UF_PERSON_VERSION] = pver,
	    [UF_OFFICE] = r->office,
	    [UF_PREV_END] = "",
	};
	for (int i = 0; i < UF_COUNT; i++) {
		err_code c = form_put(f, i, vals[i], e);
		if (c != ERR_OK)
			return c;
	}
	form_set_record(f, r->id, r->version);
	char prev[11];
	err_code c = uf_prev_end(f, p->id, prev, e);
	if (c == ERR_OK)
		c = form_put(f, UF_PREV_END, prev, e);
	if (c == ERR_OK)
		c = uf_update_ui(f, e);
	return c;
}

static err_code uf_load(form *f, int64_t id, err_info *e)
{
	unemp_reg r;
	person p;
	err_code c = unemp_get(form_db(f), id, &r, e);
	if (c == ERR_OK)
		c = person_get(form_db(f), r.person_id, &p, e);
	return c == ERR_OK ? uf_fill(f, &r, &p, e) : c;
}

static err_code uf_init(form *f, err_info *e)
{
	char today[DATE_ISO_LEN], office_code[16], name[184];
	unemp_form_office(f, office_code, sizeof office_code);
	uf_office_name(form_db(f), office_code, name, sizeof name);
	err_code c = form_put(f, UF_REG_DATE, date_format(form_today(f), today), e);
	if (c == ERR_OK)
		c = form_put(f, UF_OFFICE, office_code, e);
	if (c == ERR_OK)
		c = form_put(f, UF_OFFICE_NAME, name, e);
	return c;
}

/* The person of the registration: inserted when new, renamed when the name changed. */
static err_code uf_save_person(form *f, person *p, err_info *e)
{
	db *d = form_db(f);
	idcard_info info;
	err_code c = idcard_parse(form_value(f, UF_ID_NO), form_today(f), &info, e);
	if (c != ERR_OK)
		return form_fail(f, UF_ID_NO, e, c, "%s", e ? e->detail : "");
	int64_t id = uf_int(f, UF_PERSON_ID);
	memset(p, 0, sizeof *p);
	if (id == 0) {
		memcpy(p->id_no, info.id, sizeof p->id_no);
		p->sex = info.sex;
		date_format(info.birth, p->birth_date);
		c = uf_copy(f, UF_NAME, p->name, sizeof p->name, e);
		if (c != ERR_OK)
			return c;
		pinyin_name_initials(p->name, p->name_py, sizeof p->name_py);
		unemp_form_office(f, p->office, sizeof p->office);
		c = person_insert(d, p, e);
		if (c == ERR_DB_DUPLICATE) /* entered meanwhile by someone else */
			return form_fail(f, UF_ID_NO, e, ERR_DB_DUPLICATE, "%s", p->id_no);
		return c;
	}
	c = person_get(d, id, p, e);
	if (c != ERR_OK)
		return c;
	if (strcmp(p->name, form_value(f, UF_NAME)) == 0)
		return ERR_OK;
	c = uf_copy(f, UF_NAME, p->name, sizeof p->name, e);
	if (c != ERR_OK)
		return c;
	pinyin_name_initials(p->name, p->name_py, sizeof p->name_py);
	p->version = uf_int(f, UF_PERSON_VERSION);
	c = person_update(d, p, e);
	if (c == ERR_DB_STALE)
		return err_set(e, ERR_DB_STALE, MSG_F_PERSON_RECORD, NULL);
	return c;
}

/* The categories field "01,04" into the registration's array. */
static err_code uf_categories_into(form *f, unemp_reg *r, err_info *e)
{
	r->n_categories = 0;
	for (const char *p = form_value(f, UF_CATEGORIES); *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (r->n_categories >= UNEMP_MAX_CATEGORIES || len == 0 ||
		    len >= sizeof r->categories[0])
			return form_fail(f, UF_CATEGORIES, e, ERR_UNEMP_CATEGORIES,
			                 msg_text(MSG_D_FORM_MAX_ITEMS), UNEMP_MAX_CATEGORIES);
		memcpy(r->categories[r->n_categories], p, len);
		r->categories[r->n_categories++][len] = '\0';
		if (end == NULL)
			break;
		p = end + 1;
	}
	r->low_income = unemp_rules_has(form_value(f, UF_CATEGORIES), UNEMP_CAT_LOW_INCOME);
	r->disability = unemp_rules_has(form_value(f, UF_CATEGORIES), UNEMP_CAT_DISABLED);
	r->graduate = unemp_rules_has(form_value(f, UF_CATEGORIES), UNEMP_CAT_GRADUATE);
	return ERR_OK;
}

/*
 * The next 就业创业证 number of the office for this registration: the
 * office's template (setting cert.template.<office>, else cert.template),
 * the highest sequence in use plus one, inside the save's transaction.
 */
static err_code uf_issue_card(form *f, const unemp_reg *r, char out[21], err_info *e)
{
	db *d = form_db(f);
	char tmpl[128], key[64];
	snprintf(key, sizeof key, "cert.template.%s", r->office);
	err_code c = setting_get(d, key, "", tmpl, sizeof tmpl, e);
	if (c == ERR_OK && tmpl[0] == '\0')
		c = setting_get(d, "cert.template", UF_CARD_TEMPLATE, tmpl, sizeof tmpl, e);
	if (c != ERR_OK)
		return c;
	office o;
	memset(&o, 0, sizeof o);
	if (office_get(d, r->office, &o, NULL) != ERR_OK)
		o.area_code[0] = '\0';
	int y, m, dd;
	date_to_ymd(uf_date(f, UF_REG_DATE), &y, &m, &dd);
	unemp_card_facts facts = {
	    .area = o.area_code, .office = r->office, .hukou_kind = r->hukou_kind, .year = y};
	char glob[160];
	int at = 0, len = 0;
	long seq = 0;
	c = unemp_rules_card_glob(tmpl, &facts, glob, sizeof glob, &at, &len, e);
	if (c == ERR_OK)
		c = unemp_card_max_seq(d, glob, at, len, &seq, e);
	if (c == ERR_OK)
		c = unemp_rules_card_make(tmpl, &facts, seq + 1, out, 21, e);
	if (c != ERR_OK && e != NULL)
		e->field = MSG_UF_CARD_NO;
	return c;
}

static err_code uf_save(form *f, err_info *e)
{
	db *d = form_db(f);
	int64_t id = form_record_id(f);
	person p;
	err_code c = uf_save_person(f, &p, e);
	if (c != ERR_OK)
		return c;
	unemp_reg r;
	memset(&r, 0, sizeof r);
	if (id != 0) {
		c = unemp_get(d, id, &r, e);
		if (c != ERR_OK)
			return c;
		r.version = form_record_version(f);
	} else {
		r.person_id = p.id;
		unemp_form_office(f, r.office, sizeof r.office);
	}
	int old_entitle = r.entitle_months, old_remain = r.remain_months;
	struct {
		int field;
		char *dst;
		size_t size;
	} cols[] = {
	    {UF_REG_DATE, r.reg_date, sizeof r.reg_date},
	    {UF_REASON, r.reason, sizeof r.reason},
	    {UF_LAST_USCC, r.last_employer_uscc, sizeof r.last_employer_uscc},
	    {UF_LAST_NAME, r.last_employer_name, sizeof r.last_employer_name},
	    {UF_DIFFICULTY, r.difficulty, sizeof r.difficulty},
	    {UF_WISH_OCCUPATION, r.wish_occupation, sizeof r.wish_occupation},
	    {UF_WISH_INDUSTRY, r.wish_industry, sizeof r.wish_industry},
	    {UF_CARD_NO, r.card_no, sizeof r.card_no},
	};
	for (size_t k = 0; k < sizeof cols / sizeof cols[0]; k++) {
		c = uf_copy(f, cols[k].field, cols[k].dst, cols[k].size, e);
		if (c != ERR_OK)
			return c;
	}
	r.hukou_kind = strcmp(form_value(f, UF_HUKOU_KIND), "2") == 0 ? UNEMP_RURAL : UNEMP_URBAN;
	r.involuntary = strcmp(form_value(f, UF_INVOLUNTARY), "1") == 0;
	c = unemp_rules_contrib_parse(form_value(f, UF_CONTRIB), MSG_UF_CONTRIB, &r.contrib_months,
	                              e);
	if (c != ERR_OK)
		return form_fail(f, UF_CONTRIB, e, c, "%s", e ? e->detail : "");
	r.entitle_months = unemp_rules_entitlement(r.contrib_months, r.involuntary, NULL);
	/* Months already drawn stay drawn when the entitlement is corrected. */
	int drawn = id != 0 ? old_entitle - old_remain : 0;
	r.remain_months = r.entitle_months - drawn;
	if (r.remain_months < 0)
		r.remain_months = 0;
	r.last_employer_id = 0;
	if (r.last_employer_uscc[0] != '\0') {
		employer emp;
		if (employer_find_by_uscc(d, r.last_employer_uscc, &emp, NULL) == ERR_OK) {
			r.last_employer_id = emp.id;
			snprintf(r.last_employer_name, sizeof r.last_employer_name, "%s", emp.name);
		}
	}
	int64_t wage = 0;
	if (form_value(f, UF_WISH_WAGE)[0] != '\0') {
		c = valid_money(form_value(f, UF_WISH_WAGE), MSG_UF_WISH_WAGE, &wage, e);
		if (c != ERR_OK)
			return form_fail(f, UF_WISH_WAGE, e, c, "%s", e ? e->detail : "");
	}
	r.wish_wage = wage;
	c = uf_categories_into(f, &r, e);
	if (c != ERR_OK)
		return c;
	if (r.card_no[0] == '\0') {
		c = uf_issue_card(f, &r, r.card_no, e);
		if (c != ERR_OK)
			return c;
	}
	c = id == 0 ? unemp_insert(d, &r, e) : unemp_update(d, &r, e);
	if (c == ERR_UNEMP_OPEN_EXISTS)
		return uf_check_open(f, p.id, e) != ERR_OK
		           ? ERR_UNEMP_OPEN_EXISTS
		           : form_fail(f, UF_ID_NO, e, ERR_UNEMP_OPEN_EXISTS, NULL);
	if (c == ERR_DB_DUPLICATE && e != NULL && e->field == MSG_COL_CARD_NO)
		return form_fail(f, UF_CARD_NO, e, ERR_UNEMP_CARD_TAKEN, "%s", r.card_no);
	if (c == ERR_DB_STALE)
		return err_set(e, ERR_DB_STALE, MSG_UF_TITLE, NULL);
	if (c != ERR_OK)
		return c;
	/* Show exactly what was stored: the issued number, derived flags, the person's version. */
	return uf_fill(f, &r, &p, e);
}

/* ---- sub-lists ---- */

static void uf_code_name(db *d, const char *table, const char *code, char *out, size_t size)
{
	code_item item;
	if (code[0] != '\0' && code_get(d, table, code, &item, NULL) == ERR_OK)
		snprintf(out, size, "%s", item.name);
	else
		snprintf(out, size, "%s", code);
}

static err_code uf_followup_rows(form *f, size_t offset, size_t max, listing_row *out, size_t *n,
                                 size_t *total, err_info *e)
{
	unemp_followup_list l;
	err_code c = unemp_followup_list_reg(form_db(f), form_record_id(f), &l, e);
	if (c != ERR_OK)
		return c;
	*total = l.n;
	for (size_t k = offset; k < l.n && *n < max; k++) {
		const unemp_followup *fu = &l.items[k];
		listing_row *row = &out[*n];
		memset(row, 0, sizeof *row);
		row->id = fu->id;
		char kind[184];
		uf_code_name(form_db(f), CODE_T_SERVICE_KIND, fu->kind, kind, sizeof kind);
		listing_cell_put(row, 0, fu->service_date);
		listing_cell_put(row, 1, kind);
		/* One line per row: a memo's line breaks become spaces. */
		char note[sizeof fu->note];
		snprintf(note, sizeof note, "%s", fu->note);
		for (char *p = note; *p; p++)
			if (*p == '\n')
				*p = ' ';
		listing_cell_put(row, 2, note);
		(*n)++;
	}
	unemp_followup_list_free(&l);
	return ERR_OK;
}

static err_code uf_history_rows(form *f, size_t offset, size_t max, listing_row *out, size_t *n,
                                size_t *total, err_info *e)
{
	unemp_list l;
	err_code c = unemp_list_person(form_db(f), uf_int(f, UF_PERSON_ID), &l, e);
	if (c != ERR_OK)
		return c;
	size_t seen = 0;
	for (size_t k = 0; k < l.n; k++) {
		const unemp_reg *r = &l.items[k];
		if (r->id == form_record_id(f))
			continue;
		if (seen++ < offset || *n >= max)
			continue;
		listing_row *row = &out[*n];
		memset(row, 0, sizeof *row);
		row->id = r->id;
		char where[184], why[184];
		uf_office_name(form_db(f), r->office, where, sizeof where);
		uf_code_name(form_db(f), CODE_T_CANCEL_REASON, r->end_reason, why, sizeof why);
		listing_cell_put(row, 0, r->reg_date);
		listing_cell_put(row, 1, r->end_date[0] ? r->end_date : msg_text(MSG_UF_OPEN));
		listing_cell_put(row, 2, where);
		listing_cell_put(row, 3, why);
		(*n)++;
	}
	*total = seen;
	unemp_list_free(&l);
	return ERR_OK;
}

/* ---- 结束失业登记 ---- */

static err_code ue_check_end_date(form *f, int field, err_info *e)
{
	lb_date reg = uf_date(f, UE_REG_DATE);
	if (reg == 0)
		return ERR_OK;
	return unemp_rules_check_end_date(reg, uf_date(f, field), MSG_UF_END_DATE, e);
}

static err_code ue_on_leave(form *f, int field, msg_id *message, err_info *e)
{
	if (field != UE_NEW_USCC || form_value(f, field)[0] == '\0')
		return ERR_OK;
	employer emp;
	if (employer_find_by_uscc(form_db(f), form_value(f, field), &emp, NULL) != ERR_OK)
		return ERR_OK;
	*message = MSG_UF_EMPLOYER_FOUND;
	return form_put(f, UE_NEW_NAME, emp.name, e);
}

static err_code ue_fill(form *f, const unemp_reg *r, err_info *e)
{
	person p;
	err_code c = person_get(form_db(f), r->person_id, &p, e);
	if (c != ERR_OK)
		return c;
	char today[DATE_ISO_LEN], uscc[19] = "", name[304] = "";
	if (r->new_employer_id != 0) {
		employer emp;
		if (employer_get(form_db(f), r->new_employer_id, &emp, NULL) == ERR_OK) {
			snprintf(uscc, sizeof uscc, "%s", emp.uscc);
			snprintf(name, sizeof name, "%s", emp.name);
		}
	}
	const char *vals[UE_COUNT] = {
	    [UE_ID_NO] = p.id_no,
	    [UE_NAME] = p.name,
	    [UE_REG_DATE] = r->reg_date,
	    [UE_END_DATE] = r->end_date[0] ? r->end_date : date_format(form_today(f), today),
	    [UE_END_REASON] = r->end_reason,
	    [UE_NEW_USCC] = uscc,
	    [UE_NEW_NAME] = name,
	};
	for (int i = 0; i < UE_COUNT && c == ERR_OK; i++)
		c = form_put(f, i, vals[i], e);
	form_set_record(f, r->id, r->version);
	return c;
}

static err_code ue_load(form *f, int64_t id, err_info *e)
{
	unemp_reg r;
	err_code c = unemp_get(form_db(f), id, &r, e);
	if (c != ERR_OK)
		return c;
	c = ue_fill(f, &r, e);
	/* An ended registration is shown as it ended, not to be ended again. */
	if (c == ERR_OK && r.end_date[0] != '\0')
		form_set_readonly(f, 1);
	return c;
}

static err_code ue_check_all(form *f, err_info *e)
{
	const char *reason = form_value(f, UE_END_REASON);
	int has_uscc = form_value(f, UE_NEW_USCC)[0] != '\0';
	int has_name = form_value(f, UE_NEW_NAME)[0] != '\0';
	if ((has_uscc || has_name) && !unemp_rules_end_takes_employer(reason)) {
		char why[184];
		uf_code_name(form_db(f), CODE_T_CANCEL_REASON, reason, why, sizeof why);
		return form_fail(f, has_uscc ? UE_NEW_USCC : UE_NEW_NAME, e,
		                 ERR_UNEMP_EMPLOYER_NOT_ALLOWED, msg_text(MSG_D_UF_END_REASON_IS),
		                 why);
	}
	if (has_name && !has_uscc)
		return form_fail(f, UE_NEW_USCC, e, ERR_FIELD_REQUIRED, "%s",
		                 msg_text(MSG_D_UF_NEW_EMPLOYER_CODE));
	if (has_uscc && !has_name) {
		employer emp;
		if (employer_find_by_uscc(form_db(f), form_value(f, UE_NEW_USCC), &emp, NULL) !=
		    ERR_OK)
			return form_fail(f, UE_NEW_NAME, e, ERR_UNEMP_EMPLOYER_NAME, NULL);
	}
	return ERR_OK;
}

/* The new employer's id: the one with this credit code, or a new employer entered now. */
static err_code ue_employer(form *f, int64_t *id, err_info *e)
{
	*id = 0;
	const char *code = form_value(f, UE_NEW_USCC);
	if (code[0] == '\0')
		return ERR_OK;
	db *d = form_db(f);
	employer emp;
	err_code c = employer_find_by_uscc(d, code, &emp, NULL);
	if (c == ERR_OK) {
		*id = emp.id;
		return ERR_OK;
	}
	memset(&emp, 0, sizeof emp);
	uscc_info info;
	c = uscc_parse(code, &info, e);
	if (c != ERR_OK)
		return form_fail(f, UE_NEW_USCC, e, c, "%s", e ? e->detail : "");
	snprintf(emp.uscc, sizeof emp.uscc, "%s", info.code);
	snprintf(emp.org_code, sizeof emp.org_code, "%s", info.org_code);
	c = uf_copy(f, UE_NEW_NAME, emp.name, sizeof emp.name, e);
	if (c != ERR_OK)
		return c;
	pinyin_name_initials(emp.name, emp.name_py, sizeof emp.name_py);
	unemp_form_office(f, emp.office, sizeof emp.office);
	c = employer_insert(d, &emp, e);
	if (c == ERR_OK)
		*id = emp.id;
	return c;
}

static err_code ue_save(form *f, err_info *e)
{
	int64_t emp = 0;
	err_code c = ue_employer(f, &emp, e);
	if (c != ERR_OK)
		return c;
	unemp_reg r;
	memset(&r, 0, sizeof r);
	r.id = form_record_id(f);
	r.version = form_record_version(f);
	c = unemp_end(form_db(f), &r, form_value(f, UE_END_DATE), form_value(f, UE_END_REASON), emp,
	              e);
	if (c == ERR_DB_STALE)
		return err_set(e, ERR_DB_STALE, MSG_UF_TITLE, NULL);
	if (c == ERR_UNEMP_ENDED)
		return form_fail(f, UE_END_DATE, e, c, "%s", e ? e->detail : "");
	return c == ERR_OK ? ue_fill(f, &r, e) : c;
}

/* ---- 就业服务记录 ---- */

/* The registration the follow-up belongs to, shown and kept in hidden fields. */
static err_code ufu_put_reg(form *f, int64_t reg_id, err_info *e)
{
	unemp_reg r;
	person p;
	err_code c = unemp_get(form_db(f), reg_id, &r, e);
	if (c == ERR_OK)
		c = person_get(form_db(f), r.person_id, &p, e);
	if (c == ERR_OK)
		c = form_put(f, UFU_NAME, p.name, e);
	if (c == ERR_OK)
		c = form_put(f, UFU_REG_DATE, r.reg_date, e);
	if (c == ERR_OK)
		c = uf_put_int(f, UFU_REG_ID, r.id, e);
	if (c == ERR_OK)
		c = form_put(f, UFU_END_DATE, r.end_date, e);
	return c;
}

static err_code ufu_init(form *f, err_info *e)
{
	char today[DATE_ISO_LEN];
	err_code c = form_put(f, UFU_SERVICE_DATE, date_format(form_today(f), today), e);
	form *parent = form_parent(f);
	if (c == ERR_OK && parent != NULL && form_record_id(parent) > 0)
		c = ufu_put_reg(f, form_record_id(parent), e);
	return c;
}

static err_code ufu_load(form *f, int64_t id, err_info *e)
{
	unemp_followup fu;
	err_code c = unemp_followup_get(form_db(f), id, &fu, e);
	if (c == ERR_OK)
		c = ufu_put_reg(f, fu.reg_id, e);
	if (c == ERR_OK)
		c = form_put(f, UFU_SERVICE_DATE, fu.service_date, e);
	if (c == ERR_OK)
		c = form_put(f, UFU_KIND, fu.kind, e);
	if (c == ERR_OK)
		c = form_put(f, UFU_NOTE, fu.note, e);
	form_set_record(f, fu.id, fu.version);
	return c;
}

static err_code ufu_check_date(form *f, int field, err_info *e)
{
	lb_date reg = uf_date(f, UFU_REG_DATE);
	if (reg == 0)
		return ERR_OK;
	return unemp_rules_check_service_date(reg, uf_date(f, UFU_END_DATE), form_today(f),
	                                      uf_date(f, field), MSG_UF_SERVICE_DATE, e);
}

static err_code ufu_check_all(form *f, err_info *e)
{
	if (uf_int(f, UFU_REG_ID) <= 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "follow-up without a registration");
	return ERR_OK;
}

static err_code ufu_save(form *f, err_info *e)
{
	unemp_followup fu;
	memset(&fu, 0, sizeof fu);
	fu.id = form_record_id(f);
	fu.reg_id = uf_int(f, UFU_REG_ID);
	fu.version = form_record_version(f);
	err_code c = uf_copy(f, UFU_SERVICE_DATE, fu.service_date, sizeof fu.service_date, e);
	if (c == ERR_OK)
		c = uf_copy(f, UFU_KIND, fu.kind, sizeof fu.kind, e);
	if (c == ERR_OK)
		c = uf_copy(f, UFU_NOTE, fu.note, sizeof fu.note, e);
	if (c != ERR_OK)
		return c;
	if (fu.id == 0) {
		c = unemp_followup_add(form_db(f), &fu, e);
	} else {
		c = unemp_followup_update(form_db(f), &fu, e);
		if (c == ERR_DB_STALE)
			return err_set(e, ERR_DB_STALE, MSG_UF_FU_TITLE, NULL);
	}
	if (c == ERR_OK)
		form_set_record(f, fu.id, fu.version);
	return c;
}

/* ---- the specs ---- */

static const form_option uf_hukou_kinds[] = {
    {"1", MSG_UF_URBAN},
    {"2", MSG_UF_RURAL},
};

#define UF_HIDDEN(fid)                                                                             \
	{                                                                                          \
		.id = fid, .label = MSG_F_REMARK, .type = FT_TEXT, .flags = FF_READONLY,           \
		.max_chars = 24, .visible = uf_never                                               \
	}

static const field_spec uf_fields[UF_COUNT] = {
    [UF_ID_NO] = {.id = "id_no",
                  .label = MSG_F_ID_NO,
                  .type = FT_IDNO,
                  .flags = FF_KEY | FF_REQUIRED,
                  .max_chars = 18,
                  .width = 18,
                  .hint = MSG_UF_HINT_ID_NO,
                  .check = uf_check_id},
    [UF_NAME] = {.id = "name",
                 .label = MSG_F_NAME,
                 .type = FT_NAME,
                 .flags = FF_REQUIRED,
                 .max_chars = 30,
                 .width = 16,
                 .hint = MSG_PF_HINT_NAME},
    [UF_SEX] = {.id = "sex",
                .label = MSG_F_SEX,
                .type = FT_CODE,
                .flags = FF_READONLY,
                .max_chars = 1,
                .width = 4,
                .code_table = CODE_T_SEX},
    [UF_BIRTH_DATE] = {.id = "birth_date",
                       .label = MSG_F_BIRTH_DATE,
                       .type = FT_DATE,
                       .flags = FF_READONLY,
                       .max_chars = 10,
                       .width = 10},
    [UF_CADRE] = {.id = "cadre",
                  .label = MSG_UF_CADRE,
                  .type = FT_BOOL,
                  .max_chars = 2,
                  .width = 4,
                  .hint = MSG_UF_HINT_CADRE,
                  .check = uf_check_cadre,
                  .visible = uf_cadre_visible},
    [UF_REG_DATE] = {.id = "reg_date",
                     .label = MSG_UF_REG_DATE,
                     .type = FT_DATE,
                     .flags = FF_REQUIRED | FF_NOFUTURE,
                     .max_chars = 10,
                     .width = 10,
                     .hint = MSG_UF_HINT_DATE,
                     .check = uf_check_reg_date},
    [UF_OFFICE_NAME] = {.id = "office_name",
                        .label = MSG_UF_OFFICE,
                        .type = FT_TEXT,
                        .flags = FF_READONLY,
                        .max_chars = 60,
                        .width = 24},
    [UF_HUKOU_KIND] = {.id = "hukou_kind",
                       .label = MSG_UF_HUKOU_KIND,
                       .type = FT_CODE,
                       .flags = FF_REQUIRED,
                       .max_chars = 4,
                       .width = 6,
                       .options = uf_hukou_kinds,
                       .n_options = 2,
                       .hint = MSG_UF_HINT_CODE},
    [UF_REASON] = {.id = "reason",
                   .label = MSG_UF_REASON,
                   .type = FT_CODE,
                   .flags = FF_REQUIRED,
                   .max_chars = 16,
                   .width = 6,
                   .code_table = CODE_T_UNEMP_REASON,
                   .hint = MSG_UF_HINT_CODE},
    [UF_LAST_USCC] = {.id = "last_uscc",
                      .label = MSG_UF_LAST_USCC,
                      .type = FT_USCC,
                      .max_chars = 18,
                      .width = 18,
                      .hint = MSG_UF_HINT_USCC},
    [UF_LAST_NAME] = {.id = "last_name",
                      .label = MSG_UF_LAST_NAME,
                      .type = FT_TEXT,
                      .max_chars = 100,
                      .width = 40},
    [UF_INVOLUNTARY] = {.id = "involuntary",
                        .label = MSG_UF_INVOLUNTARY,
                        .type = FT_BOOL,
                        .flags = FF_REQUIRED,
                        .max_chars = 2,
                        .width = 4,
                        .hint = MSG_UF_HINT_INVOLUNTARY},
    [UF_CONTRIB] = {.id = "contrib",
                    .label = MSG_UF_CONTRIB,
                    .type = FT_TEXT,
                    .max_chars = 16,
                    .width = 12,
                    .hint = MSG_UF_HINT_CONTRIB,
                    .check = uf_check_contrib},
    [UF_UI] = {.id = "ui",
               .label = MSG_UF_UI,
               .type = FT_TEXT,
               .flags = FF_READONLY,
               .max_chars = 100,
               .width = 60},
    [UF_CATEGORIES] = {.id = "categories",
                       .label = MSG_UF_CATEGORIES,
                       .type = FT_CODES,
                       .max_chars = 64,
                       .width = 14,
                       .code_table = CODE_T_UNEMP_CATEGORY,
                       .hint = MSG_UF_HINT_CATEGORIES,
                       .check = uf_check_categories},
    [UF_DIFFICULTY] = {.id = "difficulty",
                       .label = MSG_UF_DIFFICULTY,
                       .type = FT_CODE,
                       .max_chars = 16,
                       .width = 6,
                       .code_table = CODE_T_DIFFICULTY,
                       .hint = MSG_UF_HINT_CODE},
    [UF_WISH_OCCUPATION] = {.id = "wish_occupation",
                            .label = MSG_UF_WISH_OCCUPATION,
                            .type = FT_TEXT,
                            .max_chars = 30,
                            .width = 20},
    [UF_WISH_INDUSTRY] = {.id = "wish_industry",
                          .label = MSG_UF_WISH_INDUSTRY,
                          .type = FT_CODE,
                          .max_chars = 16,
                          .width = 6,
                          .code_table = CODE_T_INDUSTRY,
                          .hint = MSG_UF_HINT_CODE},
    [UF_WISH_WAGE] = {.id = "wish_wage",
                      .label = MSG_UF_WISH_WAGE,
                      .type = FT_MONEY,
                      .max_chars = 16,
                      .width = 12},
    [UF_CARD_NO] = {.id = "card_no",
                    .label = MSG_UF_CARD_NO,
                    .type = FT_TEXT,
                    .max_chars = 20,
                    .width = 20,
                    .hint = MSG_UF_HINT_CARD_NO,
                    .check = uf_check_card},
    [UF_END_DATE] = {.id = "end_date",
                     .label = MSG_UF_END_DATE,
                     .type = FT_DATE,
                     .flags = FF_READONLY,
                     .max_chars = 10,
                     .width = 10,
                     .visible = uf_ended},
    [UF_END_REASON] = {.id = "end_reason",
                       .label = MSG_UF_END_REASON,
                       .type = FT_CODE,
                       .flags = FF_READONLY,
                       .max_chars = 16,
                       .width = 30,
                       .code_table = CODE_T_CANCEL_REASON,
                       .visible = uf_ended},
    [UF_PERSON_ID] = UF_HIDDEN("person_id"),
    [UF_PERSON_VERSION] = UF_HIDDEN("person_version"),
    [UF_OFFICE] = UF_HIDDEN("office"),
    [UF_PREV_END] = UF_HIDDEN("prev_end"),
};

static const listing_column uf_followup_columns[] = {
    {.label = MSG_UF_SERVICE_DATE, .width = 10},
    {.label = MSG_UF_SERVICE_KIND, .width = 10},
    {.label = MSG_UF_NOTE, .width = 0},
};

static const listing_column uf_history_columns[] = {
    {.label = MSG_UF_REG_DATE, .width = 10},
    {.label = MSG_UF_END_DATE, .width = 10},
    {.label = MSG_UF_OFFICE, .width = 20},
    {.label = MSG_UF_END_REASON, .width = 0},
};

static const form_sublist uf_sublists[] = {
    [UF_LIST_FOLLOWUPS] = {.id = "followups",
                           .title = MSG_UF_FU_TITLE,
                           .columns = uf_followup_columns,
                           .n_columns = 3,
                           .rows = uf_followup_rows,
                           .form = &unemp_followup_spec},
    [UF_LIST_HISTORY] = {.id = "history",
                         .title = MSG_UF_HISTORY_TITLE,
                         .columns = uf_history_columns,
                         .n_columns = 4,
                         .rows = uf_history_rows,
                         .form = &unemp_form_spec},
};

static const form_action uf_actions[] = {
    [UF_ACT_FOLLOWUP] = {.id = "followup",
                         .label = MSG_UF_ACT_FOLLOWUP,
                         .form = &unemp_followup_spec,
                         .enabled = uf_open},
    [UF_ACT_END] = {.id = "end",
                    .label = MSG_UF_ACT_END,
                    .form = &unemp_end_spec,
                    .flags = FA_SAME_RECORD,
                    .enabled = uf_open},
};

const form_spec unemp_form_spec = {
    .id = "unemp",
    .title = MSG_UF_TITLE,
    .fields = uf_fields,
    .n_fields = UF_COUNT,
    .init = uf_init,
    .on_leave = uf_on_leave,
    .check_all = uf_check_all,
    .load = uf_load,
    .save = uf_save,
    .sublists = uf_sublists,
    .n_sublists = 2,
    .actions = uf_actions,
    .n_actions = 2,
};

static const field_spec ue_fields[UE_COUNT] = {
    [UE_ID_NO] = {.id = "id_no",
                  .label = MSG_F_ID_NO,
                  .type = FT_TEXT,
                  .flags = FF_READONLY,
                  .max_chars = 18,
                  .width = 18},
    [UE_NAME] = {.id = "name",
                 .label = MSG_F_NAME,
                 .type = FT_TEXT,
                 .flags = FF_READONLY,
                 .max_chars = 40,
                 .width = 16},
    [UE_REG_DATE] = {.id = "reg_date",
                     .label = MSG_UF_REG_DATE,
                     .type = FT_DATE,
                     .flags = FF_READONLY,
                     .max_chars = 10,
                     .width = 10},
    [UE_END_DATE] = {.id = "end_date",
                     .label = MSG_UF_END_DATE,
                     .type = FT_DATE,
                     .flags = FF_REQUIRED | FF_NOFUTURE,
                     .max_chars = 10,
                     .width = 10,
                     .hint = MSG_UF_HINT_DATE,
                     .check = ue_check_end_date},
    [UE_END_REASON] = {.id = "end_reason",
                       .label = MSG_UF_END_REASON,
                       .type = FT_CODE,
                       .flags = FF_REQUIRED,
                       .max_chars = 16,
                       .width = 6,
                       .code_table = CODE_T_CANCEL_REASON,
                       .hint = MSG_UF_HINT_CODE},
    [UE_NEW_USCC] = {.id = "new_uscc",
                     .label = MSG_UF_NEW_USCC,
                     .type = FT_USCC,
                     .max_chars = 18,
                     .width = 18,
                     .hint = MSG_UF_HINT_USCC},
    [UE_NEW_NAME] = {.id = "new_name",
                     .label = MSG_UF_NEW_NAME,
                     .type = FT_TEXT,
                     .max_chars = 100,
                     .width = 40},
};

const form_spec unemp_end_spec = {
    .id = "unemp_end",
    .title = MSG_UF_END_TITLE,
    .fields = ue_fields,
    .n_fields = UE_COUNT,
    .on_leave = ue_on_leave,
    .check_all = ue_check_all,
    .load = ue_load,
    .save = ue_save,
};

static const field_spec ufu_fields[UFU_COUNT] = {
    [UFU_NAME] = {.id = "name",
                  .label = MSG_F_NAME,
                  .type = FT_TEXT,
                  .flags = FF_READONLY,
                  .max_chars = 40,
                  .width = 16},
    [UFU_REG_DATE] = {.id = "reg_date",
                      .label = MSG_UF_REG_DATE,
                      .type = FT_DATE,
                      .flags = FF_READONLY,
                      .max_chars = 10,
                      .width = 10},
    [UFU_SERVICE_DATE] = {.id = "service_date",
                          .label = MSG_UF_SERVICE_DATE,
                          .type = FT_DATE,
                          .flags = FF_REQUIRED | FF_NOFUTURE,
                          .max_chars = 10,
                          .width = 10,
                          .hint = MSG_UF_HINT_DATE,
                          .check = ufu_check_date},
    [UFU_KIND] = {.id = "kind",
                  .label = MSG_UF_SERVICE_KIND,
                  .type = FT_CODE,
                  .flags = FF_REQUIRED,
                  .max_chars = 16,
                  .width = 6,
                  .code_table = CODE_T_SERVICE_KIND,
                  .hint = MSG_UF_HINT_CODE},
    [UFU_NOTE] = {.id = "note",
                  .label = MSG_UF_NOTE,
                  .type = FT_MEMO,
                  .max_chars = 200,
                  .width = 60,
                  .hint = MSG_UF_HINT_NOTE},
    [UFU_REG_ID] = UF_HIDDEN("reg_id"),
    [UFU_END_DATE] = UF_HIDDEN("end_date"),
};

const form_spec unemp_followup_spec = {
    .id = "unemp_followup",
    .title = MSG_UF_FU_TITLE,
    .fields = ufu_fields,
    .n_fields = UFU_COUNT,
    .init = ufu_init,
    .check_all = ufu_check_all,
    .load = ufu_load,
    .save = ufu_save,
};
