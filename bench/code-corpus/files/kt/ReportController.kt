package com.example.web

import org.springframework.jdbc.core.JdbcTemplate
import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.RequestParam
import org.springframework.web.bind.annotation.RestController

@RestController
class ReportController(private val jdbc: JdbcTemplate) {
    private fun whereRegion(region: String) = "WHERE region = '$region'"

    @GetMapping("/reports")
    fun reports(@RequestParam region: String): List<Map<String, Any>> =
        jdbc.queryForList("SELECT * FROM reports ${whereRegion(region)}")

    @GetMapping("/reports/safe")
    fun reportsSafe(@RequestParam region: String): List<Map<String, Any>> =
        jdbc.queryForList("SELECT * FROM reports WHERE region = ?", region)

    @GetMapping("/reports/top")
    fun top(@RequestParam n: Int): List<Map<String, Any>> =
        jdbc.queryForList("SELECT * FROM reports ORDER BY total DESC LIMIT $n")
}
