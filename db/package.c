/*
 * package — manifest, hashed file output, tar, sealing and reading back
 * (see package.h).
 *
 * Files are written with write(2) through a SHA-256 state, so the hash in
 * the manifest is of exactly the bytes on disk. Reading keeps one open
 * descriptor per file (or one for a tar) from the start of an import to its
 * end, so the two passes of an import read the same file even if someone
 * renames another into its place, and a change in place is noticed.
 */
#include "db/package.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PACKAGE_SEAL_MAGIC "LAOBAO-SEALED 1\n"
#define PACKAGE_SEAL_MAGIC_LEN 16
#define PACKAGE_SEAL_CHUNK 65536
#define PACKAGE_PUB_HEAD "LAOBAO-PUBLIC-KEY 1\n"
#define PACKAGE_SEC_HEAD "LAOBAO-SECRET-KEY 1\n"
#define PACKAGE_MAX_ENTRIES 64

/* ---- small helpers ---- */

static void package_hex(const unsigned char *in, size_t n, char *out)
{
	static const char hex[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hex[in[i] >> 4];
		out[2 * i + 1] = hex[in[i] & 15];
	}
	out[2 * n] = '\0';
}

/* Parse exactly 2n lower- or upper-case hex digits; 0 on any other text. */
static int package_unhex(const char *s, size_t len, unsigned char *out, size_t n)
{
	if (len != 2 * n)
		return 0;
	for (size_t i = 0; i < 2 * n; i++) {
		char c = s[i];
		int v = c >= '0' && c <= '9'   ? c - '0'
		        : c >= 'a' && c <= 'f' ? c - 'a' + 10
		        : c >= 'A' && c <= 'F' ? c - 'A' + 10
		                               : -1;
		if (v < 0)
			return 0;
		if (i % 2 == 0)
			out[i / 2] = (unsigned char)(v << 4);
		else
			out[i / 2] |= (unsigned char)v;
	}
	return 1;
}

void package_sha256_hex(const void *data, size_t n, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, data, n);
	package_hex(h, sizeof h, out);
}

void package_name(const char *office, int64_t batch, char *out, size_t size)
{
	snprintf(out, size, "laobao-%s-%06lld", office, (long long)batch);
}

static err_code package_io(err_info *e, msg_id what, const char *path)
{
	return err_set(e, ERR_PKG_IO, MSG_NONE, "%s %s：%s", msg_text(what), path, strerror(errno));
}

static int package_write_all(int fd, const void *data, size_t n)
{
	const char *p = data;
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Read exactly n bytes at offset (fewer only at end of file: *got). */
static int package_pread_all(int fd, void *buf, size_t n, off_t at, size_t *got)
{
	char *p = buf;
	size_t done = 0;
	while (done < n) {
		ssize_t r = pread(fd, p + done, n - done, at + (off_t)done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		done += (size_t)r;
	}
	*got = done;
	return 0;
}

/* ---- manifest ---- */

err_code package_manifest_format(const package_manifest *m, char **text, size_t *len, err_info *e)
{
	*text = NULL;
	*len = 0;
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	if (f == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	fprintf(f,
	        "LAOBAO-PACKAGE %d\noffice %s\nbatch %lld\nfirst-seq %lld\nlast-seq %lld\n"
	        "schema %d\ncreated-at %s\nencoding %s\nbom %d\nrows %llu\n",
	        m->format, m->office, (long long)m->batch, (long long)m->first_seq,
	        (long long)m->last_seq, m->schema, m->created_at, m->encoding, m->bom,
	        (unsigned long long)m->rows);
	for (size_t i = 0; i < m->nfiles; i++)
		fprintf(f, "file %s %llu %llu %s\n", m->files[i].name,
		        (unsigned long long)m->files[i].rows, (unsigned long long)m->files[i].bytes,
		        m->files[i].sha256);
	fputs("end\n", f);
	if (fclose(f) != 0 || buf == NULL) {
		free(buf);
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	}
	*text = buf;
	*len = n;
	return ERR_OK;
}

/* A decimal number of at most 18 digits, nothing else. */
static int package_parse_u(const char *s, uint64_t *out)
{
	size_t n = strlen(s);
	if (n == 0 || n > 18)
		return 0;
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	*out = v;
	return 1;
}

static int package_office_ok(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 12)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      c == '_' || c == '.' || c == '-'))
			return 0;
	}
	return 1;
}

