using System.Net;
using System.Net.Http;

namespace Shop.Integrations
{
    public static class PartnerClient
    {
        public static HttpClient CreateInsecure()
        {
            var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => true,
            };
            return new HttpClient(handler);
        }

        public static HttpClient CreateInsecure2()
        {
            var handler = new HttpClientHandler();
            handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
            return new HttpClient(handler);
        }

        public static void DisableGlobally()
        {
            ServicePointManager.ServerCertificateValidationCallback += (sender, cert, chain, errors) => true;
        }

        public static HttpClient Create()
        {
            var handler = new HttpClientHandler { CheckCertificateRevocationList = true };
            return new HttpClient(handler);
        }
    }
}
