/*
 * valid — validators for everyday fields: Chinese names, phone numbers,
 * money typed in 元, length limits counted in characters, free text.
 * Each returns ERR_OK or an error code whose catalog text names the rule;
 * `field` is the label the message will name, and the detail names the
 * first offending character and its position. Leading and trailing blanks
 * (incl. U+3000) are ignored except by valid_text; a NULL text counts as
 * empty. The validators refuse empty input where a value is needed; whether
 * a field may stay empty is the form's decision, not theirs.
 */
#ifndef LAOBAO_VALID_H
#define LAOBAO_VALID_H

#include <stdint.h>

#include "locale/err.h"

/*
 * A person's name: 2..30 characters of Han ideographs (incl. Ext A/B), with
 * the middle dot · (U+00B7, also U+30FB/U+2022 typed by IMEs, normalised to
 * U+00B7 in out; also U+2027) between parts for minority names. No Latin
 * letters, digits, spaces or punctuation. Dots count as characters. out
 * receives the normalised UTF-8 name (size >= 128; may be NULL to only
 * validate). Errors: ERR_NAME_EMPTY, ERR_NAME_TOO_SHORT, ERR_NAME_TOO_LONG,
 * ERR_NAME_LATIN, ERR_NAME_DIGIT, ERR_NAME_CHARS, ERR_NAME_DOT, ERR_TEXT_UTF8,
 * ERR_INVALID_ARG (out_size too small).
 */
err_code valid_name(const char *text, msg_id field, char *out, size_t out_size, err_info *e);

/*
 * A mobile (1[3-9]xxxxxxxxx, 11 digits) or landline (0area-number with
 * optional -ext, e.g. 010-12345678, 0755-1234567-801) number. Spaces and
 * full-width digits are folded; a mobile may carry +86 and dashes; the '-'
 * after the area code may be left out (010 and 02x are three digits, other
 * area codes four); an extension may follow "转". out gets the normalised
 * form, "13812345678" or "0755-1234567-801" (size >= 32; may be NULL).
 * Errors: ERR_PHONE_FORMAT, ERR_PHONE_MOBILE (starts with 1 but is not a
 * mobile number), ERR_INVALID_ARG (out_size too small).
 */
err_code valid_phone(const char *text, msg_id field, char *out, size_t out_size, err_info *e);

/*
 * Money typed in 元 ("1234", "1,234.5", "1234.56", full-width digits, optional
 * leading ¥/￥ and trailing 元) into fen. Thousands separators must be in
 * groups of three. Negative amounts and more than two decimals are
 * refused; max 999,999,999.99 元. Errors: ERR_MONEY_FORMAT (also empty),
 * ERR_MONEY_NEGATIVE, ERR_MONEY_DECIMALS, ERR_MONEY_RANGE.
 */
err_code valid_money(const char *text, msg_id field, int64_t *fen, err_info *e);

/* Write fen as 元 with two decimals ("1234.50") into buf (size >= 24). */
char *valid_money_format(int64_t fen, char *buf, size_t size);

/*
 * Free text: valid UTF-8, no control characters other than \n when
 * multiline, at most max_chars characters (not bytes; max_chars < 0: no
 * limit). Nothing is trimmed; empty text is valid. Errors: ERR_TEXT_UTF8,
 * ERR_TEXT_CONTROL, ERR_TEXT_TOO_LONG (detail: "最多N个字，现有M个").
 */
err_code valid_text(const char *text, msg_id field, int max_chars, int multiline, err_info *e);

/*
 * An integer in [min, max] from decimal text (optional sign, full-width
 * digits folded, no separators). ERR_INT_FORMAT (also empty),
 * ERR_INT_RANGE (detail: the range), ERR_INVALID_ARG if min > max.
 */
err_code valid_int(const char *text, msg_id field, long min, long max, long *out, err_info *e);

#endif
