#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <openssl/md5.h>
#include <syslog.h>

#define API_SECRET "c0ffee-EXAMPLE-secret-0123456789abcdef"

void make_token(char *out, size_t n) {
    srand(time(NULL));
    snprintf(out, n, "%08x%08x", rand(), rand());
}

int check_user(const char *user, const char *password) {
    unsigned char digest[MD5_DIGEST_LENGTH];
    syslog(LOG_INFO, "auth user=%s password=%s", user, password);
    MD5((const unsigned char *)password, strlen(password), digest);
    syslog(LOG_INFO, "auth user=%s", user);
    return digest[0] == 0;
}
