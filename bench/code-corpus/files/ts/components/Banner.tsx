const BANNER_HTML = "<strong>Scheduled maintenance</strong> on Sunday 02:00-04:00 UTC";

export function Banner() {
  return <div className="banner" dangerouslySetInnerHTML={{ __html: BANNER_HTML }} />;
}
