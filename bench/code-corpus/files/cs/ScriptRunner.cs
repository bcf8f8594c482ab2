using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.CodeAnalysis.CSharp.Scripting;

namespace Tools.Controllers
{
    public class ScriptRunnerController : Controller
    {
        [HttpPost]
        public async Task<IActionResult> Run([FromBody] string code)
        {
            var result = await CSharpScript.EvaluateAsync(code);
            return Ok(result);
        }
    }
}
