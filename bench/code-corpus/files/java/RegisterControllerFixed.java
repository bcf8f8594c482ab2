package com.example.web;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class RegisterControllerFixed {
    private static final Logger LOG = LoggerFactory.getLogger(RegisterControllerFixed.class);
    private final SecureRandom random = new SecureRandom();
    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    @PostMapping("/register")
    public String register(@RequestParam String email, @RequestParam String password) {
        LOG.info("Registering {}", email);
        String hash = encoder.encode(password);
        String verificationCode = String.valueOf(100000 + random.nextInt(900000));
        save(email, hash, verificationCode);
        return "Check your inbox";
    }

    private void save(String email, String hash, String code) {}
}
