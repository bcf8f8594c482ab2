package com.example.web;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ScriptController {
    private final ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");

    @PostMapping("/eval")
    public Object evaluate(@RequestBody String expression) throws Exception {
        return engine.eval(expression);
    }
}
