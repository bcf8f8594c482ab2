<?php
function encrypt_legacy(string $data, string $key): string
{
    return openssl_encrypt($data, 'des-ecb', $key);
}

function encrypt_ecb(string $data, string $key): string
{
    return openssl_encrypt($data, 'AES-128-ECB', $key);
}

function encrypt_modern(string $data, string $key): string
{
    $iv = random_bytes(12);
    $ct = openssl_encrypt($data, 'aes-256-gcm', $key, OPENSSL_RAW_DATA, $iv, $tag);
    return base64_encode($iv . $tag . $ct);
}

function encrypt_rc4(string $data, string $key): string
{
    return openssl_encrypt($data, 'rc4', $key);
}
