package com.example.data

import io.ktor.server.application.call
import io.ktor.server.response.respond
import io.ktor.server.routing.get
import org.jetbrains.exposed.sql.transactions.TransactionManager

fun findUsersRaw(name: String): List<String> {
    val out = mutableListOf<String>()
    TransactionManager.current().exec("SELECT email FROM users WHERE name = '$name'") { rs ->
        while (rs.next()) out += rs.getString(1)
    }
    return out
}

fun io.ktor.server.routing.Route.userSearch() {
    get("/users") {
        call.respond(findUsersRaw(call.request.queryParameters["name"] ?: ""))
    }
}
