import { useEffect, useRef } from "react";
import { useSearchParams } from "react-router-dom";

export default function SearchPage() {
  const [params] = useSearchParams();
  const ref = useRef<HTMLDivElement>(null);
  const q = params.get("q") ?? "";

  useEffect(() => {
    if (ref.current) {
      ref.current.innerHTML = `Showing results for <em>${q}</em>`;
    }
  }, [q]);

  return (
    <section>
      <h1>Search</h1>
      <div ref={ref} />
      <a href={`/search?q=${encodeURIComponent(q)}`}>permalink</a>
    </section>
  );
}
