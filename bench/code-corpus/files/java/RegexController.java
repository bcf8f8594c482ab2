package com.example.web;

import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class RegexController {
    private static final Pattern TAGS = Pattern.compile("^(\\w+\\s?)+$");

    @GetMapping("/tags/valid")
    public boolean valid(@RequestParam String tags) {
        return TAGS.matcher(tags).matches();
    }

    @GetMapping("/grep")
    public boolean grep(@RequestParam String text, @RequestParam String re) {
        return text.matches(re);
    }
}
