using System.Data.SqlClient;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Web;

public class LegacyPages
{
    public void Greeting(HttpResponse resp)
    {
        string who = HttpContext.Current.Request.QueryString["who"];
        resp.Write("<h2>Welcome back, " + who + "</h2>");
    }

    public void GreetingEncoded(HttpResponse resp)
    {
        string who = HttpContext.Current.Request.QueryString["who"];
        resp.Write("<h2>Welcome back, " + HttpUtility.HtmlEncode(who) + "</h2>");
    }

    public void RunQueuedJob()
    {
        using (SqlConnection conn = new SqlConnection("Server=db;Database=jobs;Integrated Security=true"))
        {
            conn.Open();
            SqlCommand cmd = new SqlCommand("select script from queue where done = 0", conn);
            using (SqlDataReader reader = cmd.ExecuteReader())
            {
                while (reader.Read())
                {
                    string script = reader.GetString(0);
                    Process.Start("/bin/sh", "-c " + script);
                    int attempts = reader.GetInt32(1);
                    Process.Start("/usr/bin/logger", "attempt " + attempts);
                }
            }
        }
    }

    public string FetchReport(string host)
    {
        using (TcpClient client = new TcpClient(host, 7070))
        using (StreamReader sr = new StreamReader(client.GetStream()))
        {
            string reportName = sr.ReadLine();
            return File.ReadAllText("/var/reports/" + reportName);
        }
    }

    public string FetchReportChecked(string host)
    {
        using (TcpClient client = new TcpClient(host, 7070))
        using (StreamReader sr = new StreamReader(client.GetStream()))
        {
            string reportName = Path.GetFileName(sr.ReadLine());
            return File.ReadAllText(Path.Combine("/var/reports", reportName));
        }
    }
}
