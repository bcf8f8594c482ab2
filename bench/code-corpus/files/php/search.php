<?php
$q = $_GET['q'] ?? '';
?>
<html>
<body>
<h1>Search results for <?php echo $q; ?></h1>
<hr>
<p>You searched: <?= htmlspecialchars($q, ENT_QUOTES, 'UTF-8') ?></p>

<p><?= $_GET['page'] ?? '1' ?></p>
</body>
</html>
