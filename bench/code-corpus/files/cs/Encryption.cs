using System.Security.Cryptography;

namespace Shop.Security
{
    public class Encryption
    {
        public byte[] EncryptDes(byte[] key, byte[] data)
        {
            using var des = DES.Create();
            des.Key = key;
            using var enc = des.CreateEncryptor();
            return enc.TransformFinalBlock(data, 0, data.Length);
        }

        public byte[] EncryptEcb(byte[] key, byte[] data)
        {
            using var aes = Aes.Create();
            aes.Key = key;
            aes.Mode = CipherMode.ECB;
            using var enc = aes.CreateEncryptor();
            return enc.TransformFinalBlock(data, 0, data.Length);
        }

        public byte[] EncryptGcm(byte[] key, byte[] data, byte[] tag)
        {
            var nonce = RandomNumberGenerator.GetBytes(12);
            var ct = new byte[data.Length];
            using var gcm = new AesGcm(key, 16);
            gcm.Encrypt(nonce, data, ct, tag);
            return ct;
        }

        public byte[] EncryptTripleDes(byte[] key, byte[] data)
        {
            using var tdes = TripleDES.Create();
            tdes.Key = key;
            using var enc = tdes.CreateEncryptor();
            return enc.TransformFinalBlock(data, 0, data.Length);
        }
    }
}
