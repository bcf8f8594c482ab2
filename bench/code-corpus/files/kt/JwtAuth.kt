package com.example.auth

import com.auth0.jwt.JWT
import com.auth0.jwt.algorithms.Algorithm

class JwtAuth(secret: String) {
    private val verifier = JWT.require(Algorithm.HMAC256(secret)).withIssuer("example").build()

    fun subjectUnverified(token: String): String = JWT.decode(token).subject

    fun subject(token: String): String = verifier.verify(token).subject
}
