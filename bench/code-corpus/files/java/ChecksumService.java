package com.example.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.springframework.jdbc.core.JdbcTemplate;

public class ChecksumService {
    private final JdbcTemplate jdbc;

    public ChecksumService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public byte[] fingerprint(String uploadName) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(uploadName.getBytes(StandardCharsets.UTF_8));
        return md.digest();
    }

    public void rename(String uploadName) {
        jdbc.update("UPDATE uploads SET name = '" + uploadName + "' WHERE id = 1");
    }
}
