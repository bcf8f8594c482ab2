class DownloadsController < ApplicationController
  BASE = Rails.root.join("storage", "exports")

  def show
    send_file Rails.root.join("storage", "exports", params[:file])
  end

  def show_safe
    name = File.basename(params[:file].to_s)
    send_file BASE.join(name)
  end

  def preview
    render plain: File.read("/var/app/docs/#{params[:doc]}")
  end

  def preview_checked
    path = File.expand_path(params[:doc].to_s, BASE.to_s)
    return head(:bad_request) unless path.start_with?(BASE.to_s + "/")
    render plain: File.read(path)
  end
end
