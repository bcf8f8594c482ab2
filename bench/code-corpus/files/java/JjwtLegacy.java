package com.example.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwt;
import io.jsonwebtoken.Jwts;

public class JjwtLegacy {
    private final byte[] key;

    public JjwtLegacy(byte[] key) {
        this.key = key;
    }

    @SuppressWarnings("rawtypes")
    public Object claims(String token) {
        Jwt jwt = Jwts.parser().setSigningKey(key).parse(token);
        return jwt.getBody();
    }

    public Claims claimsSigned(String token) {
        return Jwts.parser().setSigningKey(key).parseClaimsJws(token).getBody();
    }
}
