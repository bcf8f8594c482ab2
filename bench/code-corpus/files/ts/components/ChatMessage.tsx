import DOMPurify from "isomorphic-dompurify";

interface Message {
  id: string;
  author: string;
  body: string;
}

export function ChatMessage({ msg }: { msg: Message }) {
  return (
    <li>
      <span className="author">{msg.author}</span>
      <span className="body" dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(msg.body) }} />
    </li>
  );
}

export function ChatMessageLegacy({ msg }: { msg: Message }) {
  return (
    <li>
      <span className="author">{msg.author}</span>
      <span className="body" dangerouslySetInnerHTML={{ __html: msg.body.replace(/\n/g, "<br/>") }} />
    </li>
  );
}
