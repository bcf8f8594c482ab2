<?php
$pdo = new PDO('mysql:host=localhost;dbname=shop', 'shop', getenv('DB_PASS'));

$category = $_GET['category'];
$rows = $pdo->query("SELECT * FROM products WHERE category = '" . $category . "'")->fetchAll();

$page = (int) ($_GET['page'] ?? 1);
$offset = ($page - 1) * 20;
$rows2 = $pdo->query("SELECT * FROM products ORDER BY id LIMIT 20 OFFSET $offset")->fetchAll();

$id = $_GET['id'];
$stmt = $pdo->prepare("SELECT * FROM products WHERE id = :id");
$stmt->execute(['id' => $id]);

header('Content-Type: application/json');
echo json_encode(['list' => $rows, 'page' => $rows2, 'item' => $stmt->fetch()]);
