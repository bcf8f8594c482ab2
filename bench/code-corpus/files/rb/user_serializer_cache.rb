require "yaml"

class PreferencesController < ApplicationController
  def import
    prefs = YAML.load(params[:prefs_yaml], permitted_classes: [Symbol])
    current_user.update!(preferences: prefs)
    head :ok
  end

  def import_legacy
    prefs = Marshal.load(params[:blob].unpack1("m"))
    current_user.update!(preferences: prefs)
    head :ok
  end

  def import_oj
    prefs = Oj.load(request.raw_post, mode: :object)
    current_user.update!(preferences: prefs)
    head :ok
  end
end
