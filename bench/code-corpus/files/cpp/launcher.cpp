#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

std::string runTool(const std::string &toolArgs) {
    std::string cmd = "/opt/tools/analyze " + toolArgs;
    FILE *p = popen(cmd.c_str(), "r");
    std::string out;
    char buf[256];
    while (p && fgets(buf, sizeof(buf), p)) out += buf;
    if (p) pclose(p);
    return out;
}

int runToolSafe(const std::string &file) {
    return execl("/opt/tools/analyze", "analyze", "--", file.c_str(), (char *)nullptr);
}

int main() {
    const char *q = std::getenv("QUERY_STRING");
    std::fputs(runTool(q ? q : "").c_str(), stdout);
    return 0;
}
