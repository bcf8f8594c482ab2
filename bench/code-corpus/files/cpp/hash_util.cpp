#include <openssl/md5.h>
#include <openssl/sha.h>
#include <string>

std::string md5Password(const std::string &pw) {
    unsigned char d[MD5_DIGEST_LENGTH];
    MD5(reinterpret_cast<const unsigned char *>(pw.data()), pw.size(), d);
    return std::string(reinterpret_cast<char *>(d), sizeof(d));
}

std::string cacheBucket(const std::string &key) {
    unsigned char d[MD5_DIGEST_LENGTH];
    MD5(reinterpret_cast<const unsigned char *>(key.data()), key.size(), d);
    return std::to_string(d[0] % 16);
}
