/*
 * input — helpers shared by the validators of typed input (see input.h).
 */
#include "forms/input.h"

#include <stdio.h>

#include "locale/msg.h"
#include "locale/text.h"

int input_is_space(uint32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x3000;
}

int input_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

int input_is_bad(const char *s, size_t n)
{
	return n == 1 && (unsigned char)s[0] >= 0x80;
}

void input_trim(const char *s, size_t len, size_t *start, size_t *end)
{
	int seen = 0;
	*start = *end = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = text_utf8_decode(s + i, len - i, &cp);
		if (!input_is_space(cp)) {
			if (!seen)
				*start = i;
			seen = 1;
			*end = i + n;
		}
		i += n;
	}
}

void input_char_desc(const char *s, size_t n, uint32_t cp, char *out, size_t size)
{
	if (input_is_bad(s, n))
		snprintf(out, size, msg_text(MSG_D_BAD_BYTE), (unsigned char)s[0]);
	else if (cp == ' ')
		snprintf(out, size, "%s", msg_text(MSG_D_SPACE));
	else if (cp == 0x3000)
		snprintf(out, size, "%s", msg_text(MSG_D_FULLWIDTH_SPACE));
	else if (cp == '\n')
		snprintf(out, size, "%s", msg_text(MSG_D_NEWLINE));
	else if (cp == '\t')
		snprintf(out, size, "%s", msg_text(MSG_D_TAB));
	else if (input_is_control(cp))
		snprintf(out, size, msg_text(MSG_D_CONTROL_CHAR), (unsigned)cp);
	else
		snprintf(out, size, msg_text(MSG_D_QUOTED_CHAR), (int)n, s);
}

int input_digit(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (int)(cp - 0xFF10);
	return -1;
}

char input_fold_alnum(uint32_t cp)
{
	int d = input_digit(cp);
	if (d >= 0)
		return (char)('0' + d);
	if (cp >= 'A' && cp <= 'Z')
		return (char)cp;
	if (cp >= 'a' && cp <= 'z')
		return (char)(cp - 'a' + 'A');
	if (cp >= 0xFF21 && cp <= 0xFF3A)
		return (char)('A' + (cp - 0xFF21));
	if (cp >= 0xFF41 && cp <= 0xFF5A)
		return (char)('A' + (cp - 0xFF41));
	return 0;
}
