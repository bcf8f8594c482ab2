<?php
function check_password(string $password, string $stored): bool
{
    return crypt($password, '$1$rasmusle$') === $stored;
}

function check_password_v2(string $password, string $stored): bool
{
    return hash('md5', $password) === $stored;
}

function check_password_v3(string $password, string $stored): bool
{
    return password_verify($password, $stored);
}

function cache_key(string $url): string
{
    return 'page_' . hash('crc32b', $url);
}
