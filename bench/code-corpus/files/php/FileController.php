<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Illuminate\Support\Facades\Storage;

class FileController extends Controller
{
    public function show(Request $request)
    {
        return response()->download(storage_path('app/reports/' . $request->query('file')));
    }

    public function showSafe(Request $request)
    {
        $file = $request->query('file');
        if (!in_array($file, ['q1.pdf', 'q2.pdf', 'q3.pdf', 'q4.pdf'], true)) {
            abort(404);
        }
        return response()->download(storage_path('app/reports/' . $file));
    }
}
