using System;
using System.Net.Http;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Shop.Safe
{
    public class SafeVariants
    {
        private const string PasswordFieldName = "password";

        public byte[] Seal(byte[] key, byte[] data, byte[] tag)
        {
            var nonce = RandomNumberGenerator.GetBytes(12);
            var ct = new byte[data.Length];
            using var c = new ChaCha20Poly1305(key);
            c.Encrypt(nonce, data, ct, tag);
            return ct;
        }

        public string Etag(byte[] body) => Convert.ToHexString(SHA256.HashData(body));

        public HttpClient Client() => new HttpClient(new HttpClientHandler());

        public void LogLogin(ILogger log, string user) => log.LogInformation("login {User}", user);

        public int Dice() => Random.Shared.Next(1, 7);
    }
}
