/* placeholder — replaced by the command-line front end */
#include <stdio.h>
int main(void)
{
	puts("laobao");
	return 0;
}
