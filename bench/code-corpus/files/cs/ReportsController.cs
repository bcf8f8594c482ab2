using System.IO;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Controllers
{
    public class ReportsController : Controller
    {
        private readonly string _root = "/srv/reports";

        public IActionResult Get(string year, string file)
        {
            var path = Path.Combine(_root, year, file);
            var stream = System.IO.File.OpenRead(path);
            return File(stream, "application/pdf");
        }

        public IActionResult Upload(Microsoft.AspNetCore.Http.IFormFile upload)
        {
            var dest = Path.Combine(_root, "incoming", Path.GetRandomFileName());
            using var fs = System.IO.File.Create(dest);
            upload.CopyTo(fs);
            return Ok();
        }

        public IActionResult Delete(string name)
        {
            System.IO.File.Delete(_root + "/tmp/" + name);
            return NoContent();
        }
    }
}
