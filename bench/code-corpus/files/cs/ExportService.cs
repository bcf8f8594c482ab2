using System.Diagnostics;

namespace Shop.Services
{
    public class ExportService
    {
        public void Export(string table, string file)
        {
            var p = new Process();
            p.StartInfo.FileName = "/bin/sh";
            p.StartInfo.Arguments = "-c \"sqlcmd -Q 'SELECT * FROM " + table + "' -o " + file + "\"";
            p.Start();
        }

        public void ExportSafe(string file)
        {
            var psi = new ProcessStartInfo("sqlcmd") { UseShellExecute = false };
            psi.ArgumentList.Add("-Q");
            psi.ArgumentList.Add("SELECT * FROM Orders");
            psi.ArgumentList.Add("-o");
            psi.ArgumentList.Add(file);
            Process.Start(psi);
        }
    }
}

namespace Shop.Controllers
{
    public class ExportController : Microsoft.AspNetCore.Mvc.Controller
    {
        public Microsoft.AspNetCore.Mvc.IActionResult Run(string table, string file)
        {
            new Shop.Services.ExportService().Export(table, file);
            return Ok();
        }
    }
}
