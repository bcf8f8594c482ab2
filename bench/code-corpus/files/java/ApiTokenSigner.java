package com.example.security;

import org.apache.commons.codec.digest.DigestUtils;

public class ApiTokenSigner {
    private final String secret;

    public ApiTokenSigner(String secret) {
        this.secret = secret;
    }

    public String sign(String userId, long expires) {
        return DigestUtils.sha1Hex(secret + ":" + userId + ":" + expires);
    }
}
