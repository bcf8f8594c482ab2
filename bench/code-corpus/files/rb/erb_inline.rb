require "erb"

class ReportRenderer
  def render_title(title)
    ERB.new("<h1><%= title %></h1>").result(binding)
  end

  def render_title_safe(title)
    ERB.new("<h1><%= ERB::Util.h(title) %></h1>").result(binding)
  end

  def render_user_template(source)
    ERB.new(source).result(binding)
  end
end

get "/report" do
  r = ReportRenderer.new
  r.render_title(params[:title]) + r.render_user_template(params[:tpl])
end
