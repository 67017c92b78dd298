/*
 * input — what every validator of typed input needs: blanks trimmed the way
 * an IME leaves them, full-width digits and letters folded to ASCII, and an
 * offending character named for an error detail.
 *
 * Text is decoded with text_utf8_decode (locale/text.h): an invalid byte is
 * one "character" that decodes to U+FFFD, which input_is_bad tells apart
 * from a U+FFFD the user really typed. White space is ASCII \t \n \v \f \r,
 * the space, and the ideographic space U+3000 that IMEs produce.
 */
#ifndef LAOBAO_INPUT_H
#define LAOBAO_INPUT_H

#include <stddef.h>
#include <stdint.h>

/* 1 if cp is white space (see above). */
int input_is_space(uint32_t cp);

/* 1 if cp is a C0 control, DEL or a C1 control. */
int input_is_control(uint32_t cp);

/* 1 if the n bytes at s, as text_utf8_decode returned them, are an invalid byte. */
int input_is_bad(const char *s, size_t n);

/*
 * Byte range [*start, *end) of the len bytes at s without leading and
 * trailing white space; *start == *end when nothing else is there.
 */
void input_trim(const char *s, size_t len, size_t *start, size_t *end);

/*
 * Name the character of n bytes at s (code point cp, as text_utf8_decode
 * gave them) for an error detail, into out (size bytes, NUL-terminated):
 * an invalid byte by its value, the space, the full-width space, newline and
 * tab by name, another control character by its code point, and anything
 * else quoted as typed. 64 bytes always suffice.
 */
void input_char_desc(const char *s, size_t n, uint32_t cp, char *out, size_t size);

/* 0-9 for an ASCII or full-width digit, else -1. */
int input_digit(uint32_t cp);

/*
 * The ASCII digit or upper-case letter for an ASCII or full-width digit or
 * letter of either case, else 0.
 */
char input_fold_alnum(uint32_t cp);

#endif
