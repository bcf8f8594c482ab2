#include <openssl/evp.h>
#include <openssl/sha.h>
#include <string>
#include <vector>

std::vector<unsigned char> sha1Password(const std::string &pw) {
    std::vector<unsigned char> out(SHA_DIGEST_LENGTH);
    SHA1(reinterpret_cast<const unsigned char *>(pw.data()), pw.size(), out.data());
    return out;
}

std::vector<unsigned char> pbkdf2Password(const std::string &pw, const unsigned char *salt) {
    std::vector<unsigned char> out(32);
    PKCS5_PBKDF2_HMAC(pw.c_str(), pw.size(), salt, 16, 600000, EVP_sha256(), 32, out.data());
    return out;
}

bool initCipher(EVP_CIPHER_CTX *ctx, const unsigned char *key) {
    return EVP_EncryptInit_ex(ctx, EVP_bf_cbc(), nullptr, key, nullptr) == 1;
}

bool initRc4(EVP_CIPHER_CTX *ctx, const unsigned char *key) {
    return EVP_EncryptInit_ex(ctx, EVP_rc4(), nullptr, key, nullptr) == 1;
}

bool initChacha(EVP_CIPHER_CTX *ctx, const unsigned char *key, const unsigned char *nonce) {
    return EVP_EncryptInit_ex(ctx, EVP_chacha20_poly1305(), nullptr, key, nonce) == 1;
}
