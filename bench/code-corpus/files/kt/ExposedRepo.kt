package com.example.data

import org.jetbrains.exposed.sql.transactions.TransactionManager

fun findUsersRaw(name: String): List<String> {
    val out = mutableListOf<String>()
    TransactionManager.current().exec("SELECT email FROM users WHERE name = '$name'") { rs ->
        while (rs.next()) out += rs.getString(1)
    }
    return out
}
