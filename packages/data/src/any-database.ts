// The database type Syncline's internals take: any RxDatabase, whatever its collections.
import type { RxDatabase } from 'rxdb';

// biome-ignore lint/suspicious/noExplicitAny: erases the collections type so any database fits
export type AnyRxDatabase = RxDatabase<any>;
