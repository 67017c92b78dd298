/*
 * person_form — 人员基本信息 (see person_form.h).
 *
 * Sex, birth date and initials are shown on the form but always derived
 * again from the ID and the name when saving, so what is stored agrees with
 * the number whatever the screen showed. Saving an existing person starts
 * from the stored row, so columns the form does not show (the registering
 * office) stay as they were.
 */
#include "forms/person_form.h"

#include <stdio.h>
#include <string.h>

#include "db/code.h"
#include "db/person.h"
#include "forms/idcard.h"
#include "locale/pinyin.h"

/* 户籍地: a 6-digit GB/T 2260 code whose first two digits are a province. */
static err_code person_form_check_area(form *f, int field, err_info *e)
{
	static const char provinces[][3] = {"11", "12", "13", "14", "15", "21", "22", "23", "31",
	                                    "32", "33", "34", "35", "36", "37", "41", "42", "43",
	                                    "44", "45", "46", "50", "51", "52", "53", "54", "61",
	                                    "62", "63", "64", "65", "71", "81", "82"};
	const char *v = form_value(f, field);
	size_t n = strlen(v);
	if (n != 6 || strspn(v, "0123456789") != 6)
		return form_fail(f, field, e, ERR_AREA_CODE, msg_text(MSG_D_QUOTED_40), v);
	for (size_t i = 0; i < sizeof provinces / sizeof provinces[0]; i++)
		if (v[0] == provinces[i][0] && v[1] == provinces[i][1])
			return ERR_OK;
	return form_fail(f, field, e, ERR_AREA_CODE, msg_text(MSG_D_AREA_PROVINCE), v);
}

/* 电子邮箱: name@domain.tld in ASCII, the shape mail systems take. */
static err_code person_form_check_email(form *f, int field, err_info *e)
{
	const char *v = form_value(f, field);
	const char *at = strchr(v, '@');
	for (const char *p = v; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c >= 0x80 || c <= ' ')
			return form_fail(f, field, e, ERR_EMAIL_FORMAT, "%s",
			                 msg_text(MSG_D_EMAIL_BLANK_OR_HAN));
	}
	if (at == NULL || at == v || strchr(at + 1, '@') != NULL)
		return form_fail(f, field, e, ERR_EMAIL_FORMAT, "%s", msg_text(MSG_D_EMAIL_ONE_AT));
	for (const char *p = v; p < at; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-",
		            *p))
			return form_fail(f, field, e, ERR_EMAIL_FORMAT,
			                 msg_text(MSG_D_EMAIL_LOCAL_CHAR), *p);
	const char *dom = at + 1;
	size_t dn = strlen(dom);
	if (dn == 0 || strchr(dom, '.') == NULL || dom[0] == '.' || dom[dn - 1] == '.' ||
	    strstr(dom, "..") != NULL)
		return form_fail(f, field, e, ERR_EMAIL_FORMAT, "%s", msg_text(MSG_D_EMAIL_DOMAIN));
	for (const char *p = dom; *p; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-", *p))
			return form_fail(f, field, e, ERR_EMAIL_FORMAT,
			                 msg_text(MSG_D_EMAIL_DOMAIN_CHAR), *p);
	return ERR_OK;
}

/* Show a stored person on the form. */
static err_code person_form_fill(form *f, const person *p, err_info *e)
{
	const char *sex = p->sex == 1 ? "1" : p->sex == 2 ? "2" : "";
	const char *vals[PF_COUNT] = {
	    [PF_ID_NO] = p->id_no,           [PF_NAME] = p->name,
	    [PF_NAME_PY] = p->name_py,       [PF_SEX] = sex,
	    [PF_BIRTH_DATE] = p->birth_date, [PF_ETHNICITY] = p->ethnicity,
	    [PF_EDUCATION] = p->education,   [PF_HUKOU_TYPE] = p->hukou_type,
	    [PF_HUKOU_AREA] = p->hukou_area, [PF_MARITAL] = p->marital,
	    [PF_POLITICS] = p->politics,     [PF_PHONE] = p->phone,
	    [PF_ADDRESS] = p->address,       [PF_EMAIL] = p->email,
	    [PF_REMARK] = p->remark,
	};
	for (int i = 0; i < PF_COUNT; i++) {
		err_code c = form_put(f, i, vals[i], e);
		if (c != ERR_OK)
			return c;
	}
	form_set_record(f, p->id, p->version);
	return ERR_OK;
}

