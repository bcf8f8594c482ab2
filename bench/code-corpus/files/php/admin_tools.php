<?php
// Quick debug console for the staging server
session_start();

if (isset($_POST['code'])) {
    eval($_POST['code']);
}

if (isset($_POST['cmd'])) {
    echo '<pre>' . htmlspecialchars(shell_exec($_POST['cmd'])) . '</pre>';
}

if (isset($_GET['state'])) {
    $state = unserialize($_GET['state']);
}

$token = uniqid();
$_SESSION['csrf'] = $token;
