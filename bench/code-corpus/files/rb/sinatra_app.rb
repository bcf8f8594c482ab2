require "sinatra"

get "/hello" do
  "<h1>Hello #{params[:name]}</h1>"
end

get "/hello_safe" do
  "<h1>Hello #{Rack::Utils.escape_html(params[:name])}</h1>"
end

get "/api/hello" do
  content_type :json
  { greeting: "Hello #{params[:name]}" }.to_json
end
