/*
 * csv — RFC 4180 comma-separated values, written and read in a stream.
 *
 * The writer appends fields to a growing buffer: a field is quoted when it
 * holds a comma, a double quote, CR or LF (quotes doubled inside), records
 * end with CRLF. The same bytes come out for the same values, which export
 * packages rely on.
 *
 * The reader is fed chunks of any size and calls back once per record. It
 * works on bytes, so it reads UTF-8, GBK and GB18030 alike before decoding:
 * in these encodings the bytes of ", \r and \n never occur inside a
 * multi-byte character. A record ends at LF or CRLF outside quotes; a lone
 * CR is an ordinary byte. Errors name the physical line (from 1) and the
 * byte offset in the stream (from 0).
 */
#ifndef LAOBAO_CSV_H
#define LAOBAO_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "locale/err.h"

/* Most fields in one record, and most bytes of one record (fields and quotes). */
#define CSV_MAX_FIELDS 256
#define CSV_MAX_RECORD (1u << 20)

/* ---- writing ---- */

typedef struct csv_buf {
	char *s;    /* malloc'ed, NUL-terminated while not NULL */
	size_t n;   /* bytes used */
	size_t cap; /* bytes allocated */
	int oom;    /* an append failed for want of memory; later appends do nothing */
} csv_buf;

/* Append raw bytes. */
void csv_buf_put(csv_buf *b, const char *s, size_t n);

/* Append one field (n bytes), preceded by a comma unless it is the first of its record. */
void csv_put_field(csv_buf *b, const char *s, size_t n, int first);

/* End the record: CRLF. */
void csv_end_record(csv_buf *b);

/* Forget the contents but keep the allocation. */
void csv_buf_clear(csv_buf *b);

/* Release the buffer; it is empty and usable afterwards. NULL is fine. */
void csv_buf_free(csv_buf *b);

/* ---- reading ---- */

typedef struct csv_record {
	size_t n;                 /* number of fields (an empty line is one empty field) */
	const char *const *field; /* each NUL-terminated; valid during the callback only */
	const size_t *len;        /* byte length of each field */
	long line;                /* physical line where the record starts, from 1 */
	uint64_t offset;          /* stream offset of its first byte */
	uint64_t end;             /* stream offset of the LF that ends it (CR before it included
	                             in the record's bytes), or of the end of the stream */
} csv_record;

/* Called per record; anything but ERR_OK stops the reader and is returned by csv_feed. */
typedef err_code (*csv_record_fn)(void *ctx, const csv_record *r, err_info *e);

typedef struct csv_reader csv_reader;

/* A reader at the start of a stream. ERR_NOMEM. */
err_code csv_reader_new(csv_reader **out, err_info *e);

/*
 * Feed len bytes; fn is called for each record completed by them. Errors:
 * ERR_CSV_QUOTE (a quote inside an unquoted field, or text after a closing
 * quote), ERR_CSV_TOO_LONG (a record over CSV_MAX_RECORD bytes or
 * CSV_MAX_FIELDS fields), ERR_NOMEM, or what fn returned. The detail of the
 * reader's own errors names the line ("第N行"); csv_reader_error_offset
 * gives the byte. After an error the reader is spent.
 */
err_code csv_feed(csv_reader *r, const char *data, size_t len, csv_record_fn fn, void *ctx,
                  err_info *e);

/*
 * End of stream: the last record if it has no line end. ERR_CSV_UNTERMINATED
 * when the stream ends inside quotes.
 */
err_code csv_finish(csv_reader *r, csv_record_fn fn, void *ctx, err_info *e);

/* Records completed so far. */
uint64_t csv_reader_records(const csv_reader *r);

/* Stream offset of the byte behind the reader's last error. */
uint64_t csv_reader_error_offset(const csv_reader *r);

void csv_reader_free(csv_reader *r);

#endif
