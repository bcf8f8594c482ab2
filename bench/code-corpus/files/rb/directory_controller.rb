class DirectoryController < ApplicationController
  SORTABLE = %w(name email created_at)

  def index
    sort = params[:sort]
    if %w(name email created_at).include? sort
      @people = Person.order("#{sort} ASC")
    else
      @people = Person.order(:name)
    end
  end

  def search
    sort = params[:sort]
    @people = Person.order("#{sort} ASC")
  end

  def widget
    kind = params[:kind]
    @widget = Object.const_get(kind).new(current_user)
  end

  def export
    format = params[:format_name]
    @data = ExportService.new.send("export_#{format}")
  end
end
