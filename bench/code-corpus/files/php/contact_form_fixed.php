<?php
$conn = new mysqli('localhost', 'contact', getenv('CONTACT_DB_PASSWORD'), 'contact_db');

if ($_SERVER['REQUEST_METHOD'] === 'POST') {
    $name = $_POST['name'] ?? '';
    $email = $_POST['email'] ?? '';
    $message = $_POST['message'] ?? '';

    $stmt = $conn->prepare('INSERT INTO messages (name, email, message) VALUES (?, ?, ?)');
    $stmt->bind_param('sss', $name, $email, $message);
    if ($stmt->execute()) {
        echo 'Thank you, ' . htmlspecialchars($name, ENT_QUOTES, 'UTF-8') . '! Your message has been sent.';
    }
}
