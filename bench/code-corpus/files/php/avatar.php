<?php
$user = $_GET['user'] ?? '';
if (!preg_match('/^[a-z0-9_]{3,32}$/', $user)) {
    http_response_code(400);
    exit;
}
$path = __DIR__ . '/avatars/' . $user . '.png';
header('Content-Type: image/png');
readfile($path);
