package com.example.web

import java.io.File
import org.springframework.core.io.FileSystemResource
import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.RequestParam
import org.springframework.web.bind.annotation.RestController

@RestController
class Downloads {
    private val base = File("/srv/downloads")

    @GetMapping("/dl")
    fun dl(@RequestParam f: String) = FileSystemResource(File(base, f))

    @GetMapping("/dl2")
    fun dl2(@RequestParam f: String) = FileSystemResource(File(base, File(f).name.takeIf { it != ".." && it.isNotEmpty() } ?: "index.html"))

    @GetMapping("/read")
    fun read(@RequestParam f: String): String = File("/srv/downloads/$f").readText()
}
