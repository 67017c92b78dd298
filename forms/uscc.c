/*
 * uscc — 统一社会信用代码 (see uscc.h).
 *
 * Two check characters live in one code: pos 17 checks the embedded
 * 组织机构代码 (GB 11714, full alphabet, MOD 11) and pos 18 checks the whole
 * (GB 32100, 31 symbols, MOD 31). They are reported separately because a
 * wrong pos 17 usually means the 组织机构代码 part was mistyped. Values of
 * the two alphabets differ (GB 11714 has I, O, S, V, Z), a classic bug, so
 * each check has its own value function.
 */
#include "forms/uscc.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "forms/input.h"
#include "locale/text.h"

static const char uscc_charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* Value of c in the 31-symbol GB 32100 set, or -1. */
static int uscc_value(char c)
{
	const char *p = c == '\0' ? NULL : strchr(uscc_charset, c);
	return p == NULL ? -1 : (int)(p - uscc_charset);
}

char uscc_check_char(const char *first17)
{
	/* 3^(i-1) mod 31 */
	static const int weight[17] = {1,  3,  9,  27, 19, 26, 16, 17, 20,
	                               29, 25, 13, 8,  24, 10, 30, 28};
	int sum = 0;
	if (first17 == NULL)
		return 0;
	for (int i = 0; i < 17; i++) {
		int v = uscc_value(first17[i]);
		if (v < 0)
			return 0;
		sum += v * weight[i];
	}
	return uscc_charset[(31 - sum % 31) % 31];
}

char uscc_org_check_char(const char *body8)
{
	static const int weight[8] = {3, 7, 9, 10, 5, 8, 4, 2};
	int sum = 0;
	if (body8 == NULL)
		return 0;
	for (int i = 0; i < 8; i++) {
		char c = body8[i];
		int v;
		if (c >= '0' && c <= '9')
			v = c - '0';
		else if (c >= 'A' && c <= 'Z')
			v = c - 'A' + 10;
		else
			return 0;
		sum += v * weight[i];
	}
	int c9 = 11 - sum % 11;
	return c9 == 10 ? 'X' : c9 == 11 ? '0' : (char)('0' + c9);
}

/* What a forbidden letter was probably meant to be, for the detail (MSG_NONE gives ""). */
static msg_id uscc_letter_hint(char c)
{
	switch (c) {
	case 'O':
		return MSG_D_USCC_MAYBE_0;
	case 'I':
		return MSG_D_USCC_MAYBE_1;
	case 'Z':
		return MSG_D_USCC_MAYBE_2;
	case 'S':
		return MSG_D_USCC_MAYBE_5;
	default:
		return MSG_NONE;
	}
}

/* 1 if the confirmed core set of GB 32100 names this 登记管理部门/机构类别 pair. */
static int uscc_dept_known(char dept, char kind)
{
	switch (dept) {
	case '1':
	case '5':
		return kind == '1' || kind == '2' || kind == '3' || kind == '9';
	case '9':
		return kind == '1' || kind == '2' || kind == '3';
	case 'Y':
		return kind == '1';
	default:
		return 0;
	}
}

err_code uscc_parse(const char *text, uscc_info *out, err_info *e)
{
	char code[USCC_LEN + 1];
	size_t n = 0, start, end;
	size_t bad_pos = 0, bad_count = 0; /* characters that are neither letter nor digit */
	char bad_what[64] = "";
	int dash_at_9 = 0; /* "XXXXXXXX-X": a 组织机构代码 typed instead */
	if (text == NULL)
		return err_set(e, ERR_USCC_EMPTY, MSG_F_USCC, NULL);
	input_trim(text, strlen(text), &start, &end);
	for (size_t i = start; i < end;) {
		uint32_t cp;
		size_t k = text_utf8_decode(text + i, end - i, &cp);
		char c = input_fold_alnum(cp);
		n++;
		if (c == 0) {
			if (bad_count++ == 0) {
				bad_pos = n;
				input_char_desc(text + i, k, cp, bad_what, sizeof bad_what);
			}
			if (n == 9 && (cp == '-' || cp == 0xFF0D))
				dash_at_9 = 1;
		}
		if (n <= USCC_LEN)
			code[n - 1] = c;
		i += k;
	}
	if (n == 0)
		return err_set(e, ERR_USCC_EMPTY, MSG_F_USCC, NULL);
	if (n == 10 && dash_at_9 && bad_count == 1)
		return err_set(e, ERR_USCC_LENGTH, MSG_F_USCC, "%s",
		               msg_text(MSG_D_USCC_IS_ORG_CODE));
	if (bad_pos != 0)
		return err_set(e, ERR_USCC_CHARS, MSG_F_USCC, msg_text(MSG_D_POS_IS), bad_pos,
		               bad_what);
	if (n != USCC_LEN) {
		msg_id hint = MSG_NONE;
		if (n == 15)
			hint = MSG_D_USCC_MAYBE_REG_NO;
		else if (n == 9)
			hint = MSG_D_USCC_MAYBE_ORG_CODE;
		return err_set(e, ERR_USCC_LENGTH, MSG_F_USCC, msg_text(MSG_D_USCC_LENGTH), n,
		               msg_text(hint));
	}
	code[USCC_LEN] = '\0';
	for (size_t i = 0; i < USCC_LEN; i++)
		if (uscc_value(code[i]) < 0)
			return err_set(e, ERR_USCC_CHARS, MSG_F_USCC, msg_text(MSG_D_USCC_LETTER),
			               i + 1, code[i], msg_text(uscc_letter_hint(code[i])));
	for (size_t i = 2; i < 8; i++)
		if (code[i] < '0' || code[i] > '9')
			return err_set(e, ERR_USCC_AREA, MSG_F_USCC, msg_text(MSG_D_USCC_AREA),
			               i + 1, code[i]);
	char org = uscc_org_check_char(code + 8);
	if (code[16] != org)
		return err_set(e, ERR_USCC_ORG_CHECK, MSG_F_USCC, msg_text(MSG_D_USCC_ORG_CHECK),
		               org, code[16]);
	char want = uscc_check_char(code);
	if (code[17] != want)
		return err_set(e, ERR_USCC_CHECKSUM, MSG_F_USCC, msg_text(MSG_D_USCC_CHECKSUM),
		               want, code[17]);
	if (out != NULL) {
		memcpy(out->code, code, sizeof out->code);
		snprintf(out->org_code, sizeof out->org_code, "%.8s-%c", code + 8, code[16]);
		out->dept_known = uscc_dept_known(code[0], code[1]);
	}
	return ERR_OK;
}
