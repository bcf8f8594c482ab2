use fancy_regex::Regex;

pub fn is_repeated_word(s: &str) -> bool {
    let re = Regex::new(r"^(\w+\s?)*$").unwrap();
    re.is_match(s).unwrap_or(false)
}
