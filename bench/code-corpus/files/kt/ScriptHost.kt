package com.example.scripting

import javax.script.ScriptEngineManager

class ScriptHost {
    private val engine = ScriptEngineManager().getEngineByExtension("kts")

    fun runUserScript(source: String): Any? = engine.eval(source)
}

@org.springframework.web.bind.annotation.RestController
class ScriptController(private val host: ScriptHost) {
    @org.springframework.web.bind.annotation.PostMapping("/scripts/run")
    fun run(@org.springframework.web.bind.annotation.RequestBody body: String): Any? = host.runUserScript(body)
}
