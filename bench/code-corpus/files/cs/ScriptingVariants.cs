using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Tools.Controllers
{
    public class ScriptingVariantsController : Controller
    {
        public async Task<IActionResult> Version()
        {
            var v = await CSharpScript.EvaluateAsync<string>("System.Environment.Version.ToString()");
            return Ok(v);
        }

        public async Task<IActionResult> Discount(string formula)
        {
            var options = ScriptOptions.Default.WithImports("System");
            var value = await CSharpScript.EvaluateAsync<decimal>("decimal price = 100m; return " + formula + ";", options);
            return Ok(value);
        }
    }
}
