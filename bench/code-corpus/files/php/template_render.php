<?php
function render_template(string $tpl, array $vars): string
{
    extract($vars);
    return eval('return "' . $tpl . '";');
}

function render_template_safe(string $tpl, array $vars): string
{
    return preg_replace_callback('/\{\{(\w+)\}\}/', fn($m) => htmlspecialchars($vars[$m[1]] ?? ''), $tpl);
}

$html = render_template($_POST['template'], ['name' => 'guest']);

$page = $_GET['page'];
include($page . '.php');
