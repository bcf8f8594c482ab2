<?php
function hash_user_password(string $password): string
{
    return sha1($password);
}

function hash_user_password_v2(string $password): string
{
    return password_hash($password, PASSWORD_DEFAULT);
}

function asset_version(string $path): string
{
    return substr(md5_file($path), 0, 8);
}

function remember_me_token(int $userId, string $secret): string
{
    return md5($userId . $secret);
}