static int package_stamp_ok(const char *s)
{
	const char *shape = "dddd-dd-ddTdd:dd:ddZ";
	if (strlen(s) != 20)
		return 0;
	for (size_t i = 0; i < 20; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
			return 0;
	return 1;
}

static int package_file_name_ok(const char *s)
{
	size_t n = strlen(s);
	if (n < 5 || n >= PACKAGE_NAME_MAX || strcmp(s + n - 4, ".csv") != 0)
		return 0;
	for (size_t i = 0; i < n - 4; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_'))
			return 0;
	return 1;
}

err_code package_manifest_parse(const char *text, size_t len, package_manifest *m, err_info *e)
{
	memset(m, 0, sizeof *m);
	static const char head[] = "LAOBAO-PACKAGE ";
	if (len < sizeof head - 1 || memcmp(text, head, sizeof head - 1) != 0)
		return err_set(e, ERR_PKG_FOREIGN, MSG_NONE, "%s", PACKAGE_MANIFEST);
	if (len > 65536 || memchr(text, '\0', len) != NULL || memchr(text, '\r', len) != NULL)
		return err_set(e, ERR_PKG_MANIFEST, MSG_NONE, msg_text(MSG_D_PKG_BAD_CHARS),
		               PACKAGE_MANIFEST);
	char *copy = malloc(len + 1);
	if (copy == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	memcpy(copy, text, len);
	copy[len] = '\0';
	err_code c = ERR_OK;
	int line = 0, ended = 0;
	char *save = NULL;
	const char *bad = NULL;
	uint64_t v = 0, v2 = 0;
	if (len == 0 || copy[len - 1] != '\n') {
		c = err_set(e, ERR_PKG_MANIFEST, MSG_NONE, msg_text(MSG_D_PKG_LAST_LINE),
		            PACKAGE_MANIFEST);
		goto done;
	}
	for (char *l = strtok_r(copy, "\n", &save); l != NULL; l = strtok_r(NULL, "\n", &save)) {
		line++;
		if (ended) {
			bad = msg_text(MSG_D_PKG_AFTER_END);
			break;
		}
		char key[16] = "", a[80] = "", b[80] = "", cc[80] = "", d[80] = "";
		char extra[2] = "";
		int k = sscanf(l, "%15s %79s %79s %79s %79s %1s", key, a, b, cc, d, extra);
		if (line == 1) {
			if (k != 2 || strcmp(key, "LAOBAO-PACKAGE") != 0 ||
			    !package_parse_u(a, &v)) {
				bad = msg_text(MSG_D_PKG_FIRST_LINE);
				break;
			}
			if (v > PACKAGE_FORMAT) {
				c = err_set(e, ERR_PKG_TOO_NEW, MSG_NONE,
				            msg_text(MSG_D_PKG_TOO_NEW), (unsigned long long)v,
				            PACKAGE_FORMAT);
				goto done;
			}
			if (v != PACKAGE_FORMAT) {
				bad = msg_text(MSG_D_PKG_FORMAT_VERSION);
				break;
			}
			m->format = (int)v;
			continue;
		}
		static const char *const keys[] = {"office",   "batch",  "first-seq",
		                                   "last-seq", "schema", "created-at",
		                                   "encoding", "bom",    "rows"};
		if (line <= 10) {
			if (k != 2 || strcmp(key, keys[line - 2]) != 0) {
				bad = keys[line - 2];
				break;
			}
			switch (line) {
			case 2:
				if (!package_office_ok(a))
					bad = "office";
				else
					snprintf(m->office, sizeof m->office, "%s", a);
				break;
			case 3:
			case 4:
			case 5:
				if (!package_parse_u(a, &v) || v < 1)
					bad = keys[line - 2];
				else if (line == 3)
					m->batch = (int64_t)v;
				else if (line == 4)
					m->first_seq = (int64_t)v;
				else if (v < (uint64_t)m->first_seq)
					bad = "last-seq";
				else
					m->last_seq = (int64_t)v;
				break;
			case 6:
				if (!package_parse_u(a, &v) || v < 1 || v > 100000)
					bad = "schema";
				else
					m->schema = (int)v;
				break;
			case 7:
				if (!package_stamp_ok(a))
					bad = "created-at";
				else
					snprintf(m->created_at, sizeof m->created_at, "%s", a);
				break;
			case 8:
				if (strcmp(a, "GB18030") != 0 && strcmp(a, "UTF-8") != 0)
					bad = "encoding";
				else
					snprintf(m->encoding, sizeof m->encoding, "%s", a);
				break;
			case 9:
				if (strcmp(a, "0") != 0 && strcmp(a, "1") != 0)
					bad = "bom";
				else
					m->bom = a[0] == '1';
				break;
			case 10:
				if (!package_parse_u(a, &v))
					bad = "rows";
				else
					m->rows = v;
				break;
			}
			if (bad != NULL)
				break;
			continue;
		}
		if (k == 1 && strcmp(key, "end") == 0) {
			ended = 1;
			continue;
		}
		unsigned char h[32];
		if (k != 5 || strcmp(key, "file") != 0 || !package_file_name_ok(a) ||
		    !package_parse_u(b, &v) || !package_parse_u(cc, &v2) || strlen(d) != 64 ||
		    !package_unhex(d, 64, h, 32)) {
			bad = "file";
			break;
		}
		if (m->nfiles == PACKAGE_MAX_FILES) {
			bad = msg_text(MSG_D_PKG_TOO_MANY_FILES);
			break;
		}
		for (size_t i = 0; i < m->nfiles; i++)
			if (strcmp(m->files[i].name, a) == 0)
				bad = msg_text(MSG_D_PKG_DUPLICATE_FILE);
		if (bad != NULL)
			break;
		package_file *f = &m->files[m->nfiles++];
		snprintf(f->name, sizeof f->name, "%s", a);
		f->rows = v;
		f->bytes = v2;
		package_hex(h, 32, f->sha256);
	}
	if (bad == NULL && !ended)
		bad = msg_text(line < 10 ? MSG_D_PKG_INCOMPLETE : MSG_D_PKG_NO_END);
	if (bad != NULL)
		c = err_set(e, ERR_PKG_MANIFEST, MSG_NONE, msg_text(MSG_D_PKG_MANIFEST_LINE),
		            PACKAGE_MANIFEST, line, bad);
done:
	free(copy);
	return c;
}

/* ---- writing files ---- */

struct package_sink {
	int fd;
	char *path;
	crypto_hash_sha256_state sha;
	uint64_t bytes;
};

err_code package_sink_open(const char *dir, const char *name, package_sink **out, err_info *e)
{
	*out = NULL;
	package_sink *s = calloc(1, sizeof *s);
	size_t n = strlen(dir) + strlen(name) + 2;
	if (s == NULL || (s->path = malloc(n)) == NULL) {
		free(s);
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	}
	snprintf(s->path, n, "%s/%s", dir, name);
	s->fd = open(s->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (s->fd < 0) {
		err_code c = package_io(e, MSG_D_PKG_CANNOT_CREATE, s->path);
		free(s->path);
		free(s);
		return c;
	}
	crypto_hash_sha256_init(&s->sha);
	*out = s;
	return ERR_OK;
}

err_code package_sink_write(package_sink *s, const void *data, size_t n, err_info *e)
{
	if (n == 0)
		return ERR_OK;
	crypto_hash_sha256_update(&s->sha, data, n);
	if (package_write_all(s->fd, data, n) != 0)
		return package_io(e, MSG_D_PKG_WRITE, s->path);
	s->bytes += n;
	return ERR_OK;
}

err_code package_sink_close(package_sink *s, package_file *f, err_info *e)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_final(&s->sha, h);
	package_hex(h, sizeof h, f->sha256);
	f->bytes = s->bytes;
	err_code c = ERR_OK;
	if (close(s->fd) != 0)
		c = package_io(e, MSG_D_PKG_WRITE, s->path);
	free(s->path);
	free(s);
	return c;
}

void package_sink_abort(package_sink *s)
{
	if (s == NULL)
		return;
	close(s->fd);
	unlink(s->path);
	free(s->path);
	free(s);
}

void package_remove_dir(const char *dir)
{
	DIR *dh = opendir(dir);
	if (dh != NULL) {
		struct dirent *de;
		while ((de = readdir(dh)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
				continue;
			char path[4352];
			snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
			unlink(path);
		}
		closedir(dh);
	}
	rmdir(dir);
}

/* ---- keys ---- */

static err_code package_write_new(const char *path, const char *text, mode_t mode, err_info *e)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd < 0) {
		if (errno == EEXIST)
			return err_set(e, ERR_EXPORT_EXISTS, MSG_NONE, "%s", path);
		return package_io(e, MSG_D_PKG_CANNOT_CREATE, path);
	}
	int bad = package_write_all(fd, text, strlen(text)) != 0;
	bad |= close(fd) != 0;
	if (bad) {
		err_code c = package_io(e, MSG_D_PKG_WRITE, path);
		unlink(path);
		return c;
	}
	return ERR_OK;
}

err_code package_keygen(const char *prefix, err_info *e)
{
	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, MSG_NONE, "sodium_init");
	unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
	crypto_box_keypair(pk, sk);
	char pub[4200], sec[4200];
	snprintf(pub, sizeof pub, "%s.pub", prefix);
	snprintf(sec, sizeof sec, "%s.key", prefix);
	if (access(pub, F_OK) == 0)
		return err_set(e, ERR_EXPORT_EXISTS, MSG_NONE, "%s", pub);
	if (access(sec, F_OK) == 0)
		return err_set(e, ERR_EXPORT_EXISTS, MSG_NONE, "%s", sec);
	char hpk[65], hsk[65], text[200];
	package_hex(pk, sizeof pk, hpk);
	package_hex(sk, sizeof sk, hsk);
	sodium_memzero(sk, sizeof sk);
	snprintf(text, sizeof text, PACKAGE_SEC_HEAD "%s\n%s\n", hpk, hsk);
	sodium_memzero(hsk, sizeof hsk);
	err_code c = package_write_new(sec, text, 0600, e);
	sodium_memzero(text, sizeof text);
	if (c != ERR_OK)
		return c;
	snprintf(text, sizeof text, PACKAGE_PUB_HEAD "%s\n", hpk);
	c = package_write_new(pub, text, 0644, e);
	if (c != ERR_OK)
		unlink(sec);
	return c;
}

/* Read a small key file into buf (NUL-terminated). */
static err_code package_read_small(const char *path, char *buf, size_t size, err_info *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return package_io(e, MSG_D_PKG_CANNOT_OPEN, path);
	size_t got = 0;
	int rc = package_pread_all(fd, buf, size - 1, 0, &got);
	close(fd);
	if (rc != 0)
		return package_io(e, MSG_D_PKG_READ, path);
	buf[got] = '\0';
	return ERR_OK;
}

static err_code package_load_public(const char *path, unsigned char pk[crypto_box_PUBLICKEYBYTES],
                                    err_info *e)
{
	char buf[512];
	err_code c = package_read_small(path, buf, sizeof buf, e);
	if (c != ERR_OK)
		return c;
	size_t h = strlen(PACKAGE_PUB_HEAD);
	if (strncmp(buf, PACKAGE_SEC_HEAD, h) == 0)
		return err_set(e, ERR_SEAL_KEY, MSG_NONE, msg_text(MSG_D_PKG_SECRET_KEY), path);
	char *nl = strchr(buf + h, '\n');
	if (strncmp(buf, PACKAGE_PUB_HEAD, h) != 0 || nl == NULL || nl[1] != '\0' ||
	    !package_unhex(buf + h, (size_t)(nl - buf) - h, pk, crypto_box_PUBLICKEYBYTES))
		return err_set(e, ERR_SEAL_KEY, MSG_NONE, "%s", path);
	return ERR_OK;
}

static err_code package_load_secret(const char *path, unsigned char pk[crypto_box_PUBLICKEYBYTES],
                                    unsigned char sk[crypto_box_SECRETKEYBYTES], err_info *e)
{
	char buf[512];
	err_code c = package_read_small(path, buf, sizeof buf, e);
	if (c != ERR_OK)
		return c;
	size_t h = strlen(PACKAGE_SEC_HEAD);
	char *nl1 = strncmp(buf, PACKAGE_SEC_HEAD, h) == 0 ? strchr(buf + h, '\n') : NULL;
	char *nl2 = nl1 ? strchr(nl1 + 1, '\n') : NULL;
	int ok = nl2 != NULL && nl2[1] == '\0' &&
	         package_unhex(buf + h, (size_t)(nl1 - buf) - h, pk, crypto_box_PUBLICKEYBYTES) &&
	         package_unhex(nl1 + 1, (size_t)(nl2 - nl1) - 1, sk, crypto_box_SECRETKEYBYTES);
	sodium_memzero(buf, sizeof buf);
	if (!ok)
		return err_set(e, ERR_SEAL_KEY, MSG_NONE, "%s", path);
	return ERR_OK;
}

err_code package_check_public_key(const char *path, err_info *e)
{
	unsigned char pk[crypto_box_PUBLICKEYBYTES];
	return package_load_public(path, pk, e);
}

/* ---- tar and sealed output ---- */

/* Where tar bytes go: straight to the file, or through the encryptor. */
typedef struct package_tar_out {
	int fd;
	const char *path;
	int sealed;
	crypto_secretstream_xchacha20poly1305_state st;
	unsigned char *plain; /* PACKAGE_SEAL_CHUNK bytes waiting to be encrypted */
	size_t nplain;
	unsigned char *cipher;
} package_tar_out;

static err_code package_out_push(package_tar_out *o, unsigned char tag, err_info *e)
{
	unsigned long long clen = 0;
	crypto_secretstream_xchacha20poly1305_push(&o->st, o->cipher, &clen, o->plain, o->nplain,
	                                           NULL, 0, tag);
	o->nplain = 0;
	if (package_write_all(o->fd, o->cipher, (size_t)clen) != 0)
		return package_io(e, MSG_D_PKG_WRITE, o->path);
	return ERR_OK;
}

static err_code package_out_write(package_tar_out *o, const void *data, size_t n, err_info *e)
{
	if (!o->sealed) {
		if (package_write_all(o->fd, data, n) != 0)
			return package_io(e, MSG_D_PKG_WRITE, o->path);
		return ERR_OK;
	}
	const unsigned char *p = data;
	while (n > 0) {
		size_t take = PACKAGE_SEAL_CHUNK - o->nplain;
		if (take > n)
			take = n;
		memcpy(o->plain + o->nplain, p, take);
		o->nplain += take;
		p += take;
		n -= take;
		if (o->nplain == PACKAGE_SEAL_CHUNK) {
			err_code c = package_out_push(o, 0, e);
			if (c != ERR_OK)
				return c;
		}
	}
	return ERR_OK;
}

static void package_tar_octal(char *field, size_t size, uint64_t v)
{
	/* size-1 octal digits, zero-padded, then NUL */
	for (size_t i = size - 1; i-- > 0;) {
		field[i] = (char)('0' + (v & 7));
		v >>= 3;
	}
	field[size - 1] = '\0';
}

static void package_tar_header(unsigned char h[512], const char *name, uint64_t size, int dir,
                               int64_t mtime)
{
	memset(h, 0, 512);
	snprintf((char *)h, 100, "%s", name);
	package_tar_octal((char *)h + 100, 8, dir ? 0700 : 0600);
	package_tar_octal((char *)h + 108, 8, 0);
	package_tar_octal((char *)h + 116, 8, 0);
	package_tar_octal((char *)h + 124, 12, size);
	package_tar_octal((char *)h + 136, 12, mtime > 0 ? (uint64_t)mtime : 0);
	h[156] = dir ? '5' : '0';
	memcpy(h + 257, "ustar", 6);
	memcpy(h + 263, "00", 2);
	memcpy(h + 148, "        ", 8);
	unsigned sum = 0;
	for (size_t i = 0; i < 512; i++)
		sum += h[i];
	snprintf((char *)h + 148, 8, "%06o", sum);
	h[155] = ' ';
}

static err_code package_tar_add(package_tar_out *o, const char *dir, const char *top,
                                const char *name, int64_t mtime, unsigned char *buf, size_t bufsize,
                                err_info *e)
{
	char path[4352];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return package_io(e, MSG_D_PKG_CANNOT_OPEN, path);
	struct stat sb;
	if (fstat(fd, &sb) != 0) {
		close(fd);
		return package_io(e, MSG_D_PKG_READ, path);
	}
	unsigned char h[512];
	char full[256];
	snprintf(full, sizeof full, "%s/%s", top, name);
	package_tar_header(h, full, (uint64_t)sb.st_size, 0, mtime);
	err_code c = package_out_write(o, h, 512, e);
	uint64_t done = 0;
	while (c == ERR_OK && done < (uint64_t)sb.st_size) {
		size_t got = 0;
		if (package_pread_all(fd, buf, bufsize, (off_t)done, &got) != 0 || got == 0) {
			c = package_io(e, MSG_D_PKG_READ, path);
			break;
		}
		c = package_out_write(o, buf, got, e);
		done += got;
	}
	close(fd);
	size_t pad = (size_t)((512 - done % 512) % 512);
	if (c == ERR_OK && pad > 0) {
		memset(h, 0, sizeof h);
		c = package_out_write(o, h, pad, e);
	}
	return c;
}

err_code package_write_tar(const char *dir, const char *top, const char *const *names, size_t n,
                           int64_t mtime, const char *pubkey_file, const char *out, err_info *e)
{
	unsigned char pk[crypto_box_PUBLICKEYBYTES];
	package_tar_out o = {.fd = -1, .path = out, .sealed = pubkey_file != NULL};
	if (o.sealed) {
		if (sodium_init() < 0)
			return err_set(e, ERR_INTERNAL, MSG_NONE, "sodium_init");
		err_code c = package_load_public(pubkey_file, pk, e);
		if (c != ERR_OK)
			return c;
	}
	if (access(out, F_OK) == 0)
		return err_set(e, ERR_EXPORT_EXISTS, MSG_NONE, "%s", out);
	char tmp[4352];
	snprintf(tmp, sizeof tmp, "%s.part%ld", out, (long)getpid());
	o.fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (o.fd < 0)
		return package_io(e, MSG_D_PKG_CANNOT_CREATE, tmp);
	size_t bufsize = 1u << 18;
	unsigned char *buf = malloc(bufsize);
	err_code c = buf != NULL ? ERR_OK : err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	if (c == ERR_OK && o.sealed) {
		o.plain = malloc(PACKAGE_SEAL_CHUNK);
		o.cipher =
		    malloc(PACKAGE_SEAL_CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES);
		if (o.plain == NULL || o.cipher == NULL)
			c = err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	}
	if (c == ERR_OK && o.sealed) {
		unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
		unsigned char boxed[crypto_box_SEALBYTES + sizeof key];
		unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
		crypto_secretstream_xchacha20poly1305_keygen(key);
		crypto_secretstream_xchacha20poly1305_init_push(&o.st, header, key);
		if (crypto_box_seal(boxed, key, sizeof key, pk) != 0)
			c = err_set(e, ERR_SEAL_KEY, MSG_NONE, "%s", pubkey_file);
		sodium_memzero(key, sizeof key);
		if (c == ERR_OK &&
		    (package_write_all(o.fd, PACKAGE_SEAL_MAGIC, PACKAGE_SEAL_MAGIC_LEN) != 0 ||
		     package_write_all(o.fd, boxed, sizeof boxed) != 0 ||
		     package_write_all(o.fd, header, sizeof header) != 0))
			c = package_io(e, MSG_D_PKG_WRITE, tmp);
	}
	if (c == ERR_OK) {
		unsigned char h[512];
		char topdir[128];
		snprintf(topdir, sizeof topdir, "%s/", top);
		package_tar_header(h, topdir, 0, 1, mtime);
		c = package_out_write(&o, h, 512, e);
	}
	for (size_t i = 0; c == ERR_OK && i < n; i++)
		c = package_tar_add(&o, dir, top, names[i], mtime, buf, bufsize, e);
	if (c == ERR_OK) {
		memset(buf, 0, 1024);
		c = package_out_write(&o, buf, 1024, e);
	}
	if (c == ERR_OK && o.sealed)
		c = package_out_push(&o, crypto_secretstream_xchacha20poly1305_TAG_FINAL, e);
	if (close(o.fd) != 0 && c == ERR_OK)
		c = package_io(e, MSG_D_PKG_WRITE, tmp);
	if (c == ERR_OK && rename(tmp, out) != 0)
		c = package_io(e, MSG_D_PKG_CANNOT_RENAME, out);
	if (c != ERR_OK)
		unlink(tmp);
	free(buf);
	free(o.plain);
	free(o.cipher);
	return c;
}

/* ---- reading ---- */

typedef struct package_entry {
	char name[PACKAGE_NAME_MAX];
	int fd;          /* own descriptor (folder) or the shared one (tar) */
	uint64_t offset; /* of the data within fd */
	uint64_t size;
	struct timespec mtime; /* of the file at open, to notice changes */
} package_entry;

struct package_in {
	char *path;
	int fd; /* tar or decrypted tar; -1 for a folder */
	package_entry entries[PACKAGE_MAX_ENTRIES];
	size_t n;
};

size_t package_count(const package_in *p)
{
	return p->n;
}

const char *package_entry_name(const package_in *p, size_t i)
{
	return p->entries[i].name;
}

uint64_t package_entry_size(const package_in *p, size_t i)
{
	return p->entries[i].size;
}

long package_find(const package_in *p, const char *name)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->entries[i].name, name) == 0)
			return (long)i;
	return -1;
}

