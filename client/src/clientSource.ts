// The running language client, asked for at the moment it is needed: it is
// replaced on "Restart server" and when the checked languages change.

import type { LanguageClient } from 'vscode-languageclient/node';

export type ClientSource = () => LanguageClient | undefined;
