using System;
using System.Security.Cryptography;
using System.Text;

public class LegacyTokenHasher
{
    public string HashResetToken(string token)
    {
        using var algorithm = HashAlgorithm.Create("MD5");
        return Convert.ToHexString(algorithm.ComputeHash(Encoding.UTF8.GetBytes(token)));
    }

    public string HashResetTokenStrong(string token)
    {
        using var algorithm = HashAlgorithm.Create("SHA256");
        return Convert.ToHexString(algorithm.ComputeHash(Encoding.UTF8.GetBytes(token)));
    }
}