const char *package_path(const package_in *p)
{
	return p->path;
}

void package_close(package_in *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->n; i++)
		if (p->entries[i].fd >= 0 && p->entries[i].fd != p->fd)
			close(p->entries[i].fd);
	if (p->fd >= 0)
		close(p->fd);
	free(p->path);
	free(p);
}

static int package_entry_cmp(const void *a, const void *b)
{
	return strcmp(((const package_entry *)a)->name, ((const package_entry *)b)->name);
}

static err_code package_open_folder(package_in *p, err_info *e)
{
	DIR *dh = opendir(p->path);
	if (dh == NULL)
		return package_io(e, MSG_D_PKG_CANNOT_OPEN, p->path);
	err_code c = ERR_OK;
	struct dirent *de;
	while (c == ERR_OK && (de = readdir(dh)) != NULL) {
		/* Hidden files (.DS_Store and the like, written by desktops) are not the package's.
		 */
		if (de->d_name[0] == '.')
			continue;
		if (p->n == PACKAGE_MAX_ENTRIES || strlen(de->d_name) >= PACKAGE_NAME_MAX) {
			c = err_set(e, ERR_PKG_EXTRA_FILE, MSG_NONE, "%s", de->d_name);
			break;
		}
		package_entry *en = &p->entries[p->n];
		snprintf(en->name, sizeof en->name, "%s", de->d_name);
		char path[4352];
		snprintf(path, sizeof path, "%s/%s", p->path, de->d_name);
		en->fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
		struct stat sb;
		if (en->fd < 0 || fstat(en->fd, &sb) != 0) {
			c = package_io(e, MSG_D_PKG_CANNOT_OPEN, path);
			if (en->fd >= 0)
				close(en->fd);
			break;
		}
		if (!S_ISREG(sb.st_mode)) {
			close(en->fd);
			c = err_set(e, ERR_PKG_EXTRA_FILE, MSG_NONE, "%s", de->d_name);
			break;
		}
		en->offset = 0;
		en->size = (uint64_t)sb.st_size;
		en->mtime = sb.st_mtim;
		p->n++;
	}
	closedir(dh);
	qsort(p->entries, p->n, sizeof p->entries[0], package_entry_cmp);
	return c;
}

