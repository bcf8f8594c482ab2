#include <openssl/evp.h>
#include <openssl/md5.h>
#include <openssl/rand.h>
#include <string.h>

int encrypt_des(const unsigned char *key, const unsigned char *in, int inlen, unsigned char *out) {
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int len, total;
    EVP_EncryptInit_ex(ctx, EVP_des_cbc(), NULL, key, NULL);
    EVP_EncryptUpdate(ctx, out, &len, in, inlen);
    total = len;
    EVP_EncryptFinal_ex(ctx, out + len, &len);
    EVP_CIPHER_CTX_free(ctx);
    return total + len;
}

int encrypt_ecb(const unsigned char *key, const unsigned char *in, int inlen, unsigned char *out) {
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int len, total;
    EVP_EncryptInit_ex(ctx, EVP_aes_128_ecb(), NULL, key, NULL);
    EVP_EncryptUpdate(ctx, out, &len, in, inlen);
    total = len;
    EVP_EncryptFinal_ex(ctx, out + len, &len);
    EVP_CIPHER_CTX_free(ctx);
    return total + len;
}

int encrypt_gcm(const unsigned char *key, const unsigned char *in, int inlen, unsigned char *out, unsigned char *iv) {
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int len, total;
    RAND_bytes(iv, 12);
    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, iv);
    EVP_EncryptUpdate(ctx, out, &len, in, inlen);
    total = len;
    EVP_EncryptFinal_ex(ctx, out + len, &len);
    EVP_CIPHER_CTX_free(ctx);
    return total + len;
}

void hash_password(const char *password, unsigned char digest[MD5_DIGEST_LENGTH]) {
    MD5((const unsigned char *)password, strlen(password), digest);
}
