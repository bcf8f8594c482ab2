#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SHELL "/bin/sh"
#define SHELL_ARG "-c"
#define USER_CMD request_line
#define FIXED_CMD "uptime"

void handle_admin(int fd)
{
    char request_line[512] = "";
    ssize_t n = read(fd, request_line, sizeof(request_line) - 1);
    if (n <= 0) {
        return;
    }
    request_line[n] = '\0';
    if (fork() == 0) {
        execl(SHELL, SHELL, SHELL_ARG, FIXED_CMD, (char *)NULL);
    }
}

void handle_debug(void)
{
    char request_line[512] = "";
    if (fgets(request_line, sizeof(request_line), stdin) == NULL) {
        return;
    }
    execlp("sh", "sh", SHELL_ARG, USER_CMD, (char *)NULL);
}
