package com.example.web;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;
import java.util.logging.Logger;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class RegisterController {
    private static final Logger LOG = Logger.getLogger(RegisterController.class.getName());
    private final Random random = new Random();

    @PostMapping("/register")
    public String register(@RequestParam String email, @RequestParam String password) throws Exception {
        LOG.info("Registering " + email + " with password " + password);
        MessageDigest md = MessageDigest.getInstance("MD5");
        String hash = Base64.getEncoder().encodeToString(md.digest(password.getBytes()));
        String verificationCode = String.valueOf(100000 + random.nextInt(900000));
        save(email, hash, verificationCode);
        return "Check your inbox";
    }

    private void save(String email, String hash, String code) {}
}
