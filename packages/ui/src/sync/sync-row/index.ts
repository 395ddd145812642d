export { SyncRow, type SyncRowProps, syncRowHint } from './sync-row';
