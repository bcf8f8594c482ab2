#include <string.h>
#include <stdio.h>

#define ADMIN_PASSWORD "Tr0ub4dor&3x"
#define BANNER_TEXT "Welcome back"

int admin_login(const char *user);

int login_admin(void)
{
    char password[64];
    char banner[64];
    strcpy(password, ADMIN_PASSWORD);
    strcpy(banner, BANNER_TEXT);
    puts(banner);
    return admin_login(password);
}

int login_prompt(void)
{
    char password[64];
    if (fgets(password, sizeof(password), stdin) == NULL) {
        return -1;
    }
    return admin_login(password);
}
