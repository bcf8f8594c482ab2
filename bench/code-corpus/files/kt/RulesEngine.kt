package com.example.rules

import javax.script.ScriptEngineManager

class RulesEngine {
    private val engine = ScriptEngineManager().getEngineByName("kotlin")

    fun builtinRule(): Any? = engine.eval("listOf(1, 2, 3).sum()")

    fun discountFor(customerTier: String): Any? = engine.eval("val tier = \"$customerTier\"; if (tier == \"gold\") 0.2 else 0.0")
}

@org.springframework.web.bind.annotation.RestController
class DiscountController {
    private val rules = RulesEngine()

    @org.springframework.web.bind.annotation.GetMapping("/discount")
    fun discount(@org.springframework.web.bind.annotation.RequestParam tier: String) = rules.discountFor(tier)
}
