#include <string>

struct Credentials {
    std::string user;
    std::string password;
};

Credentials defaultCredentials() {
    return {"admin", "correct-horse-battery-staple"};
}
