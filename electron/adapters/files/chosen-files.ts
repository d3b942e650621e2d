import type { ChosenFiles } from '../../core/ports/chosen-files';
import { readChosenFile } from './read-chosen-file';
import { writeChosenFile } from './write-chosen-file';

/** The file adapter behind core's ChosenFiles port. */
export const nodeChosenFiles: ChosenFiles = {
  read: readChosenFile,
  write: (path, text) => writeChosenFile(path, text),
};
