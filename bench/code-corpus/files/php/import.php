<?php
$data = file_get_contents('php://input');
$obj = unserialize($data);
echo json_encode(['imported' => count((array) $obj)]);
