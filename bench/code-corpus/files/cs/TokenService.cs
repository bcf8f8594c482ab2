using System;
using System.Security.Cryptography;

namespace Shop.Security
{
    public class TokenService
    {
        private static readonly Random Rng = new Random();

        public string CreateResetToken()
        {
            var bytes = new byte[32];
            Rng.NextBytes(bytes);
            return Convert.ToBase64String(bytes);
        }

        public string CreateResetTokenSecure()
        {
            return Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        }

        public int CreateSmsCode()
        {
            return new Random().Next(100000, 999999);
        }

        public int PickShard(int shards)
        {
            return Random.Shared.Next(shards);
        }
    }
}
