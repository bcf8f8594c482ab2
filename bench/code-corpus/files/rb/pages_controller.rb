class PagesController < ApplicationController
  DOCS_DIR = Rails.root.join("public", "docs").to_s

  def show
    send_file File.join(DOCS_DIR, params[:page])
  end

  PAGES = %w[about.pdf contact.pdf faq.pdf].freeze

  def show_safe
    page = PAGES.include?(params[:page]) ? params[:page] : "about.pdf"
    send_file File.join(DOCS_DIR, page)
  end

  def message
    render html: "<div class='flash'>#{params[:msg]}</div>".html_safe
  end

  def message_safe
    render html: helpers.tag.div(params[:msg], class: "flash")
  end
end
