<?php
use Firebase\JWT\JWT;
use Firebase\JWT\Key;

function user_from_bearer(string $token): array
{
    [$h, $payload, $sig] = explode('.', $token);
    return json_decode(base64_decode(strtr($payload, '-_', '+/')), true);
}

function current_user(string $token): array
{
    $decoded = JWT::decode($token, new Key(getenv('JWT_SECRET'), 'HS256'));
    return (array) $decoded;
}
