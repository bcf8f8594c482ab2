using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Controllers
{
    public class GreetingController : Controller
    {
        public IActionResult Hello(string name)
        {
            return Content("<h1>Hello " + name + "</h1>", "text/html");
        }

        public IActionResult HelloSafe(string name)
        {
            return Content("<h1>Hello " + HtmlEncoder.Default.Encode(name) + "</h1>", "text/html");
        }

        public void Legacy()
        {
            Response.ContentType = "text/html";
            Response.WriteAsync("<p>" + Request.Query["msg"] + "</p>");
        }
    }
}
