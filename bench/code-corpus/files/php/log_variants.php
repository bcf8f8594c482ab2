<?php
function audit_login(string $user, string $pass, bool $ok): void
{
    file_put_contents('/var/log/app/auth.log', date('c') . " $user $pass " . ($ok ? 'ok' : 'fail') . "\n", FILE_APPEND);
}

function audit_login_safe(string $user, bool $ok): void
{
    file_put_contents('/var/log/app/auth.log', date('c') . " $user " . ($ok ? 'ok' : 'fail') . "\n", FILE_APPEND);
}

function debug_request(): void
{
    error_log(print_r($_POST, true));
}
