import type { KeyFileService } from '../../core/key-files/service';
import type { Handlers } from '../dispatch';

/** `progress` hears how far an import is (main sends it to the window as events). */
export function keyFileHandlers(keyFiles: KeyFileService, progress?: (done: number, total: number) => void): Handlers['keyFiles'] {
  return {
    export: ({ id }) => keyFiles.exportFile(id),
    copyHandoffText: ({ id }) => keyFiles.copyHandoffText(id),
    choose: () => keyFiles.chooseFiles(),
    previewImport: ({ candidates }) => keyFiles.preview(candidates),
    import: ({ candidates }) => keyFiles.importKeys(candidates, progress),
  };
}
