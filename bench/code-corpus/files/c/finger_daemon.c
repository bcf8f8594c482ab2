#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/types.h>

void handle_client(int sock) {
    char name[64];
    char cmd[160];
    ssize_t n = recv(sock, name, sizeof(name) - 1, 0);
    if (n <= 0) {
        return;
    }
    name[n] = '\0';
    snprintf(cmd, sizeof(cmd), "/usr/bin/finger %s", name);
    system(cmd);
}

void handle_status(int sock) {
    char cmd[160];
    snprintf(cmd, sizeof(cmd), "/usr/bin/uptime > /run/status.%d", sock);
    system(cmd);
}
