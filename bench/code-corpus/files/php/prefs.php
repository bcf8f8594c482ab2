<?php
if (isset($_COOKIE['prefs'])) {
    $prefs = unserialize(base64_decode($_COOKIE['prefs']));
} else {
    $prefs = ['theme' => 'light'];
}

if (isset($_COOKIE['prefs2'])) {
    $prefs2 = json_decode(base64_decode($_COOKIE['prefs2']), true);
}

$cart = unserialize($_POST['cart'], ['allowed_classes' => false]);
