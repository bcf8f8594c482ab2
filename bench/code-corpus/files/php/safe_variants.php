<?php
const PASSWORD_FIELD = 'password';

$dbPassword = $_ENV['DB_PASSWORD'] ?? '';

function seal(string $msg, string $key): string
{
    $nonce = random_bytes(SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_NPUBBYTES);
    return $nonce . sodium_crypto_aead_xchacha20poly1305_ietf_encrypt($msg, '', $nonce, $key);
}

function file_etag(string $path): string
{
    return '"' . md5_file($path) . '"';
}

function user_link(string $name): string
{
    return '<a href="/u/' . rawurlencode($name) . '">' . htmlspecialchars($name, ENT_QUOTES) . '</a>';
}

echo user_link($_GET['name'] ?? '');

$limit = max(1, min(100, (int) ($_GET['limit'] ?? 20)));
$rows = $pdo->query("SELECT * FROM posts ORDER BY id DESC LIMIT $limit")->fetchAll();

$conf = json_decode(file_get_contents('php://input'), true);
