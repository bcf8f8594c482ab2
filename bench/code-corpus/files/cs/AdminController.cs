using System.Data.SqlClient;
using System.Diagnostics;
using System.IO;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Controllers
{
    public class AdminController : Controller
    {
        private readonly SqlConnection _conn = new SqlConnection("Server=db;Database=shop;User Id=admin;Password=correct-horse-battery-staple;");

        public IActionResult Users(string role)
        {
            var cmd = new SqlCommand($"SELECT * FROM Users WHERE Role = '{role}'", _conn);
            return Json(cmd.ExecuteScalar());
        }

        public IActionResult Logs(string file)
        {
            return Content(System.IO.File.ReadAllText(Path.Combine("/var/log/shop", file)));
        }

        public IActionResult Nslookup(string host)
        {
            var p = Process.Start(new ProcessStartInfo("/bin/sh", "-c \"nslookup " + host + "\"") { RedirectStandardOutput = true });
            return Content(p.StandardOutput.ReadToEnd());
        }

        public IActionResult Banner(string text)
        {
            return Content($"<div class='banner'>{text}</div>", "text/html");
        }
    }
}