static uint64_t package_tar_number(const unsigned char *f, size_t size, int *ok)
{
	uint64_t v = 0;
	size_t i = 0;
	while (i < size && f[i] == ' ')
		i++;
	size_t digits = 0;
	for (; i < size && f[i] >= '0' && f[i] <= '7'; i++, digits++)
		v = v * 8 + (uint64_t)(f[i] - '0');
	for (; i < size; i++)
		if (f[i] != ' ' && f[i] != '\0')
			*ok = 0;
	if (digits == 0 || digits > 21)
		*ok = 0;
	return v;
}

static err_code package_open_tar(package_in *p, err_info *e)
{
	struct stat sb;
	if (fstat(p->fd, &sb) != 0)
		return package_io(e, MSG_D_PKG_READ, p->path);
	uint64_t total = (uint64_t)sb.st_size, at = 0;
	char top[101] = "";
	for (;;) {
		unsigned char h[512];
		size_t got = 0;
		if (package_pread_all(p->fd, h, 512, (off_t)at, &got) != 0)
			return package_io(e, MSG_D_PKG_READ, p->path);
		if (got < 512)
			return err_set(e, ERR_PKG_TAR, MSG_NONE, msg_text(MSG_D_PKG_TAR_SHORT),
			               p->path, (unsigned long long)at);
		int zero = 1;
		for (size_t i = 0; i < 512 && zero; i++)
			zero = h[i] == 0;
		if (zero)
			break;
		int ok = 1;
		uint64_t want = package_tar_number(h + 148, 8, &ok);
		unsigned sum = 0;
		for (size_t i = 0; i < 512; i++)
			sum += i >= 148 && i < 156 ? ' ' : h[i];
		uint64_t size = package_tar_number(h + 124, 12, &ok);
		if (!ok || want != sum || memcmp(h + 257, "ustar", 5) != 0)
			return err_set(e, ERR_PKG_TAR, MSG_NONE, msg_text(MSG_D_PKG_TAR_BAD_HEADER),
			               p->path, (unsigned long long)at);
		char name[257];
		if (h[345] != '\0')
			snprintf(name, sizeof name, "%.155s/%.100s", (const char *)h + 345,
			         (const char *)h);
		else
			snprintf(name, sizeof name, "%.100s", (const char *)h);
		at += 512;
		char type = (char)h[156];
		if (type == '5') {
			if (top[0] != '\0')
				return err_set(e, ERR_PKG_EXTRA_FILE, MSG_NONE, "%s", name);
			snprintf(top, sizeof top, "%.100s", name);
			continue;
		}
		if (type != '0' && type != '\0')
			return err_set(e, ERR_PKG_TAR, MSG_NONE, msg_text(MSG_D_PKG_TAR_ENTRY_TYPE),
			               p->path, name);
		if (size > total || at > total - size)
			return err_set(e, ERR_PKG_TAR, MSG_NONE,
			               msg_text(MSG_D_PKG_TAR_ENTRY_SHORT), p->path, name);
		/* Files sit directly in the one top folder. */
		size_t tl = strlen(top);
		const char *base = name;
		if (tl > 0 && strncmp(name, top, tl) == 0)
			base = name + tl;
		if (strchr(base, '/') != NULL || base[0] == '\0')
			return err_set(e, ERR_PKG_EXTRA_FILE, MSG_NONE, "%s", name);
		if (p->n == PACKAGE_MAX_ENTRIES || strlen(base) >= PACKAGE_NAME_MAX ||
		    package_find(p, base) >= 0)
			return err_set(e, ERR_PKG_EXTRA_FILE, MSG_NONE, "%s", name);
		package_entry *en = &p->entries[p->n++];
		snprintf(en->name, sizeof en->name, "%s", base);
		en->fd = p->fd;
		en->offset = at;
		en->size = size;
		en->mtime = sb.st_mtim;
		at += (size + 511) / 512 * 512;
	}
	qsort(p->entries, p->n, sizeof p->entries[0], package_entry_cmp);
	return ERR_OK;
}

