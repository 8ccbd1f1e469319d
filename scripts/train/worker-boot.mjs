// Worker threads do not inherit tsx's loader, so each worker registers it before loading the TypeScript worker.
import { register } from 'tsx/esm/api';
register();
await import(new URL('./worker.ts', import.meta.url).href);
