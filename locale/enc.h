/*
 * enc — conversions between UTF-8 (inside the program and the database) and
 * the encodings met at the edges: GB18030, GBK (CP936), UTF-8 files with or
 * without BOM. All through iconv. An invalid or unconvertible sequence is
 * an error that reports its byte offset; nothing is replaced silently.
 * Only the screen substitutes 〓 for a character the terminal cannot show
 * (enc_to_locale_display).
 */
#ifndef LAOBAO_ENC_H
#define LAOBAO_ENC_H

#include <stddef.h>

#include "locale/err.h"

typedef enum enc_kind {
	ENC_UTF8 = 0,
	ENC_GB18030 = 1,
	ENC_GBK = 2,
} enc_kind;

/* Parse "utf-8"/"utf8", "gb18030", "gbk"/"cp936" (any case). ERR_ENC_UNKNOWN. */
err_code enc_from_name(const char *name, enc_kind *out, err_info *e);

/* The iconv name of an encoding ("UTF-8", "GB18030", "GBK"). */
const char *enc_name(enc_kind k);

/*
 * Convert len bytes of `in` from encoding `from` to UTF-8 into a malloc'ed,
 * NUL-terminated buffer (*out, *out_len without the NUL). The caller frees.
 * Errors: ERR_ENC_INVALID (detail "第N字节", N the 0-based byte offset of
 * the bad sequence in `in`, also stored in *bad_offset if not NULL),
 * ERR_ENC_TRUNCATED (input ends inside a character), ERR_NOMEM.
 */
err_code enc_to_utf8(enc_kind from, const char *in, size_t len, char **out, size_t *out_len,
                     size_t *bad_offset, err_info *e);

/*
 * Convert UTF-8 to `to`. A character the target cannot encode is
 * ERR_ENC_UNMAPPABLE with its byte offset in the UTF-8 input; invalid UTF-8
 * is ERR_ENC_INVALID. Same ownership as enc_to_utf8.
 */
err_code enc_from_utf8(enc_kind to, const char *in, size_t len, char **out, size_t *out_len,
                       size_t *bad_offset, err_info *e);

/*
 * Check that len bytes are valid UTF-8 (no overlongs, surrogates or code
 * points past U+10FFFF). Returns 1 if valid; else 0 with *bad_offset set.
 */
int enc_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/*
 * A streaming converter for large files (export/import): feed chunks, get
 * converted bytes appended to a caller buffer; keeps a partial character
 * between chunks. Offsets in errors count from the start of the stream.
 */
typedef struct enc_stream enc_stream;

err_code enc_stream_new(enc_kind from, enc_kind to, enc_stream **out, err_info *e);
/* Convert `len` bytes; *out (malloc'ed, grown as needed, caller frees) gets the output appended at *out_len. */
err_code enc_stream_feed(enc_stream *s, const char *in, size_t len, char **out, size_t *out_len,
                         size_t *out_cap, err_info *e);
/* End of input: ERR_ENC_TRUNCATED if a partial character is left. */
err_code enc_stream_finish(enc_stream *s, err_info *e);
void enc_stream_free(enc_stream *s);

#endif
