<?php
function register_filter($name) {
    $body = $_POST['filter_body'];
    return create_function('$value', $body);
}

function register_trim_filter() {
    return create_function('$value', 'return trim($value);');
}
