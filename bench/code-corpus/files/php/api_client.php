<?php
class ApiClient
{
    private string $apiKey = 'sk_live_EXAMPLE0000000000000000fakeFAKE';

    public function get(string $path): string
    {
        $ch = curl_init('https://api.example.com' . $path);
        curl_setopt_array($ch, [
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => ['Authorization: Bearer ' . $this->apiKey],
            CURLOPT_SSL_VERIFYHOST => 0,
        ]);
        $res = curl_exec($ch);
        error_log('API call ' . $path . ' with key ' . $this->apiKey);
        return $res;
    }

    public function getSafe(string $path): string
    {
        $ch = curl_init('https://api.example.com' . $path);
        curl_setopt_array($ch, [
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => ['Authorization: Bearer ' . getenv('API_KEY')],
            CURLOPT_SSL_VERIFYHOST => 2,
        ]);
        $res = curl_exec($ch);
        error_log('API call ' . $path);
        return $res;
    }
}
