export { Progress, ProgressRing, type ProgressRingProps, type ProgressTone } from './progress';