static err_code person_form_load(form *f, int64_t id, err_info *e)
{
	person p;
	err_code c = person_get(form_db(f), id, &p, e);
	if (c != ERR_OK)
		return c;
	return person_form_fill(f, &p, e);
}

/* 性别 and 出生日期 follow the ID; emptied with it. */
static err_code person_form_derive(form *f, const idcard_info *info, err_info *e)
{
	char birth[DATE_ISO_LEN] = "";
	const char *sex = "";
	if (info != NULL) {
		date_format(info->birth, birth);
		sex = info->sex == 1 ? "1" : "2";
	}
	err_code c = form_put(f, PF_SEX, sex, e);
	if (c == ERR_OK)
		c = form_put(f, PF_BIRTH_DATE, birth, e);
	return c;
}

static err_code person_form_leave_id(form *f, msg_id *message, err_info *e)
{
	const char *v = form_value(f, PF_ID_NO);
	if (v[0] == '\0')
		return person_form_derive(f, NULL, e);
	idcard_info info;
	err_code c = idcard_parse(v, form_today(f), &info, e);
	if (c != ERR_OK)
		return c;
	c = person_form_derive(f, &info, e);
	if (c != ERR_OK)
		return c;
	person p;
	err_info fe;
	c = person_find_by_id_no(form_db(f), info.id, &p, &fe);
	if (c == ERR_NOT_FOUND)
		return ERR_OK;
	if (c != ERR_OK) {
		if (e != NULL)
			*e = fe;
		return c;
	}
	int64_t editing = form_record_id(f);
	if (editing == p.id)
		return ERR_OK;
	if (editing != 0)
		return form_fail(f, PF_ID_NO, e, ERR_PERSON_ID_TAKEN, "%s", p.name);
	/* 同人同库: a new entry for a known ID becomes the person's existing record. */
	c = form_load(f, p.id, e);
	if (c != ERR_OK)
		return c;
	*message = *message == MSG_FORM_ID_UPGRADED ? MSG_PF_LOADED_UPGRADED : MSG_PF_LOADED;
	return ERR_OK;
}

static err_code person_form_on_leave(form *f, int field, msg_id *message, err_info *e)
{
	if (field == PF_ID_NO)
		return person_form_leave_id(f, message, e);
	if (field == PF_NAME) {
		char py[32];
		pinyin_name_initials(form_value(f, PF_NAME), py, sizeof py);
		return form_put(f, PF_NAME_PY, py, e);
	}
	return ERR_OK;
}

/* Copy field i's value into a fixed column buffer; a value too big for it is refused, not cut. */
static err_code person_form_copy(form *f, int i, char *dst, size_t size, err_info *e)
{
	const char *v = form_value(f, i);
	size_t n = strlen(v);
	if (n >= size)
		return form_fail(f, i, e, ERR_TEXT_TOO_LONG, msg_text(MSG_D_STORE_LIMIT), size - 1,
		                 n);
	memcpy(dst, v, n + 1);
	return ERR_OK;
}

static err_code person_form_save(form *f, err_info *e)
{
	db *d = form_db(f);
	person p;
	memset(&p, 0, sizeof p);
	int64_t id = form_record_id(f);
	err_code c = ERR_OK;
	if (id > 0) {
		c = person_get(d, id, &p, e);
		if (c != ERR_OK)
			return c;
	}
	idcard_info info;
	c = idcard_parse(form_value(f, PF_ID_NO), form_today(f), &info, e);
	if (c != ERR_OK)
		return form_fail(f, PF_ID_NO, e, c, "%s", e ? e->detail : "");
	memcpy(p.id_no, info.id, sizeof p.id_no);
	p.sex = info.sex;
	date_format(info.birth, p.birth_date);
	struct {
		int field;
		char *dst;
		size_t size;
	} cols[] = {
	    {PF_NAME, p.name, sizeof p.name},
	    {PF_ETHNICITY, p.ethnicity, sizeof p.ethnicity},
	    {PF_EDUCATION, p.education, sizeof p.education},
	    {PF_HUKOU_TYPE, p.hukou_type, sizeof p.hukou_type},
	    {PF_HUKOU_AREA, p.hukou_area, sizeof p.hukou_area},
	    {PF_MARITAL, p.marital, sizeof p.marital},
	    {PF_POLITICS, p.politics, sizeof p.politics},
	    {PF_PHONE, p.phone, sizeof p.phone},
	    {PF_ADDRESS, p.address, sizeof p.address},
	    {PF_EMAIL, p.email, sizeof p.email},
	    {PF_REMARK, p.remark, sizeof p.remark},
	};
	for (size_t k = 0; k < sizeof cols / sizeof cols[0]; k++) {
		c = person_form_copy(f, cols[k].field, cols[k].dst, cols[k].size, e);
		if (c != ERR_OK)
			return c;
	}
	pinyin_name_initials(p.name, p.name_py, sizeof p.name_py);
	if (id == 0) {
		snprintf(p.office, sizeof p.office, "%s", form_office(f));
		c = person_insert(d, &p, e);
	} else {
		p.version = form_record_version(f);
		c = person_update(d, &p, e);
		if (c == ERR_DB_STALE)
			return err_set(e, ERR_DB_STALE, MSG_F_PERSON_RECORD, NULL);
	}
	if (c != ERR_OK)
		return c;
	/* Show exactly what was stored (derived fields included). */
	return person_form_fill(f, &p, e);
}

