package com.example.misc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

public class SafeMisc {
    private static final String PASSWORD_PARAM = "password";
    private static final String DB_PASSWORD = System.getProperty("db.password");

    public String requestId() {
        return UUID.randomUUID().toString();
    }

    public void shuffle(List<String> items, long seed) {
        Collections.shuffle(items, new Random(seed));
    }

    public Path workDir(Path root, String jobId) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5");
        return Files.createDirectories(root.resolve(java.util.HexFormat.of().formatHex(md.digest(jobId.getBytes()))));
    }

    public int parseLimit(String raw) {
        return Integer.parseInt(raw);
    }
}
