package com.example.crypto;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

public class KeyFactoryUtil {
    public KeyPair weakRsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(512);
        return g.generateKeyPair();
    }

    public KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(3072);
        return g.generateKeyPair();
    }

    public SecretKey tripleDes() throws Exception {
        return KeyGenerator.getInstance("DESede").generateKey();
    }
}
