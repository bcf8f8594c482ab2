<?php
function valid_email(string $s): bool
{
    return preg_match('/^([a-z0-9]+\.?)+@example\.com$/i', $s) === 1;
}

function valid_sku(string $s): bool
{
    return preg_match('/^[A-Z]{3}-\d{4}$/', $s) === 1;
}

function strip_repeats(string $s): string
{
    return preg_replace('/(\w+\s*)+$/', '', $s);
}
