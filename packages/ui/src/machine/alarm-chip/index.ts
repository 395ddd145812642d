export { AlarmChip, type AlarmChipProps } from './alarm-chip';
