#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <windows.h>

#define STORE_DIR "/srv/store/"

int fetch_blob(int sock)
{
    char path[FILENAME_MAX] = STORE_DIR;
    size_t used = strlen(path);
    int got = recv(sock, path + used, (int)(FILENAME_MAX - used - 1), 0);
    if (got <= 0) {
        return -1;
    }
    path[used + got] = '\0';
    int fd = _open(path, O_RDONLY);
    return fd;
}

int fetch_index(void)
{
    char path[FILENAME_MAX] = STORE_DIR;
    strncat(path, "index.dat", FILENAME_MAX - strlen(path) - 1);
    int fd = _open(path, O_RDONLY);
    return fd;
}

HANDLE open_upload(SOCKET s)
{
    char name[MAX_PATH] = "D:\\uploads\\";
    size_t n = strlen(name);
    recv(s, (char *)(name + n), (int)(MAX_PATH - n - 1), 0);
    return CreateFileA(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
}

FILE *open_report(SOCKET s)
{
    char name[MAX_PATH];
    FILE *fp = NULL;
    recv(s, name, sizeof(name) - 1, 0);
    fopen_s(&fp, "D:\\reports\\latest.csv", "rb");
    return fp;
}
