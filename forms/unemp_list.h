/*
 * unemp_list — 失业登记查询: the office's registrations found by
 * 公民身份号码 prefix, name prefix or pinyin initials, filtered by 人员类别,
 * by months registered (登记满N个月) and by state (登记中 by default,
 * 已结束, 全部); Enter opens the registration in unemp_form with its
 * follow-ups. The office is the operator's (or the installation's
 * office.default); with neither, every office's registrations are listed.
 */
#ifndef LAOBAO_UNEMP_LIST_H
#define LAOBAO_UNEMP_LIST_H

#include "forms/listing.h"

/* Column indexes of unemp_list_spec. */
enum unemp_list_column {
	UL_ID_NO,
	UL_NAME,
	UL_REG_DATE,
	UL_MONTHS,
	UL_STATUS,
	UL_CATEGORIES,
	UL_COUNT
};

/* Fields of the filter form (unemp_filter_spec). */
enum unemp_filter_field {
	ULF_CATEGORY,
	ULF_MONTHS,
	ULF_STATUS, /* "1" 登记中 (also when empty), "2" 已结束, "9" 全部 */
	ULF_COUNT
};

/* The listing: id "unemp", filters unemp_filter_spec, Enter opens unemp_form_spec. */
extern const listing_spec unemp_list_spec;
/* Its filter form: id "unemp_filter", never saved. */
extern const form_spec unemp_filter_spec;

#endif
