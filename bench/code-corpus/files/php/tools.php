<?php
$host = $_GET['host'];
$output = shell_exec("ping -c 1 " . $host);
echo "<pre>" . htmlspecialchars($output) . "</pre>";

$domain = $_GET['domain'];
system("whois -- " . escapeshellarg($domain));

$file = $_POST['file'];
exec("gzip /var/www/exports/$file", $out, $rc);

passthru("uptime");
