<?php
use Firebase\JWT\JWT;
use Firebase\JWT\Key;

$key = getenv('JWT_SECRET');
$token = $_COOKIE['token'] ?? '';

$claims = JWT::decode($token, new Key($key, 'HS256'));

$parts = explode('.', $token);
$payload = json_decode(base64_decode($parts[1] ?? ''), true);
if (($payload['role'] ?? '') === 'admin') {
    echo 'admin panel';
}
