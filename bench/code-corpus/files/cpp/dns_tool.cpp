#include <cstdlib>
#include <iostream>
#include <string>

int lookup_default() {
    std::string cmd = "nslookup example.org";
    return std::system(cmd.c_str());
}

int main() {
    std::string host;
    std::cout << "host: ";
    std::cin >> host;
    std::string cmd = "nslookup " + host;
    return std::system(cmd.c_str());
}
