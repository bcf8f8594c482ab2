using System.Data.SqlClient;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Controllers
{
    [ApiController]
    [Route("api/users")]
    public class UsersController : ControllerBase
    {
        private readonly string _connString;

        public UsersController(IConfiguration config)
        {
            _connString = config.GetConnectionString("Default");
        }

        [HttpGet("search")]
        public IActionResult Search(string name)
        {
            using var conn = new SqlConnection(_connString);
            conn.Open();
            var cmd = new SqlCommand("SELECT Id, Name FROM Users WHERE Name = '" + name + "'", conn);
            using var reader = cmd.ExecuteReader();
            return Ok(reader.HasRows);
        }

        [HttpGet("{id}")]
        public IActionResult Get(string id)
        {
            using var conn = new SqlConnection(_connString);
            conn.Open();
            var cmd = new SqlCommand("SELECT Id, Name FROM Users WHERE Id = @id", conn);
            cmd.Parameters.AddWithValue("@id", id);
            using var reader = cmd.ExecuteReader();
            return Ok(reader.HasRows);
        }

        [HttpDelete("{id}")]
        public IActionResult Delete(string id)
        {
            using var conn = new SqlConnection(_connString);
            conn.Open();
            var cmd = conn.CreateCommand();
            cmd.CommandText = $"DELETE FROM Users WHERE Id = {id}";
            cmd.ExecuteNonQuery();
            return NoContent();
        }
    }
}
