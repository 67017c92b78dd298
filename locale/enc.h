/*
 * enc — conversions between UTF-8 (inside the program and the database) and
 * the encodings met at the edges: GB18030, GBK (CP936), UTF-8 files with or
 * without BOM. All through iconv, never with //IGNORE or //TRANSLIT. An
 * invalid or unconvertible sequence is an error that reports its byte
 * offset; nothing is replaced silently. Only the screen substitutes 〓 for a
 * character the terminal cannot show (see enc_locale_can_show).
 *
 * Conversions to UTF-8 drop a byte-order mark (U+FEFF) at the very start of
 * the input, as Windows tools write one; offsets still count its bytes.
 */
#ifndef LAOBAO_ENC_H
#define LAOBAO_ENC_H

#include <stddef.h>
#include <stdint.h>

#include "locale/err.h"

typedef enum enc_kind {
	ENC_UTF8 = 0,
	ENC_GB18030 = 1,
	ENC_GBK = 2,
} enc_kind;

/* Parse "utf-8"/"utf8", "gb18030", "gbk"/"cp936" (any case). ERR_ENC_UNKNOWN. */
err_code enc_from_name(const char *name, enc_kind *out, err_info *e);

/* The iconv name of an encoding ("UTF-8", "GB18030", "GBK"); "" if k is none of them. */
const char *enc_name(enc_kind k);

/*
 * Convert len bytes of `in` from encoding `from` to UTF-8 into a malloc'ed,
 * NUL-terminated buffer (*out, *out_len without the NUL). The caller frees.
 * Errors: ERR_ENC_INVALID (detail "第N字节：XX XX", N counting from 1 as
 * people do, then the bad bytes in hex; the 0-based byte offset of the bad
 * sequence in `in` is stored in *bad_offset if not NULL), ERR_ENC_TRUNCATED
 * (input ends inside a character; offset of its first byte),
 * ERR_ENC_UNAVAILABLE (iconv lacks the encoding), ERR_NOMEM. On error *out
 * is NULL and *out_len 0. from == ENC_UTF8 checks and copies.
 */
err_code enc_to_utf8(enc_kind from, const char *in, size_t len, char **out, size_t *out_len,
                     size_t *bad_offset, err_info *e);

/*
 * Convert UTF-8 to `to`. A character the target cannot encode is
 * ERR_ENC_UNMAPPABLE with its byte offset in the UTF-8 input (detail names
 * the character and its U+ number); invalid UTF-8 is ERR_ENC_INVALID, UTF-8
 * that ends inside a character ERR_ENC_TRUNCATED. Same ownership as
 * enc_to_utf8.
 */
err_code enc_from_utf8(enc_kind to, const char *in, size_t len, char **out, size_t *out_len,
                       size_t *bad_offset, err_info *e);

/*
 * Check that len bytes are valid UTF-8 (no overlongs, surrogates or code
 * points past U+10FFFF, nothing cut off at the end). Returns 1 if valid;
 * else 0 with *bad_offset (if not NULL) set to the start of the bad sequence.
 */
int enc_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/*
 * 1 if the charset of the running locale (LC_CTYPE) can represent cp, so the
 * screen can draw it; 0 if not, and the screen shows 〓 (U+3013) instead.
 * Under a UTF-8 locale every code point is representable; under GBK, Ext-B
 * characters such as 𠀀 (U+20000) and emoji are not; in the C locale
 * nothing past ASCII is. Surrogates and values past U+10FFFF give 0.
 */
int enc_locale_can_show(uint32_t cp);

/*
 * A streaming converter for large files (export/import): feed chunks, get
 * converted bytes appended to a caller buffer; keeps a partial character
 * between chunks. Offsets in errors count from the start of the stream.
 * One side must be UTF-8 (ERR_INVALID_ARG otherwise). After an error the
 * stream is spent: later calls return the same error.
 */
typedef struct enc_stream enc_stream;

err_code enc_stream_new(enc_kind from, enc_kind to, enc_stream **out, err_info *e);
/*
 * Convert `len` bytes; *out (malloc'ed, grown as needed, caller frees; may
 * start NULL with *out_len and *out_cap 0) gets the output appended at
 * *out_len and stays NUL-terminated. A character cut by the end of the chunk
 * waits for the next one.
 */
err_code enc_stream_feed(enc_stream *s, const char *in, size_t len, char **out, size_t *out_len,
                         size_t *out_cap, err_info *e);
/* End of input: ERR_ENC_TRUNCATED if a partial character is left. */
err_code enc_stream_finish(enc_stream *s, err_info *e);
/* Byte offset of the sequence behind the last error, from the start of the stream. */
size_t enc_stream_bad_offset(const enc_stream *s);
void enc_stream_free(enc_stream *s);

#endif
