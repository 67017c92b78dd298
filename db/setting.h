/*
 * setting — installation settings as text by key: the office of this
 * installation, number templates, statutory period lengths and day types,
 * export options. Keys are ASCII (letters, digits, _ . -); a per-office
 * override appends ".<office code>" to the key. Callers give a default for
 * a key that was never set.
 */
#ifndef LAOBAO_SETTING_H
#define LAOBAO_SETTING_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

/* Longest value, in bytes. */
#define SETTING_VALUE_MAX 4000

/*
 * The value of key into buf (size bytes); def when the key is not set, or
 * ERR_NOT_FOUND when def is NULL. ERR_DB_TOO_LONG if buf is too small.
 */
err_code setting_get(db *d, const char *key, const char *def, char *buf, size_t size, err_info *e);

/* An integer setting; ERR_INVALID_ARG (naming the key) if the stored text is not one. */
err_code setting_get_int(db *d, const char *key, int64_t def, int64_t *out, err_info *e);

/* Set (insert or update, audited and versioned) the value of key. */
err_code setting_set(db *d, const char *key, const char *value, err_info *e);

#endif
