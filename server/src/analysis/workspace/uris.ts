// Drafts are known by URI in the index; these name them for people.

/** The URI without its query or fragment (a search, not a regex: see test/unit/regex-safety.test.ts). */
function pathPart(uri: string): string {
  const cut = uri.search(/[?#]/);
  return cut < 0 ? uri : uri.slice(0, cut);
}

/** The last path segment of a URI, decoded: "zoning-vote.md". */
export function draftName(uri: string): string {
  const path = pathPart(uri);
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The URI of the folder holding a draft. */
export function folderOf(uri: string): string {
  const path = pathPart(uri);
  return path.slice(0, path.lastIndexOf('/'));
}
