package com.example.safe

import java.security.MessageDigest
import java.security.SecureRandom
import javax.crypto.Cipher
import javax.crypto.KeyGenerator

object SafeVariants {
    const val PASSWORD_KEY = "password"

    fun aesKey() = KeyGenerator.getInstance("AES").apply { init(256) }.generateKey()

    fun gcm(): Cipher = Cipher.getInstance("AES/GCM/NoPadding")

    fun digest(bytes: ByteArray): ByteArray = MessageDigest.getInstance("SHA-512").digest(bytes)

    fun token(): String = ByteArray(32).also { SecureRandom().nextBytes(it) }.joinToString("") { "%02x".format(it) }

    fun shuffle(list: MutableList<Int>) = list.shuffle()
}
