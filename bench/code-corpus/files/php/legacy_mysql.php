<?php
function get_comments($link, $post_id)
{
    $query = sprintf("SELECT author, body FROM comments WHERE post_id = %s", $post_id);
    return mysqli_query($link, $query);
}

function get_comments_safe($link, $post_id)
{
    $query = sprintf("SELECT author, body FROM comments WHERE post_id = %d", intval($post_id));
    return mysqli_query($link, $query);
}

$res = get_comments($link, $_GET['post']);
