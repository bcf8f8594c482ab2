import DOMPurify from "dompurify";
import { marked } from "marked";

export function Markdown({ source }: { source: string }) {
  const clean = DOMPurify.sanitize(marked.parse(source) as string);
  return <article dangerouslySetInnerHTML={{ __html: clean }} />;
}

export function MarkdownUnsafe({ source }: { source: string }) {
  return <article dangerouslySetInnerHTML={{ __html: marked.parse(source) as string }} />;
}
