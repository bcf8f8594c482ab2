using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shop.Pages
{
    public class ProfileModel : PageModel
    {
        public IHtmlContent Bio { get; private set; }

        public void OnGet(string bio)
        {
            Bio = new HtmlString("<div class=\"bio\">" + bio + "</div>");
        }
    }
}
