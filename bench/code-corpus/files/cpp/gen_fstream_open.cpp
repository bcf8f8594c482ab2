#include <fstream>
#include <string>
#include <sys/socket.h>

std::string read_requested(int peer)
{
    char name[256] = "/var/app/data/";
    size_t used = strlen(name);
    recv(peer, (char *)(name + used), sizeof(name) - used - 1, 0);
    std::ifstream in;
    in.open(name);
    std::string line;
    std::getline(in, line);
    return line;
}

std::string read_motd()
{
    std::ifstream in;
    in.open("/var/app/data/motd.txt");
    std::string line;
    std::getline(in, line);
    return line;
}
