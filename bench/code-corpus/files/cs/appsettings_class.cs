namespace Shop.Config
{
    public static class Secrets
    {
        public const string SendGridKey = "SG.EXAMPLEexampleEXAMPLE.exampleEXAMPLEexampleEXAMPLEexample0123";
        public const string SenderAddress = "noreply@example.com";
        public const string ConnectionString = "Server=db;Database=shop;User Id=sa;Password=hunter2hunter2!;";
    }

    public static class EnvSecrets
    {
        public static string SendGridKey => System.Environment.GetEnvironmentVariable("SENDGRID_KEY");
    }
}
