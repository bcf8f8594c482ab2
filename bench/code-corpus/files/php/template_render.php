<?php
function render_template(string $tpl, array $vars): string
{
    return preg_replace('/\{\{(\w+)\}\}/e', '$vars["$1"]', $tpl);
}

function render_template_safe(string $tpl, array $vars): string
{
    return preg_replace_callback('/\{\{(\w+)\}\}/', fn($m) => htmlspecialchars($vars[$m[1]] ?? ''), $tpl);
}

$page = $_GET['page'];
include($page . '.php');
