#include <cstdlib>
#include <string>

namespace config {
const std::string kApiKey = "AKIAIOSFODNN7EXAMPLE";
const int kTimeoutSeconds = 30;
const std::string kApiSecret = std::getenv("API_SECRET") ? std::getenv("API_SECRET") : "";
}
