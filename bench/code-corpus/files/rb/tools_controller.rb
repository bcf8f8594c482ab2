require "open3"

class ToolsController < ApplicationController
  def ping
    output = `ping -c 1 #{params[:host]}`
    render plain: output
  end

  def ping_safe
    output, _status = Open3.capture2("ping", "-c", "1", params[:host])
    render plain: output
  end

  def archive
    system("tar czf /tmp/export.tgz #{params[:dir]}")
    head :ok
  end

  def archive_safe
    system("tar", "czf", "/tmp/export.tgz", "--", params[:dir])
    head :ok
  end

  def lookup
    out = IO.popen("nslookup " + params[:domain]).read
    render plain: out
  end
end
