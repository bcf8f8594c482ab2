using System;
using System.Data.SqlClient;
using System.Web.UI;

public partial class ProductSearch : Page
{
    protected void SearchButton_Click(object sender, EventArgs e)
    {
        using (var conn = new SqlConnection(Config.ConnectionString))
        {
            var sql = "SELECT id, name FROM products WHERE name LIKE '%" + searchTextBox.Text + "%'";
            var cmd = new SqlCommand(sql, conn);
            conn.Open();
            resultsGrid.DataSource = cmd.ExecuteReader();
            resultsGrid.DataBind();
        }
    }

    protected void ExactButton_Click(object sender, EventArgs e)
    {
        using (var conn = new SqlConnection(Config.ConnectionString))
        {
            var cmd = new SqlCommand("SELECT id, name FROM products WHERE name = @name", conn);
            cmd.Parameters.AddWithValue("@name", searchTextBox.Text);
            conn.Open();
            resultsGrid.DataSource = cmd.ExecuteReader();
            resultsGrid.DataBind();
        }
    }
}
