import java.security.KeyPair;
import java.security.KeyPairGenerator;

public class StrongKeyPairs {
    public KeyPair signingKeys() throws Exception {
        int keySize = 3072;
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(keySize);
        return kpg.generateKeyPair();
    }
}
