#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROOT "/srv/www"

FILE *open_requested(const char *req_path) {
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/%s", ROOT, req_path);
    return fopen(path, "rb");
}

FILE *open_requested_safe(const char *req_path) {
    char path[PATH_MAX], resolved[PATH_MAX];
    snprintf(path, sizeof(path), "%s/%s", ROOT, req_path);
    if (!realpath(path, resolved) || strncmp(resolved, ROOT "/", strlen(ROOT) + 1) != 0) {
        return NULL;
    }
    return fopen(resolved, "rb");
}
