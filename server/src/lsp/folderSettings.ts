import type { Connection } from 'vscode-languageserver/node';
import type { AnalysisSettings } from '../features/analysis';
import { readSettings } from '../features/settings';

/**
 * Settings per workspace folder (`pydeploy.*` is resource-scoped, so two folders may differ), asked with
 * workspace/configuration once and kept until the client says they changed.
 */
export class FolderSettings {
  /** What the client pushed (initializationOptions, didChangeConfiguration): used when it cannot be asked per folder. */
  pushed: AnalysisSettings = {};
  /** Whether the client answers workspace/configuration. */
  pullConfiguration = false;
  /** The workspace folders' URIs: a document's settings are its innermost folder's. */
  folderUris: string[] = [];
  private readonly askedByFolder = new Map<string, Promise<AnalysisSettings>>();

  constructor(private readonly connection: Connection) {}

  /** The settings that hold for a document or folder: its folder's, or the pushed ones when the client can't be asked. */
  for(uri: string): Promise<AnalysisSettings> {
    if (!this.pullConfiguration) return Promise.resolve(this.pushed);
    const folder = this.folderOf(uri);
    const key = folder ?? '';
    let cached = this.askedByFolder.get(key);
    if (!cached) {
      cached = this.connection.workspace
        .getConfiguration({ scopeUri: folder ?? uri, section: 'pydeploy' })
        .then(readSettings, (error: unknown) => {
          console.error(`pydeploy: workspace/configuration failed, using the settings sent at start: ${String(error)}`);
          return this.pushed;
        });
      this.askedByFolder.set(key, cached);
    }
    return cached;
  }

  /** The client said the settings (or the folders) changed: each folder is asked again. */
  forget(): void {
    this.askedByFolder.clear();
  }

  private folderOf(uri: string): string | undefined {
    return this.folderUris.filter((folder) => uri === folder || uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`)).sort((a, b) => b.length - a.length)[0];
  }
}
