using System.IO;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Controllers
{
    public class FilesController : Controller
    {
        private const string Root = "/var/app/files";

        public IActionResult Download(string name)
        {
            var path = Path.Combine(Root, name);
            return PhysicalFile(path, "application/octet-stream");
        }

        public IActionResult DownloadSafe(string name)
        {
            var path = Path.Combine(Root, Path.GetFileName(name));
            return PhysicalFile(path, "application/octet-stream");
        }

        public IActionResult Read(string name)
        {
            return Content(System.IO.File.ReadAllText(Root + "/" + name));
        }

        public IActionResult ReadChecked(string name)
        {
            var full = Path.GetFullPath(Path.Combine(Root, name));
            if (!full.StartsWith(Root + Path.DirectorySeparatorChar))
                return BadRequest();
            return Content(System.IO.File.ReadAllText(full));
        }
    }
}
