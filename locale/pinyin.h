/*
 * pinyin — pinyin initials of Chinese names, for search ("zs" finds 张三).
 *
 * Initials of single characters come from Unicode's Unihan kMandarin
 * readings (first reading), compiled by scripts/gen-pinyin into
 * locale/pinyin_table.c, which is checked in. Surnames are read as surnames
 * where the common reading differs (单 shan, 仇 qiu, 解 xie, 曾 zeng, 区 ou,
 * 查 zha, 朴 piao, 盖 ge, 缪 miao, 尉迟 yuchi, 万俟 moqi …).
 */
#ifndef LAOBAO_PINYIN_H
#define LAOBAO_PINYIN_H

#include <stddef.h>
#include <stdint.h>

/* The lower-case initial ('a'-'z') of a Han code point, or 0 if unknown. */
char pinyin_initial(uint32_t cp);

/*
 * Initials of a person's name (UTF-8) into out (out_size bytes,
 * NUL-terminated): one lower-case letter per Han character, the surname read
 * as a surname; ASCII letters are lower-cased and kept; the middle dot,
 * spaces, digits and unknown characters are skipped. Returns the number of
 * letters written.
 */
size_t pinyin_name_initials(const char *name, char *out, size_t out_size);

#endif
