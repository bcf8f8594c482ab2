module Validators
  EMAIL = /\A([a-z0-9]+[._-]?)*[a-z0-9]+@[a-z0-9-]+\.[a-z]+\z/i

  HEX_COLOR = /\A#\h{6}\z/

  def self.email?(s)
    EMAIL.match?(s)
  end

  def self.color?(s)
    HEX_COLOR.match?(s)
  end

  def self.tags?(s)
    s.match?(/\A(\w+,?)+\z/)
  end
end
