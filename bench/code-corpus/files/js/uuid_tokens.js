const { v4: uuidv4 } = require("uuid");
const { nanoid } = require("nanoid");

function newSession() {
  return uuidv4();
}

function newInvite() {
  return nanoid(21);
}

function newCsrfToken() {
  return (Date.now().toString(36) + Math.random().toString(36).slice(2)).toUpperCase();
}

function shuffle(arr) {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [arr[i], arr[j]] = [arr[j], arr[i]];
  }
  return arr;
}

module.exports = { newSession, newInvite, newCsrfToken, shuffle };
