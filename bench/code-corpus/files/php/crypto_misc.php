<?php
function make_api_key(): string
{
    return substr(str_shuffle(md5(microtime())), 0, 32);
}

function sign_payload(string $payload, string $secret): string
{
    return hash_hmac('sha256', $payload, $secret);
}

function legacy_sign(string $payload, string $secret): string
{
    return sha1($secret . $payload);
}

function encrypt_cookie(string $value, string $key): string
{
    return base64_encode(openssl_encrypt($value, 'bf-ecb', $key, OPENSSL_RAW_DATA));
}

$key = openssl_pkey_new(['private_key_bits' => 1024, 'private_key_type' => OPENSSL_KEYTYPE_RSA]);
