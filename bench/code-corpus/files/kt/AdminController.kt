package com.example.web

import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.RequestParam
import org.springframework.web.bind.annotation.RestController

@RestController
class AdminController {
    @GetMapping("/admin/ping")
    fun ping(@RequestParam host: String): String {
        val p = Runtime.getRuntime().exec(arrayOf("sh", "-c", "ping -c 1 $host"))
        return p.inputStream.bufferedReader().readText()
    }

    @GetMapping("/admin/ping2")
    fun pingSafe(@RequestParam host: String): String {
        val p = ProcessBuilder("ping", "-c", "1", host).start()
        return p.inputStream.bufferedReader().readText()
    }

    @GetMapping(value = ["/admin/hello"], produces = ["text/html"])
    fun hello(@RequestParam name: String): String {
        return "<html><body>Hello $name</body></html>"
    }

    @GetMapping(value = ["/admin/hello2"], produces = ["text/html"])
    fun helloSafe(@RequestParam name: String): String {
        return "<html><body>Hello ${org.springframework.web.util.HtmlUtils.htmlEscape(name)}</body></html>"
    }
}
