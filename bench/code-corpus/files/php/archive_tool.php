<?php
function make_archive(string $dir): string
{
    $out = '/tmp/' . uniqid('arch_') . '.zip';
    $cmd = 'zip -r ' . $out . ' ' . $dir;
    exec($cmd, $lines, $rc);
    return $out;
}

function make_archive_safe(string $dir): string
{
    if (!preg_match('#^[A-Za-z0-9_/]+$#', $dir)) {
        throw new InvalidArgumentException('bad directory');
    }
    $out = '/tmp/' . uniqid('arch_') . '.zip';
    exec('zip -r ' . escapeshellarg($out) . ' ' . escapeshellarg($dir), $lines, $rc);
    return $out;
}

$path = make_archive($_POST['dir']);
echo basename($path);

$proc = proc_open(['git', 'log', '--oneline', '-n', (string) intval($_GET['n'])], [1 => ['pipe', 'w']], $pipes);
$log = stream_get_contents($pipes[1]);

$h = popen('nslookup ' . $_GET['host'], 'r');
echo htmlspecialchars(fread($h, 4096));
