const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const CSS_COLOR = /^#([0-9a-f]{3}){1,2}$/i;

const MARKDOWN_LINK = /\[([^\[\]]*)\]\(([^()\s]*)\)/g;

const REPEATED = /^(a+)+$/;

const WORDS = /^([a-z]+\s*)+$/i;

module.exports = { DATE, CSS_COLOR, MARKDOWN_LINK, REPEATED, WORDS };
