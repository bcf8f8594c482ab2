package com.example.session

import java.io.ByteArrayInputStream
import java.io.ObjectInputStream
import java.util.Base64
import kotlinx.serialization.decodeFromString
import kotlinx.serialization.json.Json

class SessionStore {
    fun load(cookie: String): Any? {
        val bytes = Base64.getDecoder().decode(cookie)
        return ObjectInputStream(ByteArrayInputStream(bytes)).readObject()
    }

    fun loadJson(cookie: String): Map<String, String> {
        val text = String(Base64.getDecoder().decode(cookie))
        return Json.decodeFromString<Map<String, String>>(text)
    }
}

fun currentSession(req: jakarta.servlet.http.HttpServletRequest): Any? {
    val cookie = req.cookies?.firstOrNull { it.name == "sess" } ?: return null
    return SessionStore().load(cookie.value)
}
