#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <openssl/rand.h>

void make_session_id(char *out, size_t n) {
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    srand((unsigned)time(NULL));
    for (size_t i = 0; i + 1 < n; i++) {
        out[i] = alphabet[rand() % (sizeof(alphabet) - 1)];
    }
    out[n - 1] = '\0';
}

int make_session_key(unsigned char *key, int n) {
    return RAND_bytes(key, n);
}

int roll_die(void) {
    return rand() % 6 + 1;
}
