/*
 * person_list — 人员查询: persons found by 公民身份号码 prefix, name prefix
 * or pinyin initials, opened in 人员基本信息 (person_form).
 */
#ifndef LAOBAO_PERSON_LIST_H
#define LAOBAO_PERSON_LIST_H

#include "forms/listing.h"

/* Column indexes of person_list_spec. */
enum person_list_column {
	PL_ID_NO,
	PL_NAME,
	PL_SEX,
	PL_BIRTH_DATE,
	PL_PHONE,
	PL_ADDRESS,
	PL_COUNT
};

/* The listing: id "person", Enter opens person_form_spec. */
extern const listing_spec person_list_spec;

#endif
