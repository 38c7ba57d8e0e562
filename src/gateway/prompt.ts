// Every modal question the gateway actions ask goes through one replaceable function: the in-host tests answer
// it there (a modal cannot be clicked through the API), while the UI check sees the real dialog.
import * as vscode from 'vscode';

export type Prompt = (message: string, detail: string, ...choices: string[]) => Thenable<string | undefined>;

const modal: Prompt = (message, detail, ...choices) => vscode.window.showWarningMessage(message, { modal: true, detail }, ...choices);

let current: Prompt = modal;

export function ask(message: string, detail: string, ...choices: string[]): Thenable<string | undefined> {
  return current(message, detail, ...choices);
}

/** Test-only: replaces the modal; `undefined` puts it back. Reached through the API only in extension test mode. */
export function setPrompt(p: Prompt | undefined): void {
  current = p ?? modal;
}
