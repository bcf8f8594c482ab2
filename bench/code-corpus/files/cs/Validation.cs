using System.Text.RegularExpressions;

namespace Shop.Validation
{
    public static class Validators
    {
        private static readonly Regex Email = new Regex(@"^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$");

        private static readonly Regex Sku = new Regex(@"^[A-Z]{3}-\d{4}$", RegexOptions.Compiled);

        public static bool IsEmail(string s) => Email.IsMatch(s);
        public static bool IsSku(string s) => Sku.IsMatch(s);

        public static bool IsNumberList(string s) => Regex.IsMatch(s, @"^(\d+\s?)+$");
    }
}
