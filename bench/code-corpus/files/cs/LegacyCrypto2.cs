using System;
using System.Security.Cryptography;
using System.Text;

namespace Shop.Security
{
    public static class LegacyCrypto2
    {
        private static readonly byte[] Key = Encoding.UTF8.GetBytes("0123456789abcdef");

        public static string Protect(string value)
        {
            using var aes = Aes.Create();
            aes.Key = Key;
            aes.IV = new byte[16];
            using var enc = aes.CreateEncryptor();
            var data = Encoding.UTF8.GetBytes(value);
            return Convert.ToBase64String(enc.TransformFinalBlock(data, 0, data.Length));
        }

        public static string TokenHash(string token)
        {
            using var sha = SHA256.Create();
            return Convert.ToHexString(sha.ComputeHash(Encoding.UTF8.GetBytes(token)));
        }

        public static string PasswordHash(string password)
        {
            using var md5 = new MD5CryptoServiceProvider();
            return Convert.ToHexString(md5.ComputeHash(Encoding.UTF8.GetBytes(password)));
        }
    }
}
