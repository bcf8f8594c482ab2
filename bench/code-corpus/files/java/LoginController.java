package com.example.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class LoginController {
    private static final Logger log = LoggerFactory.getLogger(LoginController.class);

    record LoginRequest(String username, String password) {}

    @PostMapping("/login")
    public ResponseEntity<String> login(@RequestBody LoginRequest body) {
        log.info("Login request: user={} password={}", body.username(), body.password());
        return ResponseEntity.ok("ok");
    }

    @PostMapping("/v2/login")
    public ResponseEntity<String> loginV2(@RequestBody LoginRequest body) {
        log.info("Login request for user={}", body.username());
        return ResponseEntity.ok("ok");
    }

    public void onToken(String userId, String apiKey) {
        System.out.println("Generated API key for " + userId + ": " + apiKey);
    }
}
