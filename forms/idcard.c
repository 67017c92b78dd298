/*
 * idcard — 公民身份号码 (see idcard.h).
 *
 * Checks run in the order of the domain rules (§1): normalise, shape,
 * province prefix, birth date, check character, so the user is told about
 * the first thing a caseworker would look at, and every detail says where.
 *
 * Prefixes 83 (台湾居民居住证), 810000/820000 (港澳居民居住证) and 9x (外国人
 * 永久居留身份证, 2023) share the layout and the check but are other kinds
 * of document: an 18-character number with one of them is refused with
 * ERR_ID_OTHER_TYPE so the caseworker picks the right 证件类型. Other 71, 81
 * and 82 codes are accepted as regions. A 15-digit number is never another
 * document type, so for it only the province prefix is checked.
 */
#include "forms/idcard.h"

#include <stdint.h>
#include <string.h>

#include "forms/input.h"
#include "locale/text.h"

/* ASCII digit or 'X' for an accepted character (full-width folded), else 0. */
static char idcard_fold(uint32_t cp)
{
	char c = input_fold_alnum(cp);
	return (c >= '0' && c <= '9') || c == 'X' ? c : 0;
}

static int idcard_province_known(int p)
{
	return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) ||
	       (p >= 41 && p <= 46) || (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 ||
	       p == 81 || p == 82;
}

static int idcard_num(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

char idcard_check_char(const char *first17)
{
	static const int weight[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	int sum = 0;
	if (first17 == NULL)
		return 0;
	for (int i = 0; i < 17; i++) {
		if (first17[i] < '0' || first17[i] > '9')
			return 0;
		sum += (first17[i] - '0') * weight[i];
	}
	return "10X98765432"[sum % 11];
}

err_code idcard_upgrade15(const char *id15, char out[IDCARD_LEN + 1], err_info *e)
{
	size_t n = id15 == NULL ? 0 : strlen(id15);
	if (n == 0)
		return err_set(e, ERR_ID_EMPTY, MSG_F_ID_NO, NULL);
	if (n != 15)
		return err_set(e, ERR_ID_LENGTH, MSG_F_ID_NO, msg_text(MSG_D_ID_LENGTH), n);
	for (size_t i = 0; i < 15; i++)
		if (id15[i] < '0' || id15[i] > '9')
			return err_set(e, ERR_ID_CHARS, MSG_F_ID_NO, msg_text(MSG_D_ID_NOT_DIGIT),
			               i + 1);
	/* GB 11643-1989 reserved sequences 996-999 for people aged 100 or more. */
	const char *century = idcard_num(id15 + 12, 3) >= 996 ? "18" : "19";
	memcpy(out, id15, 6);
	memcpy(out + 6, century, 2);
	memcpy(out + 8, id15 + 6, 9);
	out[17] = idcard_check_char(out);
	out[18] = '\0';
	return ERR_OK;
}

/* ERR_ID_OTHER_TYPE with a detail naming the document, or ERR_OK. */
static err_code idcard_other_type(const char *id, err_info *e)
{
	msg_id what = MSG_NONE;
	if (id[0] == '9')
		what = MSG_D_ID_FOREIGNER;
	else if (id[0] == '8' && id[1] == '3')
		what = MSG_D_ID_TAIWAN;
	else if (memcmp(id, "810000", 6) == 0)
		what = MSG_D_ID_HONG_KONG;
	else if (memcmp(id, "820000", 6) == 0)
		what = MSG_D_ID_MACAO;
	if (what == MSG_NONE)
		return ERR_OK;
	return err_set(e, ERR_ID_OTHER_TYPE, MSG_F_ID_NO, "%s", msg_text(what));
}

err_code idcard_parse(const char *text, lb_date today, idcard_info *out, err_info *e)
{
	char buf[IDCARD_LEN + 1];
	char id[IDCARD_LEN + 1];
	size_t n = 0, start, end;
	if (text == NULL)
		return err_set(e, ERR_ID_EMPTY, MSG_F_ID_NO, NULL);
	input_trim(text, strlen(text), &start, &end);
	for (size_t i = start; i < end;) {
		uint32_t cp;
		size_t k = text_utf8_decode(text + i, end - i, &cp);
		char c = idcard_fold(cp);
		if (c == 0) {
			char what[64];
			input_char_desc(text + i, k, cp, what, sizeof what);
			return err_set(e, ERR_ID_CHARS, MSG_F_ID_NO, msg_text(MSG_D_POS_IS), n + 1,
			               what);
		}
		if (n < IDCARD_LEN)
			buf[n] = c;
		n++;
		i += k;
	}
	if (n == 0)
		return err_set(e, ERR_ID_EMPTY, MSG_F_ID_NO, NULL);
	if (n != 15 && n != 18)
		return err_set(e, ERR_ID_LENGTH, MSG_F_ID_NO, msg_text(MSG_D_ID_LENGTH), n);
	buf[n] = '\0';
	for (size_t i = 0; i < n; i++)
		if (buf[i] == 'X' && i != 17)
			return err_set(e, ERR_ID_CHARS, MSG_F_ID_NO, msg_text(MSG_D_ID_X_NOT_LAST),
			               i + 1);

	int province = idcard_num(buf, 2);
	if (n == 18 && idcard_other_type(buf, e) != ERR_OK)
		return ERR_ID_OTHER_TYPE;
	if (!idcard_province_known(province))
		return err_set(e, ERR_ID_PROVINCE, MSG_F_ID_NO, msg_text(MSG_D_ID_PROVINCE), buf);

	if (n == 15) {
		err_code rc = idcard_upgrade15(buf, id, e);
		if (rc != ERR_OK)
			return rc;
	} else {
		memcpy(id, buf, sizeof id);
	}

	int y = idcard_num(id + 6, 4), m = idcard_num(id + 10, 2), d = idcard_num(id + 12, 2);
	lb_date birth;
	if (date_from_ymd(y, m, d, &birth, NULL) != ERR_OK)
		return err_set(e, ERR_ID_BIRTH_INVALID, MSG_F_ID_NO, "%04d-%02d-%02d", y, m, d);
	if (birth > today) {
		char t[DATE_ISO_LEN];
		return err_set(e, ERR_ID_BIRTH_FUTURE, MSG_F_ID_NO, msg_text(MSG_D_ID_BIRTH_FUTURE),
		               y, m, d, date_format(today, t));
	}

	if (n == 18) {
		char want = idcard_check_char(id);
		if (id[17] != want)
			return err_set(e, ERR_ID_CHECKSUM, MSG_F_ID_NO, msg_text(MSG_D_ID_CHECKSUM),
			               want, id[17]);
	}

	if (out != NULL) {
		memcpy(out->id, id, sizeof out->id);
		out->sex = (id[16] - '0') % 2 == 1 ? 1 : 2;
		out->birth = birth;
		out->upgraded = n == 15;
		/* An unknown prefix is refused above, so a parsed number always has a known one. */
		out->area_known = 1;
	}
	return ERR_OK;
}
