using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Ops.Controllers
{
    public class DiagnosticsController : Controller
    {
        public IActionResult Ping(string host)
        {
            var psi = new ProcessStartInfo("cmd.exe", "/c ping -n 1 " + host)
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var p = Process.Start(psi);
            return Content(p.StandardOutput.ReadToEnd());
        }

        public IActionResult PingSafe(string host)
        {
            var psi = new ProcessStartInfo { FileName = "ping", RedirectStandardOutput = true, UseShellExecute = false };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("1");
            psi.ArgumentList.Add(host);
            using var p = Process.Start(psi);
            return Content(p.StandardOutput.ReadToEnd());
        }

        public IActionResult Trace(string host)
        {
            Process.Start("/bin/bash", $"-c \"traceroute {host}\"");
            return Ok();
        }
    }
}
