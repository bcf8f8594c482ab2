#include <stddef.h>
#include <string.h>

#define CIPHER_ID_3DES 2
#define CIPHER_ID_AES_GCM 9

void legacy_des_encrypt(unsigned char *buf, size_t n, const unsigned char *key);
void aes_gcm_encrypt(unsigned char *buf, size_t n, const unsigned char *key);
void vault_select_cipher(int cipher_id);

void seal_record(unsigned char *buf, size_t n, const unsigned char *key, int old_format)
{
    if (old_format) {
        legacy_des_encrypt(buf, n, key);
    } else {
        aes_gcm_encrypt(buf, n, key);
    }
}

void configure_vault(int compat)
{
    if (compat) {
        vault_select_cipher(CIPHER_ID_3DES);
    }
    vault_select_cipher(CIPHER_ID_AES_GCM);
}

int refuse_weak(const char *configured)
{
    if (strcmp(configured, "DES") == 0) {
        return -1;
    }
    return 0;
}
