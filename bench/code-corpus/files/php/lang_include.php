<?php
$lang = $_COOKIE['lang'] ?? 'en';
require __DIR__ . '/lang/' . $lang . '.php';

$allowed = ['en', 'de', 'fr'];
$lang2 = in_array($_GET['lang'] ?? '', $allowed, true) ? $_GET['lang'] : 'en';
require __DIR__ . '/lang/' . $lang2 . '.php';
