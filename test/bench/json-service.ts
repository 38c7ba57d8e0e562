// VS Code's JSON language service, the bench's anchor: set up on a schema, then its first validation of a text.
// This file is also the child process the bench times from spawn (node json-service.js SCHEMA DOC), so that child
// loads the JSON service and nothing of ours.
import { readFileSync } from 'node:fs';
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** The number of problems the JSON service reports on its first validation of `text` against `schema`. */
export async function jsonServiceFirstValidation(schema: unknown, text: string): Promise<number> {
  const ls = getLanguageService({});
  ls.configure({ validate: true, allowComments: false, schemas: [{ uri: 'openclaw://cli-schema.json', fileMatch: ['*'], schema: schema as object }] });
  const doc = TextDocument.create('file:///bench/openclaw.json', 'json', 1, text);
  return (await ls.doValidation(doc, ls.parseJSONDocument(doc))).length;
}

if (require.main === module) {
  const [schemaFile, docFile] = process.argv.slice(2);
  void jsonServiceFirstValidation(JSON.parse(readFileSync(schemaFile, 'utf8')), readFileSync(docFile, 'utf8')).then((problems) => {
    process.stdout.write(JSON.stringify({ problems, rssMb: process.memoryUsage().rss / 1024 / 1024 }));
  });
}