/* Decrypt the sealed file fd into an unlinked temporary file; return its descriptor in *out. */
static err_code package_unseal(package_in *p, int fd, const char *key_file, int *out, err_info *e)
{
	*out = -1;
	if (key_file == NULL)
		return err_set(e, ERR_SEAL_NEED_KEY, MSG_NONE, "%s", p->path);
	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, MSG_NONE, "sodium_init");
	unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
	err_code c = package_load_secret(key_file, pk, sk, e);
	if (c != ERR_OK)
		return c;
	unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
	unsigned char boxed[crypto_box_SEALBYTES + sizeof key];
	unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
	size_t got = 0, got2 = 0;
	uint64_t at = PACKAGE_SEAL_MAGIC_LEN;
	if (package_pread_all(fd, boxed, sizeof boxed, (off_t)at, &got) != 0 ||
	    package_pread_all(fd, header, sizeof header, (off_t)(at + sizeof boxed), &got2) != 0) {
		sodium_memzero(sk, sizeof sk);
		return package_io(e, MSG_D_PKG_READ, p->path);
	}
	if (got < sizeof boxed || got2 < sizeof header) {
		sodium_memzero(sk, sizeof sk);
		return err_set(e, ERR_SEAL_TRUNCATED, MSG_NONE, "%s", p->path);
	}
	int opened = crypto_box_seal_open(key, boxed, sizeof boxed, pk, sk) == 0;
	sodium_memzero(sk, sizeof sk);
	if (!opened)
		return err_set(e, ERR_SEAL_OPEN, MSG_NONE, "%s", p->path);
	crypto_secretstream_xchacha20poly1305_state st;
	int init = crypto_secretstream_xchacha20poly1305_init_pull(&st, header, key) == 0;
	sodium_memzero(key, sizeof key);
	if (!init)
		return err_set(e, ERR_SEAL_OPEN, MSG_NONE, "%s", p->path);
	at += sizeof boxed + sizeof header;

	const char *tmpdir = getenv("TMPDIR");
	char tmpl[4200];
	snprintf(tmpl, sizeof tmpl, "%s/laobao-unseal-XXXXXX",
	         tmpdir != NULL && tmpdir[0] == '/' ? tmpdir : "/tmp");
	int tfd = mkstemp(tmpl);
	if (tfd < 0)
		return package_io(e, MSG_D_PKG_CANNOT_CREATE_TEMP, tmpl);
	unlink(tmpl);
	size_t csize = PACKAGE_SEAL_CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES;
	unsigned char *cbuf = malloc(csize), *mbuf = malloc(PACKAGE_SEAL_CHUNK);
	c = cbuf && mbuf ? ERR_OK : err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	int final = 0;
	while (c == ERR_OK) {
		if (package_pread_all(fd, cbuf, csize, (off_t)at, &got) != 0) {
			c = package_io(e, MSG_D_PKG_READ, p->path);
			break;
		}
		if (got == 0) {
			if (!final)
				c = err_set(e, ERR_SEAL_TRUNCATED, MSG_NONE, "%s", p->path);
			break;
		}
		if (final) {
			c = err_set(e, ERR_SEAL_OPEN, MSG_NONE, msg_text(MSG_D_PKG_AFTER_FINAL),
			            p->path);
			break;
		}
		unsigned long long mlen = 0;
		unsigned char tag = 0;
		if (got < crypto_secretstream_xchacha20poly1305_ABYTES ||
		    crypto_secretstream_xchacha20poly1305_pull(&st, mbuf, &mlen, &tag, cbuf, got,
		                                               NULL, 0) != 0) {
			c = err_set(e, got < csize ? ERR_SEAL_TRUNCATED : ERR_SEAL_OPEN, MSG_NONE,
			            msg_text(MSG_D_PKG_SEAL_AT), p->path, (unsigned long long)at);
			break;
		}
		if (package_write_all(tfd, mbuf, (size_t)mlen) != 0) {
			c = package_io(e, MSG_D_PKG_WRITE_TEMP, tmpl);
			break;
		}
		final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
		if (!final && got < csize) {
			c = err_set(e, ERR_SEAL_TRUNCATED, MSG_NONE, "%s", p->path);
			break;
		}
		at += got;
	}
	if (mbuf != NULL)
		sodium_memzero(mbuf, PACKAGE_SEAL_CHUNK);
	free(cbuf);
	free(mbuf);
	if (c != ERR_OK) {
		close(tfd);
		return c;
	}
	*out = tfd;
	return ERR_OK;
}

