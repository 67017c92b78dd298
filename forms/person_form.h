/*
 * person_form — 人员基本信息: the person record every workflow starts from.
 *
 * The 公民身份号码 is the key (同人同库): leaving it fills 性别 and 出生日期
 * from the number and, on a new entry, opens the person's existing record
 * when there is one (what was typed before is replaced by the record). On a
 * record being edited, an ID that belongs to someone else is refused.
 * The 拼音简码 is derived from the name for search. New persons belong to
 * the operator's office (form_office).
 */
#ifndef LAOBAO_PERSON_FORM_H
#define LAOBAO_PERSON_FORM_H

#include "forms/form.h"

/* Field indexes of person_form_spec, in screen order. */
enum person_form_field {
	PF_ID_NO,
	PF_NAME,
	PF_NAME_PY,
	PF_SEX,
	PF_BIRTH_DATE,
	PF_ETHNICITY,
	PF_EDUCATION,
	PF_HUKOU_TYPE,
	PF_HUKOU_AREA,
	PF_MARITAL,
	PF_POLITICS,
	PF_PHONE,
	PF_ADDRESS,
	PF_EMAIL,
	PF_REMARK,
	PF_COUNT
};

/* The form: id "person", one field per column of db/person.h. */
extern const form_spec person_form_spec;

#endif
