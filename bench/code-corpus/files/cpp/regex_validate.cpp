#include <regex>
#include <string>

bool isValidEmail(const std::string &s) {
    static const std::regex re(R"(^([a-zA-Z0-9]+\.?)+@[a-z]+\.[a-z]{2,}$)");
    return std::regex_match(s, re);
}

bool isValidId(const std::string &s) {
    static const std::regex re(R"(^[A-F0-9]{8}$)");
    return std::regex_match(s, re);
}
