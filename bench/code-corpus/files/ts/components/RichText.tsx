import React, { useEffect, useRef } from "react";

type Props = { html: string; plain: string };

export function RichText({ html }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.innerHTML = html;
  }, [html]);
  return <div ref={ref} />;
}

export function PlainText({ plain }: Props) {
  return <div className="plain">{plain}</div>;
}

export function ProfileLink({ url, name }: { url: string; name: string }) {
  return <a href={url}>{name}</a>;
}

export function Page() {
  const params = new URLSearchParams(window.location.search);
  const content = params.get("content") ?? "";
  return (
    <main>
      <RichText html={content} plain={content} />
      <div dangerouslySetInnerHTML={{ __html: params.get("footer") ?? "" }} />
    </main>
  );
}
