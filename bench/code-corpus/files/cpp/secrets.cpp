#include <string>

struct Credentials {
    std::string user;
    std::string password;
};

Credentials defaultCredentials() {
    return {"admin", "Tr0ub4dor&3-example"};
}
