import yaml from "js-yaml";

export function parseManifest(text: string) {
  return yaml.load(text);
}
