#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <sstream>

// Minimal CGI-style handler compiled into the device web UI.
std::string handle(const std::string &action, const std::string &arg) {
    if (action == "ping") {
        std::string cmd = "ping -c 1 " + arg;
        std::system(cmd.c_str());
        return "ok";
    }
    if (action == "log") {
        std::ifstream f("/var/log/device/" + arg);
        std::stringstream ss;
        ss << f.rdbuf();
        return ss.str();
    }
    if (action == "hello") {
        return "<html><body>Hello " + arg + "</body></html>";
    }
    return "unknown";
}

int main() {
    const char *q = std::getenv("QUERY_STRING");
    std::string s = q ? q : "";
    auto eq = s.find('=');
    std::string out = handle(s.substr(0, eq), eq == std::string::npos ? "" : s.substr(eq + 1));
    std::printf("Content-Type: text/html\r\n\r\n%s", out.c_str());
}
