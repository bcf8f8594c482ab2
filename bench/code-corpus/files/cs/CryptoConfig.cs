using System.Security.Cryptography;

namespace Shop.Security
{
    public static class CryptoConfig
    {
        public static RSA WeakRsa() => new RSACryptoServiceProvider(1024);

        public static RSA Rsa() => RSA.Create(3072);

        public static SymmetricAlgorithm Rc2() => RC2.Create();

        public static byte[] Checksum(byte[] data) => SHA256.HashData(data);
    }
}
