require "base64"
require "oj"

class SessionRestoreController < ApplicationController
  def restore
    state = Base64.decode64 params[:state]
    @session_state = Marshal.load state
    render json: { restored: true }
  end

  def import_settings
    doc = params[:settings]
    @settings = YAML.load doc
    render json: @settings
  end

  def import_settings_safely
    doc = params[:settings]
    @settings = YAML.safe_load doc
    render json: @settings
  end

  def import_profile
    @profile = Oj.load params[:profile]
    render json: @profile
  end

  def import_profile_strict
    @profile = Oj.load params[:profile], mode: :strict
    render json: @profile
  end

  def import_preferences
    @prefs = JSON.parse params[:prefs]
    render json: @prefs
  end
end
