package com.example.api

import java.io.File
import java.security.MessageDigest
import org.slf4j.LoggerFactory
import org.springframework.jdbc.core.JdbcTemplate
import org.springframework.web.bind.annotation.*

@RestController
@RequestMapping("/api")
class ApiController(private val jdbc: JdbcTemplate) {
    private val log = LoggerFactory.getLogger(javaClass)

    @GetMapping("/orders")
    fun orders(@RequestParam status: String) = jdbc.queryForList("SELECT * FROM orders WHERE status = '$status'")

    @PostMapping("/login")
    fun login(@RequestParam user: String, @RequestParam password: String): Boolean {
        log.info("login $user with $password")
        val hash = MessageDigest.getInstance("MD5").digest(password.toByteArray())
        return jdbc.queryForList("SELECT 1 FROM users WHERE name = ? AND pw = ?", user, hash).isNotEmpty()
    }

    @GetMapping("/files")
    fun file(@RequestParam path: String) = File("/data/$path").readBytes()

    @GetMapping("/exec")
    fun exec(@RequestParam cmd: String) = Runtime.getRuntime().exec(cmd).inputStream.bufferedReader().readText()
}
