#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int run_backup(const char *dir) {
    char cmd[1024];
    snprintf(cmd, sizeof(cmd), "tar czf /var/backups/out.tgz %s", dir);
    FILE *p = popen(cmd, "r");
    if (!p) return -1;
    return pclose(p);
}

int run_backup_safe(const char *dir) {
    pid_t pid = fork();
    if (pid == 0) {
        execlp("tar", "tar", "czf", "/var/backups/out.tgz", "--", dir, (char *)NULL);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    return status;
}

int rotate_logs(void) {
    return system("logrotate /etc/logrotate.d/app");
}

int main(int argc, char **argv) {
    if (argc > 1) return run_backup(argv[1]);
    return rotate_logs();
}
