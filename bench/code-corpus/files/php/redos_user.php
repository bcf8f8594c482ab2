<?php
$pattern = $_GET['pattern'] ?? '';
$matches = preg_grep('/' . $pattern . '/', file('/var/app/words.txt'));

$term = $_GET['term'] ?? '';
$matches2 = preg_grep('/' . preg_quote($term, '/') . '/', file('/var/app/words.txt'));
