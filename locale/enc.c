/*
 * enc — UTF-8 <-> GB18030/GBK through iconv (see enc.h).
 *
 * Everything goes through one streaming core; the one-shot calls are a
 * stream fed once. UTF-8 input is checked here before iconv sees it, so that
 * an EILSEQ from iconv on the way out of UTF-8 can only mean "the target has
 * no such character", never "the input was broken": the two errors tell the
 * user different things.
 */
#include "locale/enc.h"

#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "locale/msg.h"
#include "locale/text.h"

struct enc_stream {
	enc_kind from, to;
	iconv_t cd;        /* (iconv_t)-1 when both sides are UTF-8 */
	char pend[8];      /* start of a character cut by the end of a chunk */
	size_t npend;      /* bytes in pend */
	size_t offset;     /* stream offset of pend[0]: input bytes done before it */
	int started;       /* output has begun, so a BOM is no longer at the start */
	size_t bad_offset; /* stream offset of the sequence behind err */
	err_info err;      /* the error that spent the stream, ERR_OK while usable */
};

static const char *const enc_names[] = {
    [ENC_UTF8] = "UTF-8",
    [ENC_GB18030] = "GB18030",
    [ENC_GBK] = "GBK",
};

static int enc_kind_ok(enc_kind k)
{
	return k == ENC_UTF8 || k == ENC_GB18030 || k == ENC_GBK;
}

err_code enc_from_name(const char *name, enc_kind *out, err_info *e)
{
	static const struct {
		const char *name;
		enc_kind kind;
	} names[] = {
	    {"utf-8", ENC_UTF8}, {"utf8", ENC_UTF8}, {"gb18030", ENC_GB18030},
	    {"gbk", ENC_GBK},    {"cp936", ENC_GBK},
	};
	if (name == NULL)
		return err_set(e, ERR_ENC_UNKNOWN, MSG_NONE, NULL);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcasecmp(name, names[i].name) == 0) {
			*out = names[i].kind;
			return ERR_OK;
		}
	}
	size_t len = strlen(name);
	/* Echo the name only when it is short, printable text. */
	if (len == 0 || len > 40 || !enc_utf8_valid(name, len, NULL))
		return err_set(e, ERR_ENC_UNKNOWN, MSG_NONE, NULL);
	return err_set(e, ERR_ENC_UNKNOWN, MSG_NONE, "%s", name);
}

const char *enc_name(enc_kind k)
{
	return enc_kind_ok(k) ? enc_names[k] : "";
}

/*
 * Check UTF-8: 0 if valid, 1 if invalid at *at, 2 if only the character
 * starting at *at is cut off by the end of the buffer.
 */
static int enc_utf8_scan(const char *s, size_t len, size_t *at)
{
	size_t i = 0;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		int n = text_utf8_check(s + i, len - i, &cp);
		if (n <= 0) {
			*at = i;
			return n == 0 ? 2 : 1;
		}
		i += (size_t)n;
	}
	return 0;
}

int enc_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
	size_t at = 0;
	if (len > 0 && s == NULL)
		return 0;
	if (enc_utf8_scan(s, len, &at) == 0)
		return 1;
	if (bad_offset != NULL)
		*bad_offset = at;
	return 0;
}

int enc_locale_can_show(uint32_t cp)
{
	char buf[MB_LEN_MAX];
	mbstate_t st;
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	memset(&st, 0, sizeof st);
	return wcrtomb(buf, (wchar_t)cp, &st) != (size_t)-1;
}

