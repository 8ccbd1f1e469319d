import { describe, expect, it } from 'vitest';
import { filesFromEntries, type DroppedDirectoryEntry, type DroppedEntry, type DroppedFileEntry } from '../src/app/model/droppedEntries';
import { MODEL_FILES } from '../src/app/model/openFiles';

// Dropping a whole folder. Playwright can drop files on a page (e2e/open-model.e2e.ts does), but only
// through a DataTransfer made by script, and DataTransfer.items.add takes files and strings, never a
// folder: no browser test can make Chromium hand over a directory entry. So the walk over a dropped
// folder's entries is tested here, on fake entries shaped like FileSystemFileEntry and FileSystemDirectoryEntry.

function fileEntry(name: string, text = name): DroppedFileEntry {
  return { isFile: true, isDirectory: false, name, file: (done) => done(new File([text], name)) };
}

/** A folder whose reader hands its children out `batchSize` at a time, as Chromium's gives at most 100. */
function folderEntry(name: string, children: DroppedEntry[], batchSize = 2): DroppedDirectoryEntry {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      let next = 0;
      return {
        readEntries: (done) => {
          const batch = children.slice(next, next + batchSize);
          next += batch.length;
          setTimeout(() => done(batch), 0);
        },
      };
    },
  };
}

const modelFiles = () => MODEL_FILES.map((name) => fileEntry(name, `contents of ${name}`));

describe('filesFromEntries', () => {
  it('finds the four files in a dropped folder, across several reader batches, and names the folder', async () => {
    const picked = await filesFromEntries([folderEntry('gpt2', [fileEntry('README.md'), ...modelFiles()])]);
    expect(picked.folder).toBe('gpt2');
    expect(Object.keys(picked.files).sort()).toEqual([...MODEL_FILES].sort());
    expect(await (picked.files['config.json'] as File).text()).toBe('contents of config.json');
  });

  it('takes the four files dropped without a folder', async () => {
    const picked = await filesFromEntries(modelFiles());
    expect(picked.folder).toBeNull();
    expect(Object.keys(picked.files).sort()).toEqual([...MODEL_FILES].sort());
  });

  it('does not look into folders inside the dropped folder', async () => {
    const picked = await filesFromEntries([folderEntry('models', [folderEntry('gpt2', modelFiles()), fileEntry('vocab.json')])]);
    expect(Object.keys(picked.files)).toEqual(['vocab.json']);
  });

  it('passes on a file that cannot be read', async () => {
    const broken: DroppedFileEntry = { isFile: true, isDirectory: false, name: 'config.json', file: (_, fail) => fail(new Error('gone')) };
    await expect(filesFromEntries([folderEntry('gpt2', [broken])])).rejects.toThrow('gone');
  });
});
