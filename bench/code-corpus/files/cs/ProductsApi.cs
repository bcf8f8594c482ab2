using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.SqlClient;

namespace Shop.Api
{
    [ApiController]
    [Route("api/products")]
    public class ProductsApi : ControllerBase
    {
        private readonly SqlConnection _conn;

        public ProductsApi(SqlConnection conn) => _conn = conn;

        private static string Filter(string field, string value) => $"{field} = '{value}'";

        [HttpGet]
        public IActionResult List([FromQuery] string category)
        {
            var sql = "SELECT * FROM Products WHERE " + Filter("Category", category);
            return Ok(_conn.Query(sql));
        }

        [HttpGet("by-brand")]
        public IActionResult ByBrand([FromQuery] string brand)
        {
            return Ok(_conn.Query("SELECT * FROM Products WHERE Brand = @brand", new { brand }));
        }

        [HttpGet("page/{n:int}")]
        public IActionResult Page(int n)
        {
            return Ok(_conn.Query($"SELECT * FROM Products ORDER BY Id OFFSET {n * 20} ROWS FETCH NEXT 20 ROWS ONLY"));
        }
    }
}
