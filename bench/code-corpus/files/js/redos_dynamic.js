function highlight(text, query) {
  const re = new RegExp(query, "gi");
  return text.replace(re, (m) => `<mark>${m}</mark>`);
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function highlightSafe(text, query) {
  const re = new RegExp(escapeRegExp(query), "gi");
  return text.replace(re, (m) => `<mark>${m}</mark>`);
}

const TRAILING = /(\s*,\s*)*$/;
function trimCommas(s) {
  return s.replace(TRAILING, "");
}

module.exports = { highlight, highlightSafe, trimCommas };
