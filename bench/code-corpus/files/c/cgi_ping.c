#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char cmd[512];
    const char *qs = getenv("QUERY_STRING");
    const char *host = qs ? strstr(qs, "host=") : NULL;
    printf("Content-Type: text/plain\r\n\r\n");
    if (!host) {
        return 0;
    }
    host += 5;
    snprintf(cmd, sizeof(cmd), "ping -c 1 %s", host);
    system(cmd);
    return 0;
}
