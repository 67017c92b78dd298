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
 *
 * The surname is the first character that gives a letter (a compound such as
 * 欧阳 counts as one); only there are surname readings used, so 张单 is "zd"
 * and 单雄信 "sxx". Full-width Latin letters count as ASCII ones, 〇 as l.
 * Invalid UTF-8 bytes are skipped one at a time. If out is too small the
 * initials are cut, never overflowing; out_size 0 writes nothing.
 */
size_t pinyin_name_initials(const char *name, char *out, size_t out_size);

#endif
