#include <cstdlib>
#include <fstream>
#include <iostream>
#include <regex>
#include <string>

bool valid_tag(const std::string &s) {
    std::regex re("^([a-z]+)*$");
    return std::regex_match(s, re);
}

bool valid_word(const std::string &s) {
    std::regex re("^[a-z]+$");
    return std::regex_match(s, re);
}

int main() {
    const char *path_info = std::getenv("PATH_INFO");
    std::string name = path_info ? path_info + 1 : "index.html";
    std::cout << "Content-Type: application/octet-stream\r\n\r\n";
    std::ifstream asset("/srv/assets/" + name);
    std::cout << asset.rdbuf();

    std::ifstream index("/srv/assets/index.html");
    std::cout << index.rdbuf();
    return 0;
}
