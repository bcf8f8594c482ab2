import React from "react";

interface Props {
  author: string;
  html: string;
  text: string;
}

export function Comment({ author, html }: Props) {
  return (
    <div className="comment">
      <strong>{author}</strong>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}

export function CommentList({ comments }: { comments: { id: number; author: string; body: string }[] }) {
  return (
    <ul>
      {comments.map((c) => (
        <li key={c.id}>
          <Comment author={c.author} html={c.body} text={c.body} />
        </li>
      ))}
    </ul>
  );
}

export function CommentSafe({ author, text }: Props) {
  return (
    <div className="comment">
      <strong>{author}</strong>
      <p>{text}</p>
    </div>
  );
}
