using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Controllers
{
    public class TemplateController : Controller
    {
        public IActionResult Find(string text, string pattern)
        {
            var hits = Regex.Matches(text, pattern);
            return Ok(hits.Count);
        }

        public IActionResult FindBounded(string text, string pattern)
        {
            var hits = Regex.Matches(text, Regex.Escape(pattern), RegexOptions.None, System.TimeSpan.FromMilliseconds(100));
            return Ok(hits.Count);
        }
    }
}
