package com.example.data

import java.sql.Connection

class UserRepository(private val conn: Connection) {
    fun findByName(name: String): List<String> {
        val stmt = conn.createStatement()
        val rs = stmt.executeQuery("SELECT email FROM users WHERE name = '$name'")
        val out = mutableListOf<String>()
        while (rs.next()) out += rs.getString(1)
        return out
    }

    fun findByNameSafe(name: String): List<String> {
        val ps = conn.prepareStatement("SELECT email FROM users WHERE name = ?")
        ps.setString(1, name)
        val rs = ps.executeQuery()
        val out = mutableListOf<String>()
        while (rs.next()) out += rs.getString(1)
        return out
    }

    fun deleteOlderThan(days: String) {
        conn.createStatement().executeUpdate("DELETE FROM sessions WHERE age > " + days)
    }
}