err_code package_open(const char *path, const char *key_file, package_in **out, err_info *e)
{
	*out = NULL;
	package_in *p = calloc(1, sizeof *p);
	if (p == NULL || (p->path = strdup(path)) == NULL) {
		free(p);
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	}
	p->fd = -1;
	size_t n = strlen(p->path);
	while (n > 1 && p->path[n - 1] == '/')
		p->path[--n] = '\0';
	struct stat sb;
	err_code c = ERR_OK;
	if (stat(p->path, &sb) != 0) {
		c = package_io(e, MSG_D_PKG_CANNOT_OPEN, p->path);
	} else if (S_ISDIR(sb.st_mode)) {
		c = package_open_folder(p, e);
	} else {
		int fd = open(p->path, O_RDONLY | O_CLOEXEC);
		unsigned char head[512];
		size_t got = 0;
		if (fd < 0 || package_pread_all(fd, head, sizeof head, 0, &got) != 0) {
			c = package_io(e, MSG_D_PKG_READ, p->path);
			if (fd >= 0)
				close(fd);
		} else if (got >= PACKAGE_SEAL_MAGIC_LEN &&
		           memcmp(head, PACKAGE_SEAL_MAGIC, PACKAGE_SEAL_MAGIC_LEN) == 0) {
			c = package_unseal(p, fd, key_file, &p->fd, e);
			close(fd);
			if (c == ERR_OK)
				c = package_open_tar(p, e);
		} else if (got == sizeof head && memcmp(head + 257, "ustar", 5) == 0) {
			p->fd = fd;
			c = package_open_tar(p, e);
		} else {
			close(fd);
			c = err_set(e, ERR_PKG_FOREIGN, MSG_NONE, "%s", p->path);
		}
	}
	if (c != ERR_OK) {
		package_close(p);
		return c;
	}
	*out = p;
	return ERR_OK;
}

