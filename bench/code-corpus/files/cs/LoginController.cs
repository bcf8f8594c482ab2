using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Shop.Controllers
{
    public class LoginController : Controller
    {
        private readonly ILogger<LoginController> _log;

        public LoginController(ILogger<LoginController> log) => _log = log;

        [HttpPost]
        public IActionResult Login(string email, string password)
        {
            _log.LogDebug($"Login {email} / {password}");
            var hash = Convert.ToBase64String(SHA1.Create().ComputeHash(Encoding.UTF8.GetBytes(password)));
            var ok = Users.Check(email, hash);
            if (!ok)
            {
                _log.LogWarning("Failed login for {Email}", email);
                return Unauthorized();
            }
            var sessionToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            Response.Cookies.Append("session", sessionToken);
            return Ok();
        }
    }

    static class Users
    {
        public static bool Check(string email, string hash) => false;
    }
}
