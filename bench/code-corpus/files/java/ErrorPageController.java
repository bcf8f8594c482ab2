package com.example.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
public class ErrorPageController {
    @GetMapping("/error-page")
    @ResponseBody
    public String error(@RequestParam(defaultValue = "Unknown error") String msg) {
        return "<html><body><h2>Error</h2><p>" + msg + "</p></body></html>";
    }

    @GetMapping("/error-view")
    public String errorView(@RequestParam(defaultValue = "Unknown error") String msg, Model model) {
        model.addAttribute("msg", msg);
        return "error";
    }
}
