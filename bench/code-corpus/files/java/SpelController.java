package com.example.web;

import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SpelController {
    private final ExpressionParser parser = new SpelExpressionParser();

    @GetMapping("/calc")
    public Object calc(@RequestParam String expr) {
        return parser.parseExpression(expr).getValue();
    }

    @GetMapping("/version")
    public Object version() {
        return parser.parseExpression("'v' + T(java.lang.Math).max(1, 2)").getValue();
    }
}
