// The one version number, taken from package.json (esbuild inlines only this
// field), shown by `copydesk --version`, `copydesk-language-server --version`,
// the server's serverInfo and the SARIF tool description.
import { version as packageVersion } from '../../package.json';

export const version: string = packageVersion;
