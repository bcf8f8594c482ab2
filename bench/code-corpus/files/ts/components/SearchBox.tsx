import { useState } from "react";

export function SearchBox() {
  const [q, setQ] = useState(new URLSearchParams(window.location.search).get("q") ?? "");
  return (
    <form>
      <input value={q} onChange={(e) => setQ(e.target.value)} />
      <p>Results for: {q}</p>
      <hr />
      <iframe srcDoc={`<p>${q}</p>`} />
    </form>
  );
}
