import { useEffect, useState } from "react";

export function UserBio({ userId }: { userId: string }) {
  const [bio, setBio] = useState("");
  useEffect(() => {
    fetch(`/api/users/${userId}`).then((r) => r.json()).then((u) => setBio(u.bio));
  }, [userId]);
  return <section dangerouslySetInnerHTML={{ __html: bio }} />;
}

export function UserLink({ url }: { url: string }) {
  const safe = /^https?:\/\//i.test(url) ? url : "#";
  return <a href={safe}>website</a>;
}
