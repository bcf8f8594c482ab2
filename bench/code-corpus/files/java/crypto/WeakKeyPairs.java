import java.security.KeyPair;
import java.security.KeyPairGenerator;

public class WeakKeyPairs {
    public KeyPair signingKeys() throws Exception {
        int keySize = 1024;
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(keySize);
        return kpg.generateKeyPair();
    }
}
