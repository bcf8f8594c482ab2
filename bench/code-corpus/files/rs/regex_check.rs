use regex::Regex;

pub fn is_valid_tag_list(s: &str) -> bool {
    let re = Regex::new(r"^(\w+,?)+$").unwrap();
    re.is_match(s)
}
