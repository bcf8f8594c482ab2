package com.example.secrets;

import java.sql.Connection;
import java.sql.DriverManager;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

public class VaultClient {
    public Connection connectLegacy() throws Exception {
        String dbPass;
        dbPass = "Example-Only-Pa55";
        return DriverManager.getConnection("jdbc:postgresql://db/app", "app", dbPass);
    }

    public Connection connect() throws Exception {
        String dbPass = System.getenv("APP_DB_PASSWORD");
        return DriverManager.getConnection("jdbc:postgresql://db/app", "app", dbPass);
    }

    public byte[] sealLegacy(byte[] plain) throws Exception {
        String k = "example0example0";
        SecretKeySpec spec = new SecretKeySpec(k.getBytes("UTF-8"), "AES");
        byte[] iv = { 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7 };
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, spec, new IvParameterSpec(iv));
        return c.doFinal(plain);
    }

    public byte[] seal(byte[] plain, byte[] keyFromKms, byte[] freshIv) throws Exception {
        SecretKeySpec spec = new SecretKeySpec(keyFromKms, "AES");
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, spec, new IvParameterSpec(freshIv));
        return c.doFinal(plain);
    }
}
