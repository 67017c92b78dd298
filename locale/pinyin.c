/*
 * pinyin — pinyin initials of names (see pinyin.h).
 *
 * A character's initial comes from the generated Unihan table, which gives
 * the most common reading. Names need more: a surname has its own reading
 * (单 is dān in 简单 but Shàn in 单雄信), and the compound surnames are
 * read as one unit (尉迟 Yùchí, 万俟 Mòqí). Those readings are listed
 * below; they apply only at the start of a name.
 */
#include "locale/pinyin.h"

#include <string.h>

#include "locale/pinyin_table.h"
#include "locale/text.h"

/*
 * Compound surnames, simplified and traditional forms. Listed even where
 * the table gives the same letters, so the pair is never split by a
 * single-surname entry (长孙 is Zhǎngsūn though the surname 长 is Cháng).
 * 单于 wins over the surname 单 followed by a given name starting with 于;
 * the compound is the established reading.
 */
static const struct {
	const char *name;
	const char *initials;
} pinyin_compound[] = {
    {"尉迟", "yc"}, {"尉遲", "yc"}, {"万俟", "mq"}, {"萬俟", "mq"}, {"单于", "cy"}, {"單于", "cy"},
    {"长孙", "zs"}, {"長孫", "zs"}, {"澹台", "tt"}, {"澹臺", "tt"}, {"乐正", "yz"}, {"樂正", "yz"},
    {"子车", "zj"}, {"子車", "zj"}, {"仲长", "zc"}, {"仲長", "zc"}, {"公乘", "gs"}, {"欧阳", "oy"},
    {"歐陽", "oy"}, {"司马", "sm"}, {"司馬", "sm"}, {"上官", "sg"}, {"诸葛", "zg"}, {"諸葛", "zg"},
    {"东方", "df"}, {"東方", "df"}, {"皇甫", "hf"}, {"令狐", "lh"}, {"宇文", "yw"}, {"慕容", "mr"},
    {"夏侯", "xh"}, {"轩辕", "xy"}, {"軒轅", "xy"}, {"呼延", "hy"}, {"南宫", "ng"}, {"南宮", "ng"},
    {"公孙", "gs"}, {"公孫", "gs"}, {"司徒", "st"}, {"司空", "sk"}, {"端木", "dm"}, {"独孤", "dg"},
    {"獨孤", "dg"}, {"西门", "xm"}, {"西門", "xm"}, {"钟离", "zl"}, {"鍾離", "zl"}, {"鲜于", "xy"},
    {"鮮于", "xy"}, {"淳于", "cy"}, {"拓跋", "tb"}, {"第五", "dw"}, {"赫连", "hl"}, {"赫連", "hl"},
    {"闻人", "wr"}, {"聞人", "wr"}, {"申屠", "st"}, {"太史", "ts"}, {"濮阳", "py"}, {"濮陽", "py"},
    {"宗政", "zz"}, {"公羊", "gy"}, {"公冶", "gy"}, {"羊舌", "ys"}, {"亓官", "qg"}, {"漆雕", "qd"},
    {"梁丘", "lq"}, {"左丘", "zq"}, {"百里", "bl"}, {"段干", "dg"}, {"巫马", "wm"}, {"巫馬", "wm"},
    {"壤驷", "rs"}, {"壤駟", "rs"}, {"颛孙", "zs"}, {"顓孫", "zs"}, {"谷梁", "gl"}, {"穀梁", "gl"},
    {"夹谷", "jg"}, {"夾谷", "jg"}, {"宰父", "zf"}, {"仲孙", "zs"}, {"仲孫", "zs"}, {"闾丘", "lq"},
    {"閭丘", "lq"}, {"东郭", "dg"}, {"東郭", "dg"}, {"公西", "gx"}, {"微生", "ws"}, {"即墨", "jm"},
    {"达奚", "dx"}, {"達奚", "dx"}, {"褚师", "cs"}, {"褚師", "cs"},
};

/*
 * Single surnames whose surname reading starts with another letter than the
 * table's reading (单 Shàn, table dān), is one of two surname readings (乐
 * Yuè or Lè: Yuè is the older and listed one), or is often misread (朴
 * Piáo, 盖 Gě, 华 Huà): the letter the surname is read with.
 */
