<?php
$base = realpath('/var/www/docs');
$doc = $_GET['doc'] ?? 'index.md';
$real = realpath($base . DIRECTORY_SEPARATOR . $doc);
if ($real === false || strpos($real, $base . DIRECTORY_SEPARATOR) !== 0) {
    http_response_code(404);
    exit;
}
echo nl2br(htmlspecialchars(file_get_contents($real)));

$log = file_get_contents('/var/log/app/' . $_GET['log']);

unlink(__DIR__ . '/cache/' . $_POST['key']);
