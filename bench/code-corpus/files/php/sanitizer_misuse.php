<?php
$id = addslashes($_GET['id']);
$res = mysqli_query($link, "SELECT * FROM items WHERE id = $id");

$name = mysqli_real_escape_string($link, $_GET['name']);
$res2 = mysqli_query($link, "SELECT * FROM items WHERE name = '$name'");

$url = $_GET['url'];
system(escapeshellcmd("curl " . $url));

$title = strip_tags($_GET['title']);
echo "<input type='text' value='" . $title . "'>";

echo "<input type='text' value='" . htmlspecialchars($_GET['title'], ENT_QUOTES) . "'>";
