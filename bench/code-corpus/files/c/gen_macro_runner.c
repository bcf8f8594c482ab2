#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#ifdef _WIN32
#define RUN_CMD _wsystem
#define OPEN_PIPE _popen
#else
#define RUN_CMD system
#define OPEN_PIPE popen
#endif

#define JOB_PREFIX "nice -n 10 "

void run_remote_job(int conn)
{
    char job[256] = JOB_PREFIX;
    size_t used = strlen(job);
    ssize_t got = recv(conn, (char *)(job + used), sizeof(job) - used - 1, 0);
    if (got <= 0) {
        return;
    }
    job[used + got] = '\0';
    RUN_CMD(job);
}

void run_nightly_job(void)
{
    char job[256] = JOB_PREFIX;
    strcat(job, "/usr/local/bin/compact-db");
    RUN_CMD(job);
}

int tail_remote_log(int conn)
{
    char name[128];
    char cmd[300];
    ssize_t got = recv(conn, name, sizeof(name) - 1, 0);
    if (got <= 0) {
        return -1;
    }
    name[got] = '\0';
    snprintf(cmd, sizeof(cmd), "tail -n 50 /var/log/%s", name);
    FILE *p = OPEN_PIPE(cmd, "r");
    if (!p) {
        return -1;
    }
    return pclose(p);
}
