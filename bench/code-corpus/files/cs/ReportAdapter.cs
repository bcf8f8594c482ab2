using System.Data;
using System.Data.SqlClient;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Controllers
{
    public class ReportAdapterController : Controller
    {
        private readonly SqlConnection _conn;

        public ReportAdapterController(SqlConnection conn) => _conn = conn;

        public IActionResult Region(string region)
        {
            var adapter = new SqlDataAdapter("SELECT * FROM Sales WHERE Region = '" + region + "'", _conn);
            var table = new DataTable();
            adapter.Fill(table);
            return Ok(table.Rows.Count);
        }
    }
}
