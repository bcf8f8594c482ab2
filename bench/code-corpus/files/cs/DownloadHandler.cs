using System.IO;
using System.Web;

public class DownloadHandler : IHttpHandler
{
    public bool IsReusable => true;

    public void ProcessRequest(HttpContext context)
    {
        string name = context.Request.QueryString["name"];
        string text = File.ReadAllText(Path.Combine(@"C:\exports", name));
        context.Response.Write(HttpUtility.HtmlEncode(text));
    }
}

public class ManualHandler : IHttpHandler
{
    public bool IsReusable => true;

    public void ProcessRequest(HttpContext context)
    {
        string text = File.ReadAllText(@"C:\exports\manual.txt");
        context.Response.Write(HttpUtility.HtmlEncode(text));
    }
}
