using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using System.Net;

namespace Shop.Web
{
    public static class RazorHelpers
    {
        public static IHtmlContent Highlight(this IHtmlHelper html, string term)
        {
            return html.Raw("<mark>" + term + "</mark>");
        }

        public static IHtmlContent HighlightSafe(this IHtmlHelper html, string term)
        {
            return html.Raw("<mark>" + WebUtility.HtmlEncode(term) + "</mark>");
        }
    }
}
