#!/usr/bin/env node
// Styrkort runs its TypeScript sources directly through tsx: no build step between a checkout and use.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
