<?php
return [
    'db' => [
        'host' => 'localhost',
        'user' => 'root',
        'password' => 'Tr0ub4dor&3-example',
    ],
    'mailgun_key' => 'key-EXAMPLE0123456789abcdef0123456789',
    'aws' => [
        'key' => env('AWS_ACCESS_KEY_ID'),
        'secret' => env('AWS_SECRET_ACCESS_KEY'),
    ],
];
