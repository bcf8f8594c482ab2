package com.example.config

object Secrets {
    const val GITHUB_TOKEN = "ghp_EXAMPLE1234567890abcdefEXAMPLE12345678"
    val dbPassword: String = System.getenv("DB_PASSWORD") ?: error("DB_PASSWORD missing")
}
