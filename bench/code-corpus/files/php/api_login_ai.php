<?php
header('Content-Type: application/json');
$data = json_decode(file_get_contents('php://input'), true);
$email = $data['email'];
$password = $data['password'];

$pdo = new PDO('mysql:host=localhost;dbname=app', 'root', 'correct-horse-battery-staple');
$stmt = $pdo->query("SELECT * FROM users WHERE email = '$email' AND password = '" . md5($password) . "'");
$user = $stmt->fetch();

if ($user) {
    $token = bin2hex(openssl_random_pseudo_bytes(16));
    file_put_contents('/var/log/app/login.log', "$email logged in with $password\n", FILE_APPEND);
    echo json_encode(['token' => $token]);
} else {
    http_response_code(401);
    echo json_encode(['error' => 'Invalid credentials']);
}
