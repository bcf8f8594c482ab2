using System.IdentityModel.Tokens.Jwt;
using System.Linq;

namespace Shop.Auth
{
    public static class TokenReader
    {
        public static string UserIdFromHeader(string bearer)
        {
            var token = new JwtSecurityTokenHandler().ReadJwtToken(bearer);
            return token.Claims.First(c => c.Type == "sub").Value;
        }
    }
}