static const struct {
	const char *name;
	char initial;
} pinyin_single[] = {
    {"单", 's'}, {"單", 's'}, {"仇", 'q'}, {"解", 'x'}, {"曾", 'z'}, {"区", 'o'}, {"區", 'o'},
    {"查", 'z'}, {"朴", 'p'}, {"盖", 'g'}, {"蓋", 'g'}, {"缪", 'm'}, {"繆", 'm'}, {"秘", 'b'},
    {"繁", 'p'}, {"覃", 'q'}, {"召", 's'}, {"种", 'c'}, {"乐", 'y'}, {"樂", 'y'}, {"员", 'y'},
    {"員", 'y'}, {"柏", 'b'}, {"翟", 'z'}, {"祭", 'z'}, {"那", 'n'}, {"便", 'p'}, {"眭", 's'},
    {"句", 'g'}, {"阚", 'k'}, {"闞", 'k'}, {"宓", 'f'}, {"隗", 'w'}, {"华", 'h'}, {"華", 'h'},
    {"任", 'r'}, {"纪", 'j'}, {"紀", 'j'}, {"沈", 's'}, {"折", 's'}, {"长", 'c'}, {"長", 'c'},
    {"重", 'c'}, {"粘", 'n'}, {"炅", 'g'}, {"蕃", 'p'}, {"尉", 'w'},
};

char pinyin_initial(uint32_t cp)
{
	for (size_t i = 0; i < pinyin_table_nblocks; i++) {
		const struct pinyin_table_block *b = &pinyin_table_blocks[i];
		if (cp >= b->first && cp <= b->last) {
			uint32_t k = cp - b->first;
			char c = b->rows[k / PINYIN_TABLE_ROW][k % PINYIN_TABLE_ROW];
			return c >= 'a' && c <= 'z' ? c : 0;
		}
	}
	size_t lo = 0, hi = pinyin_table_npairs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (pinyin_table_pairs[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < pinyin_table_npairs && pinyin_table_pairs[lo].cp == cp)
		return pinyin_table_pairs[lo].initial;
	return 0;
}

/* The letter a character of a name contributes, or 0 if it is skipped. */
static char pinyin_letter(uint32_t cp)
{
	if (cp >= 'a' && cp <= 'z')
		return (char)cp;
	if (cp >= 'A' && cp <= 'Z')
		return (char)(cp - 'A' + 'a');
	/* Full-width Latin letters, as Chinese input methods type them. */
	if (cp >= 0xFF21 && cp <= 0xFF3A)
		return (char)(cp - 0xFF21 + 'a');
	if (cp >= 0xFF41 && cp <= 0xFF5A)
		return (char)(cp - 0xFF41 + 'a');
	if (cp == 0x3007) /* 〇 líng, a Han numeral outside the ideograph blocks */
		return 'l';
	return pinyin_initial(cp);
}

static void pinyin_put(char c, char *out, size_t out_size, size_t *n)
{
	if (*n + 1 < out_size) {
		out[(*n)++] = c;
		out[*n] = '\0';
	}
}

/* If s starts with a listed surname, put its initials and return its length in bytes. */
static size_t pinyin_surname(const char *s, char *out, size_t out_size, size_t *n)
{
	for (size_t i = 0; i < sizeof pinyin_compound / sizeof pinyin_compound[0]; i++) {
		size_t len = strlen(pinyin_compound[i].name);
		if (strncmp(s, pinyin_compound[i].name, len) == 0) {
			for (const char *c = pinyin_compound[i].initials; *c; c++)
				pinyin_put(*c, out, out_size, n);
			return len;
		}
	}
	for (size_t i = 0; i < sizeof pinyin_single / sizeof pinyin_single[0]; i++) {
		size_t len = strlen(pinyin_single[i].name);
		if (strncmp(s, pinyin_single[i].name, len) == 0) {
			pinyin_put(pinyin_single[i].initial, out, out_size, n);
			return len;
		}
	}
	return 0;
}

size_t pinyin_name_initials(const char *name, char *out, size_t out_size)
{
	size_t n = 0;
	int at_start = 1;
	if (out_size == 0)
		return 0;
	out[0] = '\0';
	if (name == NULL)
		return 0;
	const char *p = name;
	while (*p) {
		uint32_t cp;
		size_t len = text_utf8_decode(p, strnlen(p, 4), &cp);
		char c = pinyin_letter(cp);
		if (c == 0) {
			/* Spaces, dots, digits and the like: skipped, also before the surname. */
			p += len;
			continue;
		}
		if (at_start) {
			at_start = 0;
			size_t s = pinyin_surname(p, out, out_size, &n);
			if (s > 0) {
				p += s;
				continue;
			}
		}
		pinyin_put(c, out, out_size, &n);
		p += len;
	}
	return n;
}
