<?php
$expr = $_GET['expr'] ?? '1+1';
eval('$result = ' . $expr . ';');
echo htmlspecialchars((string) $result);

$fn = $_GET['fn'] ?? 'strtoupper';
$allowed = ['strtoupper', 'strtolower', 'ucfirst'];
if (in_array($fn, $allowed, true)) {
    echo htmlspecialchars(call_user_func($fn, 'hello'));
}
