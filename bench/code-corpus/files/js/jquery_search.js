$(function () {
  const params = new URLSearchParams(window.location.search);
  const term = params.get("term");
  $("#title").html("Search: " + term);
  $("#count").text("0 results");

  $("#subtitle").text("Search: " + term);

  document.write("<p>You searched for " + term + "</p>");
});
