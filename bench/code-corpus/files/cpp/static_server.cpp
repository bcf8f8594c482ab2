#include <fstream>
#include <sstream>
#include <string>
#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

static const fs::path kRoot = "/srv/static";

std::string serve(const std::string &requestPath) {
    std::ifstream in(kRoot.string() + "/" + requestPath);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string serveSafe(const std::string &requestPath) {
    fs::path p = fs::weakly_canonical(kRoot / requestPath);
    auto rel = p.lexically_relative(kRoot);
    if (rel.empty() || *rel.begin() == "..") return "";
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void logLogin(const std::string &user, const std::string &password) {
    std::cerr << "login " << user << " password=" << password << std::endl;
}
