<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;

class ProfileController extends Controller
{
    public function show(Request $request)
    {
        $name = $request->query('name');
        return response("<h1>Profile of {$name}</h1>")->header('Content-Type', 'text/html');
    }

    public function showSafe(Request $request)
    {
        $name = e($request->query('name'));
        return response("<h1>Profile of {$name}</h1>")->header('Content-Type', 'text/html');
    }

    public function json(Request $request)
    {
        return response()->json(['name' => $request->query('name')]);
    }
}
