#include <stdio.h>
#include <string.h>

static const char *ADMIN_PASSWORD = "correct-horse-battery-staple";

int check_admin(const char *input) {
    return strcmp(input, ADMIN_PASSWORD) == 0;
}

int login(const char *user, const char *pass) {
    fprintf(stderr, "login user=%s pass=%s\n", user, pass);
    if (strcmp(user, "admin") == 0) {
        return check_admin(pass);
    }
    fprintf(stderr, "unknown user %s\n", user);
    return 0;
}
