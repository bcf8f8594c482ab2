require "open3"
require "shellwords"

class ImageProcessor
  def initialize(path)
    @path = path
  end

  def resize!(geometry)
    cmd = "mogrify -resize #{geometry} #{@path}"
    system(cmd)
  end

  def resize_safe!(geometry)
    system("mogrify -resize #{Shellwords.escape(geometry)} #{Shellwords.escape(@path)}")
  end

  def info
    stdout, _status = Open3.capture2("identify", @path)
    stdout
  end

  def info_legacy
    %x(identify #{@path})
  end
end

class UploadsController < ApplicationController
  def resize
    ImageProcessor.new(params[:path]).resize!(params[:geometry])
    head :ok
  end
end
