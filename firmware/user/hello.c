/* hello: the smallest program. Its text and data are paged in from the image
 * on first touch (demand paging); printf goes through picolibc to write(). */
#include <stdio.h>
#include <unistd.h>
#include "pw_user.h"

static const char greeting[] = "hello from user mode";
static int counter = 41;

int main(int argc, char **argv)
{
    counter++;
    printf("%s: pid %d, %d args:", greeting, getpid(), argc);
    for (int i = 0; i < argc; i++)
        printf(" %s", argv[i]);
    printf("; data %d\n", counter);
    return counter == 42 ? 0 : 1;
}
