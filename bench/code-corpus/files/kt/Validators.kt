package com.example.validation

object Validators {
    private val EMAIL = Regex("^([a-zA-Z0-9_.-])+@(([a-zA-Z0-9-])+\\.)+([a-zA-Z0-9]{2,4})+$")

    private val ZIP = Regex("^\\d{5}$")

    fun isEmail(s: String) = EMAIL.matches(s)
    fun isZip(s: String) = ZIP.matches(s)
}
