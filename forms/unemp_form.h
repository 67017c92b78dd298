/*
 * unemp_form — 失业登记: the registration form, and the two forms opened
 * from it, 结束失业登记 (the end, 注销) and 就业服务记录 (a follow-up).
 *
 * The registration starts from the 公民身份号码 (同人同库): a known person
 * opens with their name, a new one is created in the same save (one
 * transaction with the registration). Leaving the number refuses a person
 * who already has an open registration (naming its date and office) and one
 * under 16 or past statutory retirement on the registration date. The
 * unemployment-insurance line, 4050人员 and the 就业创业证 number are derived
 * as forms/unemp_rules says; the number is issued on save from the office's
 * template when left empty. The form lists the registration's follow-ups
 * and the person's other registrations, and offers the actions 新增服务记录
 * and 结束登记 while the registration is open; an ended registration is
 * shown with its end and can no longer be changed, and the person may then
 * be registered again.
 */
#ifndef LAOBAO_UNEMP_FORM_H
#define LAOBAO_UNEMP_FORM_H

#include "forms/form.h"

/* Field indexes of unemp_form_spec, in screen order; the last four are never shown. */
enum unemp_form_field {
	UF_ID_NO,
	UF_NAME,
	UF_SEX,
	UF_BIRTH_DATE,
	UF_CADRE, /* women only, new registrations only: 干部 posts retire from 55 */
	UF_REG_DATE,
	UF_OFFICE_NAME,
	UF_END_DATE,   /* shown once ended */
	UF_END_REASON, /* shown once ended */
	UF_HUKOU_KIND,
	UF_REASON,
	UF_LAST_USCC,
	UF_LAST_NAME,
	UF_INVOLUNTARY,
	UF_CONTRIB,
	UF_UI, /* the entitlement line */
	UF_CATEGORIES,
	UF_DIFFICULTY,
	UF_WISH_OCCUPATION,
	UF_WISH_INDUSTRY,
	UF_WISH_WAGE,
	UF_CARD_NO,
	UF_PERSON_ID, /* hidden: the person's row id, "" for a new person */
	UF_PERSON_VERSION,
	UF_OFFICE,   /* hidden: the office code */
	UF_PREV_END, /* hidden: end date of the person's previous registration */
	UF_COUNT
};

/* 结束失业登记: opened on a registration (its record is the registration). */
enum unemp_end_field {
	UE_ID_NO,
	UE_NAME,
	UE_REG_DATE,
	UE_END_DATE,
	UE_END_REASON,
	UE_NEW_USCC,
	UE_NEW_NAME,
	UE_COUNT
};

/* 就业服务记录: a follow-up of a registration. */
enum unemp_followup_field {
	UFU_NAME,
	UFU_REG_DATE,
	UFU_SERVICE_DATE,
	UFU_KIND,
	UFU_NOTE,
	UFU_REG_ID,   /* hidden: the registration */
	UFU_END_DATE, /* hidden: its end, "" while open */
	UFU_COUNT
};

/* Sub-lists and actions of unemp_form_spec. */
enum { UF_LIST_FOLLOWUPS, UF_LIST_HISTORY };
enum { UF_ACT_FOLLOWUP, UF_ACT_END };

/* The registration form: id "unemp". */
extern const form_spec unemp_form_spec;
/* The end of a registration: id "unemp_end". */
extern const form_spec unemp_end_spec;
/* A follow-up: id "unemp_followup". */
extern const form_spec unemp_followup_spec;

/*
 * The office new registrations belong to: the operator's (form_office), or
 * else the installation's setting office.default; "" when neither is set.
 * Written to buf (at least 13 bytes).
 */
const char *unemp_form_office(form *f, char *buf, size_t size);

#endif
