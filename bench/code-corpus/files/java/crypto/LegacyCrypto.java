import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.NullCipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

public class LegacyCrypto {
    public byte[] digestResetToken(String token) throws Exception {
        MessageDigest md = MessageDigest.getInstance("md5");
        return md.digest(token.getBytes());
    }

    public byte[] digestResetTokenStrong(String token) throws Exception {
        MessageDigest md = MessageDigest.getInstance("sha-256");
        return md.digest(token.getBytes());
    }

    public SecretKey deriveLegacyKey(char[] password, byte[] salt) throws Exception {
        SecretKeyFactory f = SecretKeyFactory.getInstance("PBEWithMD5AndDES");
        return f.generateSecret(new PBEKeySpec(password, salt, 1000));
    }

    public SecretKey deriveKey(char[] password, byte[] salt) throws Exception {
        SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        return f.generateSecret(new PBEKeySpec(password, salt, 310000, 256));
    }

    public Cipher keyWrapper() throws Exception {
        return Cipher.getInstance("DESedeWrap");
    }

    public Cipher rawRsa() throws Exception {
        return Cipher.getInstance("RSA/ECB/NoPadding");
    }

    public Cipher rsaOaep() throws Exception {
        return Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    }

    public Cipher debugCipher() {
        return new NullCipher();
    }
}
