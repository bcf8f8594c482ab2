function renderComments(comments) {
  const list = document.getElementById("comments");
  for (const c of comments) {
    const li = document.createElement("li");
    li.innerHTML = "<b>" + c.author + "</b>: " + c.text;
    list.appendChild(li);
  }
}

function renderCommentsSafe(comments) {
  const list = document.getElementById("comments");
  for (const c of comments) {
    const li = document.createElement("li");
    li.textContent = `${c.author}: ${c.text}`;
    list.appendChild(li);
  }
}

function showGreeting() {
  const name = decodeURIComponent(location.hash.slice(1));
  document.getElementById("greeting").innerHTML = "Hi " + name;
}

function showBanner() {
  document.getElementById("banner").innerHTML = "<strong>Maintenance tonight 22:00 UTC</strong>";
}

fetch("/api/comments").then((r) => r.json()).then(renderComments);
showGreeting();
showBanner();
