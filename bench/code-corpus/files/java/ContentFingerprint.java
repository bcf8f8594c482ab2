package com.example.cdn;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

public class ContentFingerprint {
    public String etag(byte[] body) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return "\"" + HexFormat.of().formatHex(md.digest(body)) + "\"";
    }

    public String cacheKey(String url) {
        return "k" + org.apache.commons.codec.digest.DigestUtils.md5Hex(url);
    }
}
