using System;
using System.IO;
using System.Runtime.Serialization.Formatters.Binary;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json;

namespace Shop.Controllers
{
    public class StateController : Controller
    {
        [HttpPost]
        public IActionResult Restore(string state)
        {
            var formatter = new BinaryFormatter();
            using var ms = new MemoryStream(Convert.FromBase64String(state));
            var obj = formatter.Deserialize(ms);
            return Ok(obj.ToString());
        }

        [HttpPost]
        public IActionResult RestoreJson(string state)
        {
            var obj = System.Text.Json.JsonSerializer.Deserialize<CartState>(state);
            return Ok(obj);
        }

        [HttpPost]
        public IActionResult RestoreTyped(string state)
        {
            var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All };
            var obj = JsonConvert.DeserializeObject(state, settings);
            return Ok(obj);
        }
    }

    public class CartState
    {
        public string[] Items { get; set; }
    }
}
