package com.example.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

@RestController
public class SearchController {
    @GetMapping(value = "/search", produces = "text/html")
    public String search(@RequestParam String q) {
        return "<div>No results for <b>" + q + "</b></div>";
    }

    @GetMapping(value = "/search2", produces = "text/html")
    public String search2(@RequestParam String q) {
        return "<div>No results for <b>" + HtmlUtils.htmlEscape(q) + "</b></div>";
    }
}
