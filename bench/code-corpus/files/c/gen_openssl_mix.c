#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/md5.h>
#include <curl/curl.h>
#include <stdlib.h>

int legacy_encrypt(const unsigned char *key, const unsigned char *in, int len, unsigned char *out)
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int outl = 0;
    EVP_EncryptInit_ex(ctx, EVP_des_ede3_cbc(), NULL, key, NULL);
    EVP_EncryptUpdate(ctx, out, &outl, in, len);
    EVP_CIPHER_CTX_free(ctx);
    return outl;
}

int modern_encrypt(const unsigned char *key, const unsigned char *iv, const unsigned char *in, int len, unsigned char *out)
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int outl = 0;
    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, iv);
    EVP_EncryptUpdate(ctx, out, &outl, in, len);
    EVP_CIPHER_CTX_free(ctx);
    return outl;
}

void store_password_digest(const unsigned char *password, size_t n, unsigned char *digest)
{
    MD5(password, n, digest);
}

SSL_CTX *client_ctx(int pinned)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (!pinned) {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
    } else {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
    }
    return ctx;
}

void fetch(const char *url)
{
    CURL *c = curl_easy_init();
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_perform(c);
    curl_easy_cleanup(c);
}

unsigned int session_token(void)
{
    unsigned int token = (unsigned int)rand();
    return token;
}
