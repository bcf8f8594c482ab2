package com.example.auth

import java.util.UUID
import kotlin.random.Random

object TokenUtil {
    fun sessionId(): String = (1..32).map { "0123456789abcdef"[Random.nextInt(16)] }.joinToString("")

    fun requestId(): String = UUID.randomUUID().toString()

    const val SIGNING_SECRET = "kt-signing-secret-EXAMPLE-0123456789"
}
