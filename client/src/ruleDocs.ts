// "Copydesk: Explain this rule": opens the rule's doc (docs/rules/<rule-id>.md,
// shipped in the extension) as a Markdown preview inside VS Code. The Problems
// panel's rule link runs the same command (the server writes a command: link).
// Without a rule id it explains the finding under the cursor, or asks.

import * as vscode from 'vscode';
import { explainRuleCommand } from '../../server/src/protocol';

const ruleIdPattern = /^[a-z][a-z0-9-]*$/;

function docsFolder(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
}

async function shippedRuleIds(context: vscode.ExtensionContext): Promise<string[]> {
  const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(docsFolder(context))).catch(() => [] as [string, vscode.FileType][]);
  return entries
    .map(([name]) => name)
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -3))
    .sort();
}

function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return diagnostic.source === 'copydesk' && code !== undefined ? String(code) : undefined;
}

/** The rule of the Copydesk finding under the cursor, the nearest first. */
function ruleAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const at = editor.selection.active;
  const here = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => ruleIdOf(d) && d.range.contains(at))
    .sort((a, b) => a.range.start.compareTo(b.range.start));
  return here.length > 0 ? ruleIdOf(here[here.length - 1]) : undefined;
}

export async function explainRule(context: vscode.ExtensionContext, requested?: unknown): Promise<vscode.Uri | undefined> {
  let ruleId = typeof requested === 'string' ? requested : ruleAtCursor();
  const known = await shippedRuleIds(context);
  if (!ruleId) {
    ruleId = await vscode.window.showQuickPick(known, {
      title: 'Explain which Copydesk rule?',
      placeHolder: 'Put the cursor on a finding to skip this question',
    });
    if (!ruleId) return undefined;
  }
  if (!ruleIdPattern.test(ruleId) || !known.includes(ruleId)) {
    void vscode.window.showWarningMessage(`Copydesk has no rule called "${ruleId}".`);
    return undefined;
  }
  const doc = vscode.Uri.joinPath(docsFolder(context), `${ruleId}.md`);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', doc);
  } catch {
    // No Markdown preview (a trimmed-down editor): the doc as text is still readable.
    await vscode.window.showTextDocument(doc, { preview: true });
  }
  return doc;
}

export function registerRuleDocs(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand(explainRuleCommand, (ruleId?: unknown) => explainRule(context, ruleId));
}
