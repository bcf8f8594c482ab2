package com.example.config

object Secrets {
    const val GITHUB_TOKEN = "ghp_EXAMPLE1234567890abcdefEXAMPLE12345678"
    const val GITHUB_ORG = "example-org"
    val dbPassword: String = System.getenv("DB_PASSWORD") ?: error("DB_PASSWORD missing")
}
