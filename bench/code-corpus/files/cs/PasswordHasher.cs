using System;
using System.Security.Cryptography;
using System.Text;

namespace Shop.Security
{
    public static class LegacyPasswordHasher
    {
        public static string Hash(string password)
        {
            using var md5 = MD5.Create();
            return Convert.ToHexString(md5.ComputeHash(Encoding.UTF8.GetBytes(password)));
        }

        public static string HashSha1(string password)
        {
            return Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password)));
        }

        public static string HashPbkdf2(string password, byte[] salt)
        {
            var key = Rfc2898DeriveBytes.Pbkdf2(password, salt, 600000, HashAlgorithmName.SHA256, 32);
            return Convert.ToHexString(key);
        }

        public static string ContentId(byte[] body)
        {
            return Convert.ToHexString(MD5.HashData(body));
        }
    }
}
