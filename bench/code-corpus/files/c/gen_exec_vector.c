#include <stdio.h>
#include <string.h>
#include <unistd.h>

int run_hook(FILE *hooks)
{
    char hook[256] = "";
    if (fgets(hook, sizeof(hook), hooks) == NULL) {
        return -1;
    }
    hook[strcspn(hook, "\n")] = '\0';
    char *const argv_sh[] = { "/bin/sh", "-c", hook, NULL };
    return execv("/bin/sh", argv_sh);
}

int run_formatter(FILE *list)
{
    char file[256] = "";
    if (fgets(file, sizeof(file), list) == NULL) {
        return -1;
    }
    file[strcspn(file, "\n")] = '\0';
    char *const argv_fmt[] = { "clang-format", "-i", file, NULL };
    return execvp("clang-format", argv_fmt);
}
