using System.Linq;
using Microsoft.EntityFrameworkCore;

namespace Shop.Data
{
    public class OrderRepository
    {
        private readonly ShopContext _db;

        public OrderRepository(ShopContext db) => _db = db;

        public IQueryable<Order> ByStatus(string status) =>
            _db.Orders.FromSqlRaw("SELECT * FROM Orders WHERE Status = '" + status + "'");

        public IQueryable<Order> ByStatusSafe(string status) =>
            _db.Orders.FromSqlInterpolated($"SELECT * FROM Orders WHERE Status = {status}");

        public IQueryable<Order> ByCustomer(string customer) =>
            _db.Orders.FromSqlRaw("SELECT * FROM Orders WHERE Customer = {0}", customer);

        public int Purge(string before) =>
            _db.Database.ExecuteSqlRaw($"DELETE FROM Orders WHERE CreatedAt < '{before}'");
    }
}

namespace Shop.Controllers
{
    public class OrdersController : Microsoft.AspNetCore.Mvc.Controller
    {
        private readonly Shop.Data.OrderRepository _repo;

        public OrdersController(Shop.Data.OrderRepository repo) => _repo = repo;

        public Microsoft.AspNetCore.Mvc.IActionResult Index(string status) => Ok(_repo.ByStatus(status));

        public Microsoft.AspNetCore.Mvc.IActionResult Purge(string before) => Ok(_repo.Purge(before));
    }
}
