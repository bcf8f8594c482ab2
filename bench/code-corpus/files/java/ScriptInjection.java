package com.example.web;

import javax.script.Bindings;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import jakarta.servlet.http.HttpServletRequest;

public class ScriptInjection {
    private final ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");

    public Object greet(HttpServletRequest req) throws Exception {
        String name = req.getParameter("name");
        return engine.eval("'Hello, " + name + "'.toUpperCase()");
    }

    public Object greetBound(HttpServletRequest req) throws Exception {
        Bindings b = engine.createBindings();
        b.put("name", req.getParameter("name"));
        return engine.eval("('Hello, ' + name).toUpperCase()", b);
    }
}
