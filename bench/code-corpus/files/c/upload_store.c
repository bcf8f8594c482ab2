#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STORE "/var/spool/uploads/"

int save_upload(const char *name, const char *data, size_t n) {
    char path[512];
    if (strstr(name, "..") || strchr(name, '/')) {
        return -1;
    }
    snprintf(path, sizeof(path), STORE "%s", name);
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    fwrite(data, 1, n, f);
    return fclose(f);
}

int read_upload(const char *name, char *buf, size_t n) {
    char path[512];
    snprintf(path, sizeof(path), STORE "%s", name);
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    size_t got = fread(buf, 1, n, f);
    fclose(f);
    return (int)got;
}

int cgi_main(void) {
    char buf[4096];
    const char *name = getenv("QUERY_STRING");
    return read_upload(name ? name : "", buf, sizeof(buf));
}
