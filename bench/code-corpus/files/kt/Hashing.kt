package com.example.security

import java.security.MessageDigest
import org.springframework.security.crypto.bcrypt.BCrypt

fun legacyPasswordHash(pw: String): ByteArray = MessageDigest.getInstance("SHA-1").digest(pw.toByteArray())

fun passwordHash(pw: String): String = BCrypt.hashpw(pw, BCrypt.gensalt(12))

fun etag(body: ByteArray): String = MessageDigest.getInstance("MD5").digest(body).joinToString("") { "%02x".format(it) }
