<?php
function render_comment(array $c): string
{
    return '<div class="comment"><b>' . $c['author'] . '</b> ' . $c['body'] . '</div>';
}

function render_comment_safe(array $c): string
{
    return '<div class="comment"><b>' . htmlspecialchars($c['author']) . '</b> ' . htmlspecialchars($c['body']) . '</div>';
}

$comment = ['author' => $_POST['author'], 'body' => $_POST['body']];
echo render_comment($comment);

echo render_comment_safe($comment);

print("Thanks, " . $_POST['author']);

echo "Posted at " . date('H:i');
