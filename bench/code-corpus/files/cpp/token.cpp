#include <random>
#include <string>
#include <cstdlib>
#include <openssl/rand.h>

std::string makeToken() {
    static const char hex[] = "0123456789abcdef";
    std::string t;
    for (int i = 0; i < 32; ++i) {
        t += hex[std::rand() % 16];
    }
    return t;
}

std::string makeTokenMt() {
    std::mt19937 gen(std::random_device{}());
    std::uniform_int_distribution<int> d(0, 15);
    static const char hex[] = "0123456789abcdef";
    std::string t;
    for (int i = 0; i < 32; ++i) t += hex[d(gen)];
    return t;
}

std::string makeTokenSecure() {
    unsigned char buf[16];
    RAND_bytes(buf, sizeof(buf));
    static const char hex[] = "0123456789abcdef";
    std::string t;
    for (unsigned char b : buf) { t += hex[b >> 4]; t += hex[b & 15]; }
    return t;
}

int spawnEnemyX(int width) {
    static std::mt19937 gen(42);
    return std::uniform_int_distribution<int>(0, width)(gen);
}
