using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Shop.Controllers
{
    public class AccountController : Controller
    {
        private readonly ILogger<AccountController> _logger;

        public AccountController(ILogger<AccountController> logger) => _logger = logger;

        [HttpPost]
        public IActionResult Login(string username, string password)
        {
            _logger.LogInformation("Login attempt {User} with password {Password}", username, password);
            return Ok();
        }

        [HttpPost]
        public IActionResult LoginV2(string username, string password)
        {
            _logger.LogInformation("Login attempt {User}", username);
            return Ok();
        }

        public void OnKeyRotated(string apiKey)
        {
            System.Console.WriteLine($"New API key: {apiKey}");
        }
    }
}
