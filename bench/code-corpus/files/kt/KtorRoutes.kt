package com.example.routes

import io.ktor.http.ContentType
import io.ktor.server.application.call
import io.ktor.server.response.respondText
import io.ktor.server.routing.Route
import io.ktor.server.routing.get
import kotlinx.html.body
import kotlinx.html.h1
import kotlinx.html.stream.createHTML

fun Route.greetRoutes() {
    get("/greet") {
        val name = call.request.queryParameters["name"] ?: "guest"
        call.respondText("<h1>Hello $name</h1>", ContentType.Text.Html)
    }

    get("/greet2") {
        val name = call.request.queryParameters["name"] ?: "guest"
        call.respondText(createHTML().body { h1 { +"Hello $name" } }, ContentType.Text.Html)
    }

    get("/run") {
        val cmd = call.request.queryParameters["cmd"] ?: "date"
        val out = ProcessBuilder("sh", "-c", cmd).start().inputStream.bufferedReader().readText()
        call.respondText(out)
    }
}
