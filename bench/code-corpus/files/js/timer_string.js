function scheduleCallback(name, delayMs) {
  setTimeout("window." + name + "()", delayMs);
}

function scheduleSafe(fn, delayMs) {
  setTimeout(fn, delayMs);
}

window.addEventListener("load", () => {
  const params = new URLSearchParams(location.search);
  scheduleCallback(params.get("cb"), 100);
});
