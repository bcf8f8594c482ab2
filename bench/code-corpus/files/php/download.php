<?php
$file = $_GET['file'];
$path = '/var/www/uploads/' . $file;
if (file_exists($path)) {
    header('Content-Type: application/octet-stream');
    readfile($path);
}

$name = basename($_GET['name'] ?? '');
$safe = '/var/www/uploads/' . $name;
if (is_file($safe)) {
    readfile($safe);
}
