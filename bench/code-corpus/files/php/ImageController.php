<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Symfony\Component\Process\Process;

class ImageController extends Controller
{
    public function resize(Request $request)
    {
        $name = $request->input('name');
        $size = $request->input('size', '200x200');
        $cmd = "convert storage/images/{$name} -resize {$size} storage/thumbs/{$name}";
        exec($cmd);
        return response()->json(['ok' => true]);
    }

    public function resizeSafe(Request $request)
    {
        $name = basename($request->input('name'));
        $process = new Process(['convert', "storage/images/$name", '-resize', '200x200', "storage/thumbs/$name"]);
        $process->run();
        return response()->json(['ok' => $process->isSuccessful()]);
    }

    public function optimize(Request $request)
    {
        $path = $request->input('path');
        $result = `jpegoptim $path`;
        return response($result);
    }
}
