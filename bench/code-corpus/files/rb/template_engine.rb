class TemplateEngine
  def render(template, binding_obj)
    binding_obj.instance_eval(template)
  end
end

get "/preview" do
  TemplateEngine.new.render(params[:tpl], Object.new)
end
