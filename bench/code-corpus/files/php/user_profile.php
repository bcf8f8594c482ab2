<?php
$db = new PDO('pgsql:host=db;dbname=app', 'app', getenv('DB_PASSWORD'));

$user = $_GET['user'];
$row = $db->query("SELECT bio, website FROM profiles WHERE username = '$user'")->fetch();
?>
<div class="profile">
  <a href="<?= $row['website'] ?>">Website</a>
  <hr>
  <p><?= htmlspecialchars($row['bio'], ENT_QUOTES, 'UTF-8') ?></p>
</div>
<?php
$avatar = $_GET['avatar'] ?? 'default.png';
echo file_get_contents(__DIR__ . '/avatars/' . $avatar);
