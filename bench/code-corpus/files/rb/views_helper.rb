module CommentsHelper
  def render_bio(user)
    raw("<div class='bio'>#{user.bio}</div>")
  end

  def render_bio_safe(user)
    content_tag(:div, user.bio, class: "bio")
  end

  def highlight_term(term)
    "<mark>#{term}</mark>".html_safe
  end

  def highlight_term_safe(term)
    "<mark>#{ERB::Util.html_escape(term)}</mark>".html_safe
  end
end
