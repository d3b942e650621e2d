import type { KeyFileService } from '../../core/key-files/service';
import type { Handlers } from '../dispatch';

type KeyFileHandlers = Pick<Handlers, 'exportAccessKeyFile' | 'copyAccessKeyHandoffText' | 'chooseKeyFiles' | 'previewKeyImport' | 'importKeys'>;

export function keyFileHandlers(keyFiles: KeyFileService): KeyFileHandlers {
  return {
    exportAccessKeyFile: ({ id }) => keyFiles.exportFile(id),
    copyAccessKeyHandoffText: ({ id }) => keyFiles.copyHandoffText(id),
    chooseKeyFiles: () => keyFiles.chooseFiles(),
    previewKeyImport: ({ candidates }) => keyFiles.preview(candidates),
    importKeys: ({ candidates }) => keyFiles.importKeys(candidates),
  };
}
