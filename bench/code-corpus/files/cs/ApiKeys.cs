using System;
using Microsoft.Extensions.Configuration;

namespace Shop.Config
{
    public class ApiKeys
    {
        private const string GoogleMapsServerKey = "AIzaSyEXAMPLE-EXAMPLEexampleEXAMPLE01234";

        private readonly IConfiguration _config;

        public ApiKeys(IConfiguration config) => _config = config;

        public string PaymentKey => _config["Payments:ApiKey"];

        public void Dump()
        {
            Console.WriteLine("Payment key: " + PaymentKey);
        }
    }
}
