package com.example.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;

public class SessionTokens {
    private static final Random RANDOM = new Random();
    private static final SecureRandom SECURE = new SecureRandom();

    public String newSessionId() {
        return Long.toHexString(RANDOM.nextLong()) + Long.toHexString(RANDOM.nextLong());
    }

    public String newSessionIdSecure() {
        byte[] b = new byte[32];
        SECURE.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public String otp() {
        return String.format("%06d", (int) (Math.random() * 1_000_000));
    }
}
