import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// waitFor/findBy give up after 1 s by default; behind real keychain calls on a busy
// 2-core machine that is not enough. A passing assertion returns as soon as it holds.
configure({ asyncUtilTimeout: 20_000 });

afterEach(() => cleanup());