/* Make room for `more` bytes plus a NUL after *len, growing geometrically. */
static err_code enc_reserve(char **buf, size_t *len, size_t *cap, size_t more, err_info *e)
{
	if (*buf == NULL)
		*cap = 0;
	if (more > SIZE_MAX - 1 - *len)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	size_t need = *len + more + 1;
	if (need <= *cap)
		return ERR_OK;
	size_t ncap = *cap > 64 ? *cap : 64;
	while (ncap < need)
		ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
	char *p = realloc(*buf, ncap);
	if (p == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	*buf = p;
	*cap = ncap;
	return ERR_OK;
}

/* Spend the stream on an error at stream offset `at`; detail already formatted. */
static err_code enc_stream_fail(enc_stream *s, err_code code, size_t at, const char *detail,
                                err_info *e)
{
	s->bad_offset = at;
	err_set(&s->err, code, MSG_NONE, "%s", detail);
	if (e != NULL)
		*e = s->err;
	return code;
}

/* "第N字节：81 20" for the bad bytes at p (at most 4 of the n available). */
static err_code enc_fail_bytes(enc_stream *s, err_code code, size_t at, const char *p, size_t n,
                               err_info *e)
{
	char detail[64];
	int w = snprintf(detail, sizeof detail, msg_text(MSG_D_ENC_BYTE_AT), at + 1);
	for (size_t i = 0; i < n && i < 4 && w > 0 && (size_t)w < sizeof detail; i++)
		w += snprintf(detail + w, sizeof detail - (size_t)w, i ? " %02X" : "%02X",
		              (unsigned char)p[i]);
	return enc_stream_fail(s, code, at, detail, e);
}

/* "第N字节的“𠀀”，U+20000" for the valid UTF-8 character at p. */
static err_code enc_fail_unmappable(enc_stream *s, size_t at, const char *p, size_t n, err_info *e)
{
	char detail[64];
	uint32_t cp;
	size_t clen = text_utf8_decode(p, n, &cp);
	snprintf(detail, sizeof detail, msg_text(MSG_D_ENC_CHAR_AT), at + 1, (int)clen, p,
	         (unsigned)cp);
	return enc_stream_fail(s, ERR_ENC_UNMAPPABLE, at, detail, e);
}

/*
 * Convert in[0..len), which starts at stream offset `base`, appending to the
 * output. *used gets the bytes consumed; the rest (at most 3) is a character
 * cut off by the end of the buffer, for the caller to keep.
 */
static err_code enc_stream_run(enc_stream *s, const char *in, size_t len, size_t base, size_t *used,
                               char **out, size_t *out_len, size_t *out_cap, err_info *e)
{
	size_t at = 0, full = len;
	*used = 0;
	if (s->from == ENC_UTF8) {
		int st = enc_utf8_scan(in, len, &at);
		if (st == 1)
			return enc_fail_bytes(s, ERR_ENC_INVALID, base + at, in + at, len - at, e);
		if (st == 2)
			full = at;
	}
	if (full > SIZE_MAX / 4)
		return enc_stream_fail(s, ERR_NOMEM, base, "", e);
	/* GB18030 -> UTF-8 grows at most 3/2 (2 bytes to 3), UTF-8 -> GB18030
	 * at most 2 (U+0080 is 2 bytes in, 4 out): one reserve usually does. */
	if (enc_reserve(out, out_len, out_cap, full * 2 + 16, e) != ERR_OK)
		return enc_stream_fail(s, ERR_NOMEM, base, "", e);
	if (full == 0)
		return ERR_OK;
	if (s->cd == (iconv_t)-1) {
		memcpy(*out + *out_len, in, full);
		*out_len += full;
		(*out)[*out_len] = '\0';
		*used = full;
		return ERR_OK;
	}
	char *ip = (char *)in;
	size_t il = full;
	for (;;) {
		char *op = *out + *out_len;
		size_t ol = *out_cap - *out_len - 1;
		errno = 0;
		size_t r = iconv(s->cd, &ip, &il, &op, &ol);
		int err = errno;
		*out_len = (size_t)(op - *out);
		(*out)[*out_len] = '\0';
		size_t done = (size_t)(ip - in);
		if (r != (size_t)-1) {
			/* glibc never converts irreversibly without //TRANSLIT; another
			 * iconv might, and a silent substitution must not pass. */
			if (r > 0)
				return enc_stream_fail(s, ERR_ENC_UNMAPPABLE, base, "", e);
			break;
		}
		if (err == E2BIG) {
			if (enc_reserve(out, out_len, out_cap, *out_cap - *out_len + il * 2 + 16,
			                e) != ERR_OK)
				return enc_stream_fail(s, ERR_NOMEM, base + done, "", e);
			continue;
		}
		if (err == EINVAL)
			break; /* a character cut off by the end: the caller keeps it */
		if (err == EILSEQ) {
			if (s->from == ENC_UTF8)
				return enc_fail_unmappable(s, base + done, ip, full - done, e);
			return enc_fail_bytes(s, ERR_ENC_INVALID, base + done, ip, full - done, e);
		}
		return enc_stream_fail(s, ERR_INTERNAL, base + done, "iconv", e);
	}
	*used = (size_t)(ip - in);
	return ERR_OK;
}

/* Drop a BOM if it is the first thing this stream writes, at out + from. */
static void enc_stream_drop_bom(enc_stream *s, char *out, size_t from, size_t *out_len)
{
	if (s->started || s->to != ENC_UTF8 || *out_len == from)
		return;
	s->started = 1;
	if (*out_len - from >= 3 && memcmp(out + from, "\xEF\xBB\xBF", 3) == 0) {
		memmove(out + from, out + from + 3, *out_len - from - 3);
		*out_len -= 3;
		out[*out_len] = '\0';
	}
}

err_code enc_stream_new(enc_kind from, enc_kind to, enc_stream **out, err_info *e)
{
	*out = NULL;
	if (!enc_kind_ok(from) || !enc_kind_ok(to))
		return err_set(e, ERR_ENC_UNKNOWN, MSG_NONE, NULL);
	if (from != ENC_UTF8 && to != ENC_UTF8)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "%s→%s", enc_names[from],
		               enc_names[to]);
	enc_stream *s = calloc(1, sizeof *s);
	if (s == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	s->from = from;
	s->to = to;
	s->cd = (iconv_t)-1;
	if (from != to) {
		s->cd = iconv_open(enc_names[to], enc_names[from]);
		if (s->cd == (iconv_t)-1) {
			free(s);
			return err_set(e, ERR_ENC_UNAVAILABLE, MSG_NONE, "%s→%s", enc_names[from],
			               enc_names[to]);
		}
	}
	*out = s;
	return ERR_OK;
}

err_code enc_stream_feed(enc_stream *s, const char *in, size_t len, char **out, size_t *out_len,
                         size_t *out_cap, err_info *e)
{
	if (s == NULL || (in == NULL && len > 0) || out == NULL || out_len == NULL ||
	    out_cap == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (s->err.code != ERR_OK) {
		if (e != NULL)
			*e = s->err;
		return s->err.code;
	}
	if (enc_reserve(out, out_len, out_cap, 0, e) != ERR_OK)
		return enc_stream_fail(s, ERR_NOMEM, s->offset, "", e);
	(*out)[*out_len] = '\0';
	if (len == 0)
		return ERR_OK;
	size_t start = *out_len, pos = 0, used;
	err_code rc;
	if (s->npend > 0) {
		/* Finish the held character with the first bytes of this chunk; a
		 * small window suffices, as no character is longer than 4 bytes. */
		char tmp[sizeof s->pend + 8];
		size_t take = len < sizeof tmp - s->npend ? len : sizeof tmp - s->npend;
		memcpy(tmp, s->pend, s->npend);
		memcpy(tmp + s->npend, in, take);
		rc = enc_stream_run(s, tmp, s->npend + take, s->offset, &used, out, out_len,
		                    out_cap, e);
		if (rc != ERR_OK)
			return rc;
		if (used < s->npend) {
			size_t left = s->npend + take - used;
			if (take < len || left > sizeof s->pend)
				return enc_stream_fail(s, ERR_INTERNAL, s->offset + used, "", e);
			memmove(s->pend, tmp + used, left);
			s->npend = left;
			s->offset += used;
			enc_stream_drop_bom(s, *out, start, out_len);
			return ERR_OK;
		}
		pos = used - s->npend;
		s->offset += used;
		s->npend = 0;
	}
	rc = enc_stream_run(s, in + pos, len - pos, s->offset, &used, out, out_len, out_cap, e);
	if (rc != ERR_OK)
		return rc;
	s->offset += used;
	size_t left = len - pos - used;
	if (left > sizeof s->pend)
		return enc_stream_fail(s, ERR_INTERNAL, s->offset, "", e);
	memcpy(s->pend, in + pos + used, left);
	s->npend = left;
	enc_stream_drop_bom(s, *out, start, out_len);
	return ERR_OK;
}

err_code enc_stream_finish(enc_stream *s, err_info *e)
{
	if (s == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (s->err.code != ERR_OK) {
		if (e != NULL)
			*e = s->err;
		return s->err.code;
	}
	if (s->npend > 0)
		return enc_fail_bytes(s, ERR_ENC_TRUNCATED, s->offset, s->pend, s->npend, e);
	return ERR_OK;
}

size_t enc_stream_bad_offset(const enc_stream *s)
{
	return s != NULL ? s->bad_offset : 0;
}

void enc_stream_free(enc_stream *s)
{
	if (s == NULL)
		return;
	if (s->cd != (iconv_t)-1)
		iconv_close(s->cd);
	free(s);
}

static err_code enc_convert(enc_kind from, enc_kind to, const char *in, size_t len, char **out,
                            size_t *out_len, size_t *bad_offset, err_info *e)
{
	enc_stream *s;
	size_t olen = 0, ocap = 0;
	*out = NULL;
	if (out_len != NULL)
		*out_len = 0;
	err_code rc = enc_stream_new(from, to, &s, e);
	if (rc != ERR_OK)
		return rc;
	rc = enc_stream_feed(s, in, len, out, &olen, &ocap, e);
	if (rc == ERR_OK)
		rc = enc_stream_finish(s, e);
	if (rc != ERR_OK) {
		if (bad_offset != NULL)
			*bad_offset = s->bad_offset;
		free(*out);
		*out = NULL;
		olen = 0;
	}
	enc_stream_free(s);
	if (out_len != NULL)
		*out_len = olen;
	return rc;
}

err_code enc_to_utf8(enc_kind from, const char *in, size_t len, char **out, size_t *out_len,
                     size_t *bad_offset, err_info *e)
{
	return enc_convert(from, ENC_UTF8, in, len, out, out_len, bad_offset, e);
}

err_code enc_from_utf8(enc_kind to, const char *in, size_t len, char **out, size_t *out_len,
                       size_t *bad_offset, err_info *e)
{
	return enc_convert(ENC_UTF8, to, in, len, out, out_len, bad_offset, e);
}
