require "securerandom"

module TokensMore
  def self.password_reset
    (0...20).map { ("a".."z").to_a[Kernel.rand(26)] }.join
  end

  def self.magic_link
    SecureRandom.hex(32)
  end

  def self.quiz_order(questions)
    questions.shuffle(random: Random.new)
  end
end
