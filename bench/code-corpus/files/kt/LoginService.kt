package com.example.auth

import org.slf4j.LoggerFactory

class LoginService {
    private val log = LoggerFactory.getLogger(LoginService::class.java)

    fun login(user: String, password: String): Boolean {
        log.debug("login user=$user password=$password")
        val ok = password.length > 8
        log.info("login result user={} ok={}", user, ok)
        return ok
    }
}
