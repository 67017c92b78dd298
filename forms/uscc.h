/*
 * uscc — 统一社会信用代码 (GB 32100-2015) with its embedded 组织机构代码
 * (GB 11714-1997) check. Rules and vectors: shared domain rules §2.
 */
#ifndef LAOBAO_USCC_H
#define LAOBAO_USCC_H

#include "locale/err.h"

#define USCC_LEN 18

typedef struct uscc_info {
	char code[USCC_LEN + 1]; /* normalised: trimmed, upper-case, full-width folded */
	char org_code[11];       /* "XXXXXXXX-X", the 组织机构代码 in pos 9-17 */
	int dept_known;          /* 1 if pos 1/2 are in the confirmed core set */
} uscc_info;

/*
 * Validate a credit code as typed (trimmed incl. U+3000; full-width letters
 * and digits folded; lower case upper-cased). Errors, field MSG_F_USCC:
 * ERR_USCC_EMPTY (also for NULL), ERR_USCC_LENGTH (detail: characters
 * typed, with a hint when it looks like a 组织机构代码 or a 15-digit
 * 工商注册号), ERR_USCC_CHARS (detail names the position and character),
 * ERR_USCC_AREA, ERR_USCC_ORG_CHECK, ERR_USCC_CHECKSUM (detail: expected).
 * out may be NULL to only validate; it is left untouched on error.
 */
err_code uscc_parse(const char *text, uscc_info *out, err_info *e);

/* The check character for the first 17 characters (must be in the charset; else 0). */
char uscc_check_char(const char *first17);

/* The GB 11714 check character for an 8-character organisation body (0-9, A-Z; else 0). */
char uscc_org_check_char(const char *body8);

#endif
