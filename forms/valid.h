/*
 * valid — validators for everyday fields: Chinese names, phone numbers,
 * money typed in 元, length limits counted in characters, free text.
 * Each returns ERR_OK or an error code whose catalog text names the rule;
 * `field` is the label the message will name.
 */
#ifndef LAOBAO_VALID_H
#define LAOBAO_VALID_H

#include <stdint.h>

#include "locale/err.h"

/*
 * A person's name: 2..30 characters of Han ideographs (incl. Ext A/B), with
 * the middle dot · (U+00B7, also U+30FB/U+2022 typed by IMEs, normalised to
 * U+00B7 in out) between parts for minority names. No Latin letters, digits,
 * spaces or punctuation. out receives the normalised UTF-8 name (size >= 128).
 * Errors: ERR_NAME_EMPTY, ERR_NAME_TOO_SHORT, ERR_NAME_TOO_LONG,
 * ERR_NAME_LATIN, ERR_NAME_DIGIT, ERR_NAME_CHARS, ERR_NAME_DOT, ERR_TEXT_UTF8.
 */
err_code valid_name(const char *text, msg_id field, char *out, size_t out_size, err_info *e);

/*
 * A mobile (1[3-9]xxxxxxxxx, 11 digits) or landline (0area-number with
 * optional -ext, e.g. 010-12345678, 0755-1234567-801) number. Spaces and
 * full-width digits are folded; out gets the normalised form (size >= 32).
 * Errors: ERR_PHONE_FORMAT, ERR_PHONE_MOBILE.
 */
err_code valid_phone(const char *text, msg_id field, char *out, size_t out_size, err_info *e);

/*
 * Money typed in 元 ("1234", "1,234.5", "1234.56", full-width digits, optional
 * leading ¥) into fen. Negative amounts and more than two decimals are
 * refused; max 999,999,999.99 元. Errors: ERR_MONEY_FORMAT,
 * ERR_MONEY_NEGATIVE, ERR_MONEY_DECIMALS, ERR_MONEY_RANGE.
 */
err_code valid_money(const char *text, msg_id field, int64_t *fen, err_info *e);

/* Write fen as 元 with two decimals ("1234.50") into buf (size >= 24). */
char *valid_money_format(int64_t fen, char *buf, size_t size);

/*
 * Free text: valid UTF-8, no control characters other than \n when
 * multiline, at most max_chars characters (not bytes). Errors:
 * ERR_TEXT_UTF8, ERR_TEXT_CONTROL, ERR_TEXT_TOO_LONG (detail: "最多N个字，现有M个").
 */
err_code valid_text(const char *text, msg_id field, int max_chars, int multiline, err_info *e);

/* An integer in [min, max] from decimal text (full-width digits folded). ERR_INT_FORMAT, ERR_INT_RANGE. */
err_code valid_int(const char *text, msg_id field, long min, long max, long *out, err_info *e);

#endif
