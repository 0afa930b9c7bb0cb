// Names and types of Copydesk's own messages between the client and the
// server. Compiled into both bundles, so the two sides cannot drift apart.
// Types only and plain constants: no imports from vscode or the server.

/** Server → client notification: the draft's statistics for the status bar. */
export const draftStatusNotification = 'copydesk/draftStatus';

export interface DraftStatus {
  uri: string;
  words: number;
  readingMinutes: number;
  /** Set when Copydesk is not analysing this draft, in plain words. */
  paused?: string;
}
