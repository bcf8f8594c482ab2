const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

const HTML_TAG = /<([a-z]+)([^<]+)*(?:>(.*)<\/\1>|\s+\/>)/;

function stripTags(html) {
  return html.replace(HTML_TAG, "");
}

function isSemver(v) {
  return SEMVER.test(v);
}

function splitWords(s) {
  return s.split(/\s+/);
}

module.exports = { stripTags, isSemver, splitWords };
