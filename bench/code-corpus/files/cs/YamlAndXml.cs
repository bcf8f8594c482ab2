using System.IO;
using System.Xml;
using Newtonsoft.Json;

namespace Shop.Import
{
    public class Importer
    {
        public object FromJson(string body)
        {
            return JsonConvert.DeserializeObject(body, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto });
        }

        public Order FromJsonSafe(string body)
        {
            return JsonConvert.DeserializeObject<Order>(body);
        }

        public object FromLos(string body)
        {
            var los = new System.Web.UI.LosFormatter();
            return los.Deserialize(body);
        }
    }

    public class Order
    {
        public string Id { get; set; }
    }
}
