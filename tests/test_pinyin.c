/*
 * Tests for locale/pinyin: initials of single characters from the Unihan
 * table, and of names, where the surname is read as a surname.
 */
#include "locale/pinyin.h"
#include "tests/test.h"

static void initials_of_single_characters(void)
{
	CHECK_INT(pinyin_initial(0x5F20), 'z');  /* 张 zhāng */
	CHECK_INT(pinyin_initial(0x738B), 'w');  /* 王 wáng */
	CHECK_INT(pinyin_initial(0x5B89), 'a');  /* 安 ān: accented first letter */
	CHECK_INT(pinyin_initial(0x6069), 'e');  /* 恩 ēn */
	CHECK_INT(pinyin_initial(0x55EF), 'n');  /* 嗯 ń / ňg */
	CHECK_INT(pinyin_initial(0x5355), 'd');  /* 单 dān: the common reading */
	CHECK_INT(pinyin_initial(0x4E00), 'y');  /* 一, first of the URO */
	CHECK_INT(pinyin_initial(0x3400), 'q');  /* 㐀 qiū, Ext-A */
	CHECK_INT(pinyin_initial(0x20000), 'h'); /* 𠀀 hē, Ext-B */
	CHECK_INT(pinyin_initial(0x2A79D), 'd'); /* Ext-C, in the pair list */
	CHECK_INT(pinyin_initial(0xF900), 'q');  /* 豈, read as U+8C48 豈 qǐ */
	CHECK_INT(pinyin_initial(0x8C48), 'q');
	CHECK_INT(pinyin_initial('A'), 0);
	CHECK_INT(pinyin_initial(0x3000), 0);
	CHECK_INT(pinyin_initial(0x3401), 't'); /* 㐁 tiàn */
	CHECK_INT(pinyin_initial(0x3402), 0);   /* no reading in Unihan */
	CHECK_INT(pinyin_initial(0x9FFF), 0);
	CHECK_INT(pinyin_initial(0x2A6DF), 0);
	CHECK_INT(pinyin_initial(0x10FFFF), 0);
	CHECK_INT(pinyin_initial(0xFFFFFFFF), 0);
	/* Every initial the table gives is a lower-case letter. */
	int bad = 0, known = 0;
	for (uint32_t cp = 0; cp < 0x40000; cp++) {
		char c = pinyin_initial(cp);
		if (c != 0) {
			known++;
			bad += c < 'a' || c > 'z';
		}
	}
	CHECK_INT(bad, 0);
	CHECK(known > 40000);
}

