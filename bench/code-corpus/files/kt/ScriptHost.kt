package com.example.scripting

import javax.script.ScriptEngineManager

class ScriptHost {
    private val engine = ScriptEngineManager().getEngineByExtension("kts")

    fun runUserScript(source: String): Any? = engine.eval(source)
}
