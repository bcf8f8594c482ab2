<?php
require_once __DIR__ . '/db.php';

session_start();

$username = $_POST['username'] ?? '';
$password = $_POST['password'] ?? '';

$sql = "SELECT id, password_hash FROM users WHERE username = '$username'";
$result = mysqli_query($conn, $sql);
$row = mysqli_fetch_assoc($result);

error_log("Login attempt: $username / $password");

if ($row && md5($password) === $row['password_hash']) {
    $_SESSION['user_id'] = $row['id'];
    header('Location: /dashboard.php');
    exit;
}
echo "Invalid username or password";