static void names(void)
{
	static const struct {
		const char *name, *initials;
	} cases[] = {
	    /* Common names, no polyphonic surname. */
	    {"张三", "zs"},
	    {"王小明", "wxm"},
	    {"李娜", "ln"},
	    {"刘德华", "ldh"},
	    {"周杰伦", "zjl"},
	    {"毛泽东", "mzd"},
	    {"邓小平", "dxp"},
	    {"鲁迅", "lx"},
	    {"林徽因", "lhy"},
	    {"赵丽颖", "zly"},
	    {"杨幂", "ym"},
	    {"郭靖", "gj"},
	    {"黄蓉", "hr"},
	    {"吕布", "lb"},
	    {"屈原", "qy"},
	    {"马云", "my"},
	    /* Compound surnames. */
	    {"欧阳娜娜", "oynn"},
	    {"欧阳修", "oyx"},
	    {"歐陽修", "oyx"},
	    {"司马光", "smg"},
	    {"司马迁", "smq"},
	    {"诸葛亮", "zgl"},
	    {"诸葛孔明", "zgkm"},
	    {"尉迟恭", "ycg"},
	    {"令狐冲", "lhc"},
	    {"万俟卨", "mqx"},
	    {"长孙无忌", "zswj"},
	    {"澹台灭明", "ttmm"},
	    {"上官婉儿", "sgwe"},
	    {"东方朔", "dfs"},
	    {"皇甫谧", "hfm"},
	    {"宇文泰", "ywt"},
	    {"慕容复", "mrf"},
	    {"夏侯惇", "xhd"},
	    {"轩辕黄帝", "xyhd"},
	    {"呼延灼", "hyz"},
	    {"公孙胜", "gss"},
	    {"单于", "cy"},
	    /* Single surnames read as surnames. */
	    {"单雄信", "sxx"},
	    {"單雄信", "sxx"},
	    {"仇英", "qy"},
	    {"解缙", "xj"},
	    {"曾国藩", "zgf"},
	    {"区嘉雯", "ojw"},
	    {"查良镛", "zly"},
	    {"朴树", "ps"},
	    {"盖聂", "gn"},
	    {"缪杰", "mj"},
	    {"乐毅", "yy"},
	    {"翟让", "zr"},
	    {"覃振", "qz"},
	    {"召忽", "sh"},
	    {"种师道", "csd"},
	    {"员半千", "ybq"},
	    {"祭遵", "zz"},
	    {"便毅", "py"},
	    {"句践", "gj"},
	    {"阚泽", "kz"},
	    {"宓子贱", "fzj"},
	    {"隗嚣", "wx"},
	    {"尉缭", "wl"}, /* 尉 alone is Wèi; Yù only in 尉迟 */
	    {"折可适", "sks"},
	    {"秘书", "bs"},
	    {"繁钦", "pq"},
	    {"重耳", "ce"},
	    {"长春", "cc"},
	    {"沈从文", "scw"},
	    {"华佗", "ht"},
	    /* Minority names with the middle dot and its look-alikes. */
	    {"买买提·艾力", "mmtal"},
	    {"阿依古丽•买买提", "ayglmmt"},
	    {"古力娜扎・依明", "glnzym"},
	    {"迪丽热巴．迪力木拉提", "dlrbdlmlt"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[32];
		size_t n = pinyin_name_initials(cases[i].name, out, sizeof out);
		CHECK_STR(out, cases[i].initials);
		CHECK_INT(n, strlen(cases[i].initials));
	}
	CHECK(sizeof cases / sizeof cases[0] >= 50);
}

static void surname_reading_only_at_the_start(void)
{
	char out[32];
	/* In a given name 单 曾 解 重 长 are read as usual (the table's reading). */
	pinyin_name_initials("张单", out, sizeof out);
	CHECK_STR(out, "zd");
	pinyin_name_initials("李曾", out, sizeof out);
	CHECK_STR(out, "lc");
	pinyin_name_initials("王解放", out, sizeof out);
	CHECK_STR(out, "wjf");
	pinyin_name_initials("周重阳", out, sizeof out);
	CHECK_STR(out, "zzy");
	pinyin_name_initials("陈长", out, sizeof out);
	CHECK_STR(out, "cz");
	pinyin_name_initials("单单", out, sizeof out);
	CHECK_STR(out, "sd");
	/* Nor after the dot of a minority name. */
	pinyin_name_initials("艾力·单", out, sizeof out);
	CHECK_STR(out, "ald");
	/* Leading spaces do not move the surname. */
	pinyin_name_initials(" \xE3\x80\x80单雄信", out, sizeof out);
	CHECK_STR(out, "sxx");
}

static void latin_letters_kept_the_rest_skipped(void)
{
	char out[32];
	CHECK_INT(pinyin_name_initials("Zhang San", out, sizeof out), 8);
	CHECK_STR(out, "zhangsan");
	pinyin_name_initials("张A三b", out, sizeof out);
	CHECK_STR(out, "zasb");
	pinyin_name_initials("\xEF\xBC\xAC\xEF\xBD\x89 明", out, sizeof out); /* full-width Ｌｉ */
	CHECK_STR(out, "lim");
	pinyin_name_initials("王 2 号 3", out, sizeof out);
	CHECK_STR(out, "wh");
	pinyin_name_initials("李〇", out, sizeof out);
	CHECK_STR(out, "ll");
	pinyin_name_initials("张😀三", out, sizeof out);
	CHECK_STR(out, "zs");
	pinyin_name_initials("𠀀㐀", out, sizeof out);
	CHECK_STR(out, "hq");
}

static void empty_and_invalid_input(void)
{
	char out[32] = "junk";
	CHECK_INT(pinyin_name_initials("", out, sizeof out), 0);
	CHECK_STR(out, "");
	strcpy(out, "junk");
	CHECK_INT(pinyin_name_initials(NULL, out, sizeof out), 0);
	CHECK_STR(out, "");
	CHECK_INT(pinyin_name_initials("张\xFF三", out, sizeof out), 2);
	CHECK_STR(out, "zs");
	CHECK_INT(pinyin_name_initials("\xE5\xBC", out, sizeof out), 0);
	CHECK_STR(out, "");
	/* A cut 单 (E5 8D) before 雄: the bytes are skipped, 雄 is the surname. */
	CHECK_INT(pinyin_name_initials("\xE5\x8D\xE9\x9B\x84", out, sizeof out), 1);
	CHECK_STR(out, "x");
	CHECK_INT(pinyin_name_initials("\xC0\x80\xED\xA0\x80 \x01\x7F", out, sizeof out), 0);
	CHECK_STR(out, "");
}

static void small_buffer_never_overflows(void)
{
	char out[8];
	memset(out, 'X', sizeof out);
	CHECK_INT(pinyin_name_initials("欧阳娜娜", out, 3), 2);
	CHECK_STR(out, "oy");
	CHECK_INT(out[3], 'X');
	memset(out, 'X', sizeof out);
	CHECK_INT(pinyin_name_initials("王小明", out, 1), 0);
	CHECK_STR(out, "");
	CHECK_INT(out[1], 'X');
	memset(out, 'X', sizeof out);
	CHECK_INT(pinyin_name_initials("王小明", out, 0), 0);
	CHECK_INT(out[0], 'X');
	CHECK_INT(pinyin_name_initials("Abcdefghijklmnop", out, sizeof out), 7);
	CHECK_STR(out, "abcdefg");
}

TEST_MAIN(T(initials_of_single_characters), T(names), T(surname_reading_only_at_the_start),
          T(latin_letters_kept_the_rest_skipped), T(empty_and_invalid_input),
          T(small_buffer_never_overflows))
