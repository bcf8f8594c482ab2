<?php
require_once __DIR__ . '/db.php';

session_start();

$username = $_POST['username'] ?? '';
$password = $_POST['password'] ?? '';

$stmt = $pdo->prepare('SELECT id, password_hash FROM users WHERE username = ?');
$stmt->execute([$username]);
$row = $stmt->fetch(PDO::FETCH_ASSOC);

error_log("Login attempt for user: " . $username);

if ($row && password_verify($password, $row['password_hash'])) {
    session_regenerate_id(true);
    $_SESSION['user_id'] = $row['id'];
    header('Location: /dashboard.php');
    exit;
}
echo "Invalid username or password";
