package com.example.routes

import io.ktor.server.application.call
import io.ktor.server.response.respondFile
import io.ktor.server.response.respondText
import io.ktor.server.routing.Route
import io.ktor.server.routing.get
import java.io.File

private val ROOT = File("/srv/files").canonicalFile

fun Route.fileRoutes() {
    get("/files") {
        val name = call.request.queryParameters["name"] ?: ""
        call.respondFile(File(ROOT, name))
    }

    get("/files2") {
        val name = call.request.queryParameters["name"] ?: ""
        val f = File(ROOT, name).canonicalFile
        if (!f.path.startsWith(ROOT.path + File.separator)) {
            call.respondText("bad path")
            return@get
        }
        call.respondFile(f)
    }
}
