require "base64"
require "json"
require "yaml"

class SessionRestoreController < ApplicationController
  def restore
    data = Marshal.load(Base64.decode64(cookies[:state]))
    render json: { keys: data.keys }
  end

  def restore_json
    data = JSON.parse(Base64.decode64(cookies[:state]))
    render json: { keys: data.keys }
  end

  def import_yaml
    config = YAML.unsafe_load(request.body.read)
    render json: config
  end

  def import_yaml_safe
    config = YAML.safe_load(request.body.read, permitted_classes: [Date])
    render json: config
  end
end
