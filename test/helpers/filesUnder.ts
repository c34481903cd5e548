import { join } from 'node:path';
import { walkFiles } from '../../server/src/model/workspaceFiles';
import { folderEntries } from '../../server/src/node/fileWorkspace';

/** Every file under a folder of the repository (none when it does not exist), found by pydeploy's one folder walk. */
export function filesUnder(folder: string): string[] {
  return walkFiles(folder, { list: folderEntries, join });
}
