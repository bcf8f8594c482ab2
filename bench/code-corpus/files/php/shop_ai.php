<?php
// Simple product page with search and reviews
$conn = mysqli_connect("localhost", "root", "", "shop");

if (isset($_GET['search'])) {
    $search = $_GET['search'];
    $result = mysqli_query($conn, "SELECT * FROM products WHERE name LIKE '%$search%'");
    echo "<h2>Results for: $search</h2>";
    while ($row = mysqli_fetch_assoc($result)) {
        echo "<div>" . htmlspecialchars($row['name']) . "</div>";
    }
}

if ($_SERVER['REQUEST_METHOD'] === 'POST') {
    $review = $_POST['review'];
    $product = (int) $_POST['product_id'];
    mysqli_query($conn, "INSERT INTO reviews (product_id, body) VALUES ($product, '$review')");
    move_uploaded_file($_FILES['photo']['tmp_name'], 'uploads/' . $_POST['photo_name']);
}
