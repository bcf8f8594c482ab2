#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <string.h>

unsigned char *sign_request(const unsigned char *key, int keylen, const unsigned char *msg, size_t n, unsigned int *outlen) {
    static unsigned char out[EVP_MAX_MD_SIZE];
    return HMAC(EVP_sha256(), key, keylen, msg, n, out, outlen);
}

void legacy_token(const char *user, unsigned char out[SHA_DIGEST_LENGTH]) {
    SHA1((const unsigned char *)user, strlen(user), out);
}

int legacy_encrypt_3des(EVP_CIPHER_CTX *ctx, const unsigned char *key, const unsigned char *iv) {
    return EVP_EncryptInit_ex(ctx, EVP_des_ede3_cbc(), NULL, key, iv);
}
