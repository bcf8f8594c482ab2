package com.example.crypto;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

public class CryptoPadding {
    private static final byte[] IV = "0123456789abcdef".getBytes();

    public byte[] encrypt(byte[] key, byte[] data) throws Exception {
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(IV));
        return c.doFinal(data);
    }

    public byte[] encryptRc4(byte[] key, byte[] data) throws Exception {
        Cipher c = Cipher.getInstance("RC4");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "RC4"));
        return c.doFinal(data);
    }
}
