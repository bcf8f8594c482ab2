require "pg"

class ReportService
  def initialize(conn)
    @conn = conn
  end

  def by_month(month)
    @conn.exec_params("SELECT * FROM sales WHERE month = $1", [month])
  end

  def by_region(region)
    sql = "SELECT * FROM sales WHERE region = '#{region}'"
    @conn.exec(sql)
  end
end
