// Part of an admin controller, shared without its opening tag.
$action = $_GET['action'] ?? 'list';
if ($action === 'calc') {
    $expr = $_POST['expr'];
    $result = eval('return ' . $expr . ';');
}

$answer = eval('return 6 * 7;');

$id = $_GET['id'];
$rows = mysqli_query($db, "SELECT name FROM users WHERE id = " . $id);

$stmt = mysqli_prepare($db, "SELECT name FROM users WHERE id = ?");
mysqli_stmt_bind_param($stmt, "i", $id);
mysqli_stmt_execute($stmt);

$host = $_POST['host'];
$out = shell_exec('ping -c 1 ' . $host);

$uptime = shell_exec('uptime');
