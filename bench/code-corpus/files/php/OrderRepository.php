<?php

namespace App\Repositories;

use Illuminate\Support\Facades\DB;

class OrderRepository
{
    public function byStatus(string $status)
    {
        return DB::select("SELECT * FROM orders WHERE status = '$status'");
    }

    public function byStatusSafe(string $status)
    {
        return DB::select('SELECT * FROM orders WHERE status = ?', [$status]);
    }

    public function totals(string $groupBy)
    {
        return DB::table('orders')->selectRaw('SUM(total) as t, ' . $groupBy)->groupBy($groupBy)->get();
    }

    public function search(string $term)
    {
        return DB::table('orders')->where('reference', 'like', '%' . $term . '%')->get();
    }

    public function recent(string $customer)
    {
        return DB::table('orders')->whereRaw("customer = '" . $customer . "'")->latest()->get();
    }
}

// routes/web.php
// Route::get('/orders', fn (Request $r) => (new OrderRepository)->byStatus($r->query('status')));
// Route::get('/orders/totals', fn (Request $r) => (new OrderRepository)->totals($r->query('group')));
// Route::get('/orders/recent', fn (Request $r) => (new OrderRepository)->recent($r->query('customer')));
