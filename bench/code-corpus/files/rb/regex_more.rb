class LinkParser
  URL = %r{\A(https?://)?([\da-z.-]+)\.([a-z.]{2,6})([/\w .-]*)*/?\z}

  SLUG = /\A[a-z0-9]+(?:-[a-z0-9]+)*\z/

  def url?(s)
    URL.match?(s)
  end
end
