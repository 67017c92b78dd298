/*
 * text — UTF-8 text measured in terminal columns.
 *
 * Widths come from the running locale's wcwidth(), which is what ncurses
 * uses to place characters: under zh_CN.UTF-8 a Han character is 2 columns
 * and “ ” · are 1; under zh_CN.GB18030 every 2-byte character, those
 * included, is 2. Call setlocale(LC_CTYPE, "") (or set a locale) first.
 * Truncation and padding never split a double-width character; a character
 * wcwidth() cannot measure (-1, e.g. an emoji under GB18030) counts as the
 * width of its screen substitute 〓 (2 columns), and control characters as 1.
 */
#ifndef LAOBAO_TEXT_H
#define LAOBAO_TEXT_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode one UTF-8 character at s (at most len bytes). Returns the number of
 * bytes used (1-4) and stores the code point in *cp; an invalid or truncated
 * sequence returns 1 and stores 0xFFFD, so a caller moves on one byte at a
 * time. len 0 returns 0.
 */
size_t text_utf8_decode(const char *s, size_t len, uint32_t *cp);

/*
 * Like text_utf8_decode, but says why bytes are not a character: returns the
 * length (1-4) of a valid character and stores its code point; 0 if the len
 * bytes at s are the valid start of a character cut off by len (len 0
 * included); -1 if the byte at s starts no valid sequence (stray
 * continuation byte, overlong form, surrogate, past U+10FFFF, 0xF5-0xFF).
 */
int text_utf8_check(const char *s, size_t len, uint32_t *cp);

/* Encode cp as UTF-8 into out (at least 4 bytes); returns bytes written (0 if cp invalid). */
size_t text_utf8_encode(uint32_t cp, char *out);

/*
 * Number of characters (code points) in a NUL-terminated UTF-8 string; each
 * invalid byte counts as one.
 */
size_t text_chars(const char *s);

/*
 * Display width in columns of one code point (0, 1 or 2, see above); a
 * value that is no code point (a surrogate, past U+10FFFF) counts 1.
 */
int text_cp_width(uint32_t cp);

/*
 * Display width in columns of a NUL-terminated UTF-8 string; each invalid
 * byte counts 1, as the replacement the screen draws for it.
 */
int text_width(const char *s);

/*
 * Copy the longest prefix of s that fits in `cols` columns into out
 * (out_size bytes, always NUL-terminated, never a partial character).
 * Returns the width copied. If `ellipsis` and s did not fit, the last
 * column(s) are replaced by '~' so the cut is visible (tig's convention;
 * not …, which is ambiguous-width): the result is then the longest prefix
 * that fits in cols - 1 columns, followed by '~'. An invalid byte of s is
 * written as '?', so out is always valid UTF-8. A negative cols is 0.
 */
int text_truncate(const char *s, int cols, int ellipsis, char *out, size_t out_size);

/*
 * text_truncate, then pad with spaces to exactly `cols` columns; when a
 * double-width character would straddle the edge, a space takes its place.
 * Returns the width (== cols unless out_size was too small).
 */
int text_pad(const char *s, int cols, int ellipsis, char *out, size_t out_size);

#endif
