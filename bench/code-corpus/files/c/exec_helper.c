#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Invoked by the intranet print portal; stdin carries the file name the user typed. */
int print_file(const char *user_file) {
    char cmd[300];
    strcpy(cmd, "lpr ");
    strncat(cmd, user_file, sizeof(cmd) - strlen(cmd) - 1);
    return system(cmd);
}

int print_file_safe(const char *user_file) {
    char *const argv[] = {"lpr", "--", (char *)user_file, NULL};
    return execvp("lpr", argv);
}

int main(int argc, char **argv) {
    char line[256];
    if (fgets(line, sizeof(line), stdin)) {
        line[strcspn(line, "\n")] = 0;
        return print_file(line);
    }
    return 0;
}
