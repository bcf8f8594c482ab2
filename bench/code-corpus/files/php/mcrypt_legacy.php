<?php
function legacy_encrypt(string $data, string $key): string
{
    $iv = str_repeat("\0", 8);
    return mcrypt_encrypt(MCRYPT_BLOWFISH, $key, $data, MCRYPT_MODE_CBC, $iv);
}

function modern_encrypt(string $data, string $key): string
{
    $nonce = random_bytes(SODIUM_CRYPTO_SECRETBOX_NONCEBYTES);
    return $nonce . sodium_crypto_secretbox($data, $nonce, $key);
}

function cbc_fixed_iv(string $data, string $key): string
{
    return openssl_encrypt($data, 'aes-256-cbc', $key, 0, '1234567890123456');
}
