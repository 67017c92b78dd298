/*
 * idcard — 公民身份号码 (GB 11643-1999): normalise, validate, upgrade 15→18,
 * derive sex and birth date. Rules and vectors: shared domain rules §1.
 */
#ifndef LAOBAO_IDCARD_H
#define LAOBAO_IDCARD_H

#include "forms/date.h"
#include "locale/err.h"

#define IDCARD_LEN 18

typedef struct idcard_info {
	char id[IDCARD_LEN + 1]; /* normalised 18-character number, X upper-case */
	int sex;                 /* 1 男, 2 女 (GB/T 2261.1) */
	lb_date birth;           /* birth date */
	int upgraded;            /* 1 if the input was a 15-digit number */
	int area_known;          /* 1 if the 6-digit area code's province prefix is known
	                            (always 1 after idcard_parse, which refuses unknown ones) */
} idcard_info;

/*
 * Validate text as typed or scanned (trimmed; full-width digits and Ｘ, x are
 * accepted) against `today` (no birth date after it). On success fills *out.
 * Errors, all with field MSG_F_ID_NO: ERR_ID_EMPTY (also for NULL),
 * ERR_ID_LENGTH (detail: characters typed), ERR_ID_CHARS (detail: position
 * and character), ERR_ID_PROVINCE, ERR_ID_OTHER_TYPE (an 18-character
 * number of a 港澳台居民居住证 — prefix 810000, 820000, 83 — or 外国人永久居留
 * 身份证 — prefix 9), ERR_ID_BIRTH_INVALID, ERR_ID_BIRTH_FUTURE,
 * ERR_ID_CHECKSUM (detail names the expected check character). out may be
 * NULL to only validate; it is left untouched on error.
 */
err_code idcard_parse(const char *text, lb_date today, idcard_info *out, err_info *e);

/* The check character ('0'-'9' or 'X') for the first 17 digits; 0 unless 17 ASCII digits. */
char idcard_check_char(const char *first17);

/*
 * Upgrade a valid-shaped 15-digit number (15 ASCII digits, not checked
 * further) to 18 characters (century 19, or 18 for sequences 996-999).
 * ERR_ID_EMPTY, ERR_ID_LENGTH, ERR_ID_CHARS.
 */
err_code idcard_upgrade15(const char *id15, char out[IDCARD_LEN + 1], err_info *e);

#endif
