import type { StateCreator } from 'zustand';
import type { MainEvent } from '../../../electron/ipc/contract';
import type { AppState } from './types';

type Progress = Extract<MainEvent, { type: 'progress' }>['data'];
export type ProgressTask = Progress['task'];

export interface ProgressSlice {
  /** How far main's long work is, by task (its `progress` events); gone once the work is done. */
  progress: Partial<Record<ProgressTask, { done: number; total: number; failed?: number }>>;
  noteProgress(task: ProgressTask, done: number, total: number, failed?: number): void;
}

export const createProgressSlice: StateCreator<AppState, [], [], ProgressSlice> = (set, get) => ({
  progress: {},
  noteProgress(task, done, total, failed) {
    const progress = { ...get().progress };
    if (done >= total) delete progress[task];
    else progress[task] = failed === undefined ? { done, total } : { done, total, failed };
    set({ progress });
  },
});
