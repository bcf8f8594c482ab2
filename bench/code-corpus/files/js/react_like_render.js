function renderUserCard(user) {
  const card = document.createElement("div");
  card.className = "card";
  card.innerHTML = `
    <h3>${user.displayName}</h3>
    <p>${user.bio}</p>
  `;
  return card;
}

function renderUserCardSafe(user) {
  const card = document.createElement("div");
  card.className = "card";
  const h3 = document.createElement("h3");
  h3.textContent = user.displayName;
  const p = document.createElement("p");
  p.innerText = user.bio;
  card.append(h3, p);
  return card;
}

async function loadProfiles() {
  const res = await fetch("/api/profiles");
  const list = await res.json();
  list.forEach((u) => document.body.appendChild(renderUserCard(u)));
}

loadProfiles();
