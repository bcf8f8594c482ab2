#include <openssl/blowfish.h>
#include <openssl/ec.h>
#include <openssl/evp.h>

EVP_PKEY *make_signing_key(void) {
    return EVP_RSA_gen(1024);
}

EVP_PKEY *make_signing_key_strong(void) {
    return EVP_RSA_gen(3072);
}

void encrypt_record(BF_KEY *schedule, BF_LONG data[2]) {
    BF_encrypt(data, schedule);
}

const EVP_CIPHER *cipher_for(int legacy) {
    if (legacy) {
        return EVP_get_cipherbyname("des-ede3-cbc");
    }
    return EVP_get_cipherbyname("aes-256-gcm");
}

EC_KEY *device_key(void) {
    return EC_KEY_new_by_curve_name(NID_X9_62_prime192v1);
}

EVP_MD *signature_digest(void) {
    return EVP_MD_fetch(NULL, "SHA1", NULL);
}

EVP_MD *signature_digest_strong(void) {
    return EVP_MD_fetch(NULL, "SHA256", NULL);
}
