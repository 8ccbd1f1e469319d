import { pickModelFiles, type PickedModel } from './openFiles';

// What a drop hands over: DataTransferItem.webkitGetAsEntry() gives a file or a folder entry, and a
// folder is read through its reader in batches until one comes back empty. Only the few members used
// here are named, so the tests can walk small fake entries in Node, where FileSystemEntry does not exist.

export interface DroppedFileEntry {
  readonly isFile: true;
  readonly isDirectory: false;
  readonly name: string;
  file(done: (file: File) => void, fail: (error: unknown) => void): void;
}

export interface DroppedDirectoryEntry {
  readonly isFile: false;
  readonly isDirectory: true;
  readonly name: string;
  createReader(): { readEntries(done: (batch: DroppedEntry[]) => void, fail: (error: unknown) => void): void };
}

export type DroppedEntry = DroppedFileEntry | DroppedDirectoryEntry;

const fileOf = (entry: DroppedFileEntry) => new Promise<File>((done, fail) => entry.file(done, fail));

/** A dropped folder's direct children; readEntries gives at most about a hundred at a time, so it is asked until it has none left. */
async function childrenOf(folder: DroppedDirectoryEntry): Promise<DroppedEntry[]> {
  const reader = folder.createReader();
  const children: DroppedEntry[] = [];
  for (;;) {
    const batch = await new Promise<DroppedEntry[]>((done, fail) => reader.readEntries(done, fail));
    if (batch.length === 0) return children;
    children.push(...batch);
  }
}

/** The model files among dropped files and folders; a dropped folder is read one level deep, as the folder picker does. */
export async function filesFromEntries(entries: readonly DroppedEntry[]): Promise<PickedModel> {
  const found: { file: Blob; name: string; path: string }[] = [];
  for (const entry of entries) {
    if (entry.isFile) {
      found.push({ file: await fileOf(entry), name: entry.name, path: entry.name });
      continue;
    }
    for (const child of await childrenOf(entry)) {
      if (child.isFile) found.push({ file: await fileOf(child), name: child.name, path: `${entry.name}/${child.name}` });
    }
  }
  return pickModelFiles(found);
}
