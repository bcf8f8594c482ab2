<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Illuminate\Support\Facades\Auth;
use Illuminate\Support\Facades\Log;

class AuthController extends Controller
{
    public function login(Request $request)
    {
        $credentials = $request->only('email', 'password');
        Log::info('Login attempt', $credentials);
        if (Auth::attempt($credentials)) {
            return redirect()->intended('dashboard');
        }
        Log::warning('Failed login for ' . $request->input('email'));
        return back()->withErrors(['email' => 'Invalid credentials']);
    }

    public function apiToken(Request $request)
    {
        $token = $request->user()->createToken('cli')->plainTextToken;
        Log::debug("issued token {$token}");
        return ['token' => $token];
    }
}
