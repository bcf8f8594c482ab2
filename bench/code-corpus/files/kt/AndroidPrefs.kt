package com.example.app

import android.content.Context
import android.util.Log
import javax.crypto.Cipher
import javax.crypto.spec.SecretKeySpec

class AndroidPrefs(private val ctx: Context) {
    private val key = SecretKeySpec("0123456789abcdef".toByteArray(), "AES")

    fun saveToken(token: String) {
        Log.d("AUTH", "saving token $token")
        val c = Cipher.getInstance("AES/ECB/PKCS5Padding")
        c.init(Cipher.ENCRYPT_MODE, key)
        ctx.getSharedPreferences("auth", Context.MODE_PRIVATE).edit()
            .putString("t", android.util.Base64.encodeToString(c.doFinal(token.toByteArray()), 0)).apply()
        Log.i("AUTH", "token saved, length=${token.length}")
    }
}
