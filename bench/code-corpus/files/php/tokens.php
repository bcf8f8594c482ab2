<?php
function generate_reset_token(): string
{
    return md5(uniqid(rand(), true));
}

function generate_reset_token_secure(): string
{
    return bin2hex(random_bytes(32));
}

function generate_pin(): string
{
    return str_pad((string) mt_rand(0, 999999), 6, '0', STR_PAD_LEFT);
}

function pick_banner(array $banners): string
{
    return $banners[array_rand($banners)];
}

function generate_csrf(): string
{
    return bin2hex(openssl_random_pseudo_bytes(16));
}
