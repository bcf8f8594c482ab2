package com.example.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwt;
import io.jsonwebtoken.Jwts;
import java.security.Key;

public class JjwtParser {
    private final Key key;

    public JjwtParser(Key key) {
        this.key = key;
    }

    @SuppressWarnings("rawtypes")
    public Object claimsUnsigned(String token) {
        Jwt jwt = Jwts.parser().parseClaimsJwt(token);
        return jwt.getBody();
    }

    public Claims claims(String token) {
        return Jwts.parserBuilder().setSigningKey(key).build().parseClaimsJws(token).getBody();
    }
}
