using System.IO;
using System.Runtime.Serialization;
using System.Web.Script.Serialization;
using System.Xml.Serialization;

namespace Shop.Import
{
    public class XmlImport
    {
        public object ImportNetData(Stream body)
        {
            var ser = new NetDataContractSerializer();
            return ser.Deserialize(body);
        }

        public Order ImportOrder(Stream body)
        {
            var ser = new XmlSerializer(typeof(Order));
            return (Order)ser.Deserialize(body);
        }

        public object ImportJs(string json)
        {
            var ser = new JavaScriptSerializer(new SimpleTypeResolver());
            return ser.DeserializeObject(json);
        }
    }

    public class Order
    {
        public string Id { get; set; }
    }
}
