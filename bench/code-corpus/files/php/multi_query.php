<?php
$mysqli = new mysqli('localhost', 'app', getenv('DB_PASSWORD'), 'app');
$tag = $_POST['tag'];
$mysqli->multi_query("UPDATE posts SET views = views + 1 WHERE tag = '$tag'; SELECT ROW_COUNT();");

$pg = pg_connect('dbname=app');
$res = pg_query($pg, "SELECT * FROM posts WHERE author = '" . $_GET['author'] . "'");

$res2 = pg_query_params($pg, 'SELECT * FROM posts WHERE author = $1', [$_GET['author']]);
