<?php
function issue_remember_cookie(int $userId): void
{
    $token = sha1($userId . time() . rand());
    setcookie('remember', $userId . ':' . $token, time() + 86400 * 30, '/', '', true, true);
    store_token($userId, $token);
}

function issue_remember_cookie_secure(int $userId): void
{
    $token = bin2hex(random_bytes(32));
    setcookie('remember', $userId . ':' . $token, time() + 86400 * 30, '/', '', true, true);
    store_token($userId, hash('sha256', $token));
}

function shuffle_quiz(array $questions): array
{
    shuffle($questions);
    return $questions;
}

function store_token(int $userId, string $token): void
{
}
