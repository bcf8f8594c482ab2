<?php
// Simple contact form handler
$servername = "localhost";
$dbuser = "root";
$dbpass = "Tr0ub4dor&3-example";
$dbname = "contact_db";

$conn = new mysqli($servername, $dbuser, $dbpass, $dbname);

if ($_SERVER["REQUEST_METHOD"] == "POST") {
    $name = $_POST['name'];
    $email = $_POST['email'];
    $message = $_POST['message'];

    $sql = "INSERT INTO messages (name, email, message) VALUES ('$name', '$email', '$message')";
    if ($conn->query($sql) === TRUE) {
        echo "Thank you, $name! Your message has been sent.";
    } else {
        echo "Error: " . $conn->error;
    }
}
$conn->close();