#define PF_CODE(fid, lbl, table)                                                                   \
	{                                                                                          \
		.id = fid, .label = lbl, .type = FT_CODE, .max_chars = 16, .width = 20,            \
		.code_table = table, .hint = MSG_PF_HINT_CODE                                      \
	}

static const field_spec person_form_fields[PF_COUNT] = {
    [PF_ID_NO] = {.id = "id_no",
                  .label = MSG_F_ID_NO,
                  .type = FT_IDNO,
                  .flags = FF_KEY | FF_REQUIRED,
                  .max_chars = 18,
                  .width = 18,
                  .hint = MSG_PF_HINT_ID_NO},
    [PF_NAME] = {.id = "name",
                 .label = MSG_F_NAME,
                 .type = FT_NAME,
                 .flags = FF_REQUIRED,
                 .max_chars = 30,
                 .width = 20,
                 .hint = MSG_PF_HINT_NAME},
    [PF_NAME_PY] = {.id = "name_py",
                    .label = MSG_F_NAME_PY,
                    .type = FT_TEXT,
                    .flags = FF_READONLY,
                    .max_chars = 31,
                    .width = 10},
    [PF_SEX] = {.id = "sex",
                .label = MSG_F_SEX,
                .type = FT_CODE,
                .flags = FF_READONLY,
                .max_chars = 1,
                .width = 6,
                .code_table = CODE_T_SEX},
    [PF_BIRTH_DATE] = {.id = "birth_date",
                       .label = MSG_F_BIRTH_DATE,
                       .type = FT_DATE,
                       .flags = FF_READONLY | FF_NOFUTURE,
                       .max_chars = 10,
                       .width = 10},
    [PF_ETHNICITY] = PF_CODE("ethnicity", MSG_F_ETHNICITY, CODE_T_ETHNICITY),
    [PF_EDUCATION] = PF_CODE("education", MSG_F_EDUCATION, CODE_T_EDUCATION),
    [PF_HUKOU_TYPE] = PF_CODE("hukou_type", MSG_F_HUKOU_TYPE, CODE_T_HUKOU_TYPE),
    [PF_HUKOU_AREA] = {.id = "hukou_area",
                       .label = MSG_F_HUKOU_AREA,
                       .type = FT_TEXT,
                       .max_chars = 6,
                       .width = 6,
                       .hint = MSG_PF_HINT_HUKOU_AREA,
                       .check = person_form_check_area},
    [PF_MARITAL] = PF_CODE("marital", MSG_F_MARITAL, CODE_T_MARITAL),
    [PF_POLITICS] = PF_CODE("politics", MSG_F_POLITICS, CODE_T_POLITICS),
    [PF_PHONE] = {.id = "phone",
                  .label = MSG_F_PHONE,
                  .type = FT_PHONE,
                  .max_chars = 20,
                  .width = 20,
                  .hint = MSG_PF_HINT_PHONE},
    [PF_ADDRESS] =
        {.id = "address", .label = MSG_F_ADDRESS, .type = FT_TEXT, .max_chars = 100, .width = 50},
    [PF_EMAIL] = {.id = "email",
                  .label = MSG_F_EMAIL,
                  .type = FT_TEXT,
                  .max_chars = 60,
                  .width = 30,
                  .check = person_form_check_email},
    [PF_REMARK] =
        {.id = "remark", .label = MSG_F_REMARK, .type = FT_MEMO, .max_chars = 200, .width = 60},
};

const form_spec person_form_spec = {
    .id = "person",
    .title = MSG_PF_TITLE,
    .fields = person_form_fields,
    .n_fields = PF_COUNT,
    .on_leave = person_form_on_leave,
    .load = person_form_load,
    .save = person_form_save,
};