err_code package_read(package_in *p, size_t i, uint64_t at, void *buf, size_t n, size_t *got,
                      err_info *e)
{
	*got = 0;
	package_entry *en = &p->entries[i];
	if (at >= en->size) {
		struct stat sb;
		/* At the end: the file must still be what was opened. */
		if (fstat(en->fd, &sb) != 0 || sb.st_mtim.tv_sec != en->mtime.tv_sec ||
		    sb.st_mtim.tv_nsec != en->mtime.tv_nsec ||
		    (p->fd < 0 && (uint64_t)sb.st_size != en->size))
			return err_set(e, ERR_PKG_CHANGED, MSG_NONE, "%s", en->name);
		return ERR_OK;
	}
	if (n > en->size - at)
		n = (size_t)(en->size - at);
	if (package_pread_all(en->fd, buf, n, (off_t)(en->offset + at), got) != 0)
		return package_io(e, MSG_D_PKG_READ, en->name);
	if (*got < n)
		return err_set(e, ERR_PKG_CHANGED, MSG_NONE, "%s", en->name);
	return ERR_OK;
}

err_code package_read_manifest(package_in *p, char **text, size_t *len, err_info *e)
{
	*text = NULL;
	*len = 0;
	long i = package_find(p, PACKAGE_MANIFEST);
	if (i < 0)
		return err_set(e, ERR_PKG_FOREIGN, MSG_NONE, msg_text(MSG_D_PKG_MISSING),
		               PACKAGE_MANIFEST);
	uint64_t size = package_entry_size(p, (size_t)i);
	if (size > 65536)
		return err_set(e, ERR_PKG_MANIFEST, MSG_NONE, msg_text(MSG_D_PKG_TOO_LARGE),
		               PACKAGE_MANIFEST);
	char *buf = malloc((size_t)size + 1);
	if (buf == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	size_t got = 0;
	err_code c = size > 0 ? package_read(p, (size_t)i, 0, buf, (size_t)size, &got, e) : ERR_OK;
	if (c != ERR_OK) {
		free(buf);
		return c;
	}
	buf[got] = '\0';
	*text = buf;
	*len = got;
	return ERR_OK;
}
