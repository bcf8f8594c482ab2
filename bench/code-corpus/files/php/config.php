<?php
return [
    'db' => [
        'host' => 'localhost',
        'user' => 'root',
        'password' => 'hunter2hunter2!',
    ],
    'mailgun_key' => 'key-EXAMPLE0123456789abcdef0123456789',
    'aws' => [
        'key' => env('AWS_ACCESS_KEY_ID'),
        'secret' => env('AWS_SECRET_ACCESS_KEY'),
    ],
];
