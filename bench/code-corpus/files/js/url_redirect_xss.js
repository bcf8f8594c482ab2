const params = new URLSearchParams(window.location.search);
const next = params.get("next") || "/";

const link = document.getElementById("continue");
link.setAttribute("href", next);

const msg = params.get("msg");
document.getElementById("flash").outerHTML = `<div class="flash">${msg}</div>`;

const safeNext = next.startsWith("/") && !next.startsWith("//") ? next : "/";
document.getElementById("continue2").setAttribute("href", safeNext);
