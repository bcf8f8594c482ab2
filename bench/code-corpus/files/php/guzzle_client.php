<?php
use GuzzleHttp\Client;

$client = new Client(['base_uri' => 'https://partner.example.com', 'verify' => false]);
$response = $client->get('/v1/orders');

$secure = new Client(['base_uri' => 'https://partner.example.com', 'timeout' => 5]);

$ctx = stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]);
$feed = file_get_contents('https://feeds.example.com/rss', false, $ctx);
