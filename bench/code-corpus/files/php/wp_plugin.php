<?php
/*
Plugin Name: Quick Stats
*/
add_action('wp_ajax_quick_stats', 'quick_stats_handler');

function quick_stats_handler()
{
    global $wpdb;
    $post_type = $_POST['post_type'];
    $count = $wpdb->get_var("SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = '$post_type'");

    $drafts = $wpdb->get_var($wpdb->prepare("SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = %s AND post_status = 'draft'", $post_type));
    echo '<div class="stats">' . esc_html($post_type) . ': ' . intval($count) . '</div>';

    echo '<div class="drafts">' . $_POST['label'] . '</div>';
    wp_die();
}
