package com.example.rules;

import groovy.lang.GroovyShell;
import jakarta.servlet.http.HttpServletRequest;

public class GroovyRules {
    private final GroovyShell shell = new GroovyShell();

    public Object evaluate(HttpServletRequest req) {
        String rule = req.getParameter("rule");
        return shell.evaluate(rule);
    }
}
