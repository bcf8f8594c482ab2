export function toast(message: string): void {
  const el = document.createElement("div");
  el.className = "toast";
  el.textContent = message;
  document.body.appendChild(el);
}

export function toastHtml(message: string): void {
  document.body.insertAdjacentHTML("beforeend", `<div class="toast">${message}</div>`);
}

const msg = new URLSearchParams(location.search).get("msg");
if (msg) {
  toast(msg);
  toastHtml(msg);
}
