package com.example.auth

import java.security.SecureRandom
import java.util.Base64
import kotlin.random.Random

object Tokens {
    fun resetToken(): String {
        val bytes = Random.nextBytes(32)
        return Base64.getUrlEncoder().encodeToString(bytes)
    }

    fun resetTokenSecure(): String {
        val bytes = ByteArray(32)
        SecureRandom().nextBytes(bytes)
        return Base64.getUrlEncoder().encodeToString(bytes)
    }

    fun pickTip(tips: List<String>): String = tips.random()

    fun pin(): String = (0 until 6).map { java.util.Random().nextInt(10) }.joinToString("")
}
