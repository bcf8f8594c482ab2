#include <openssl/evp.h>
#include <stdio.h>

/* Integrity check for downloaded firmware images. */
int firmware_digest(const unsigned char *buf, size_t n, unsigned char *out, unsigned int *outlen) {
    return EVP_Digest(buf, n, out, outlen, EVP_sha256(), NULL);
}
