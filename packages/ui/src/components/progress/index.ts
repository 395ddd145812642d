export {
  Progress,
  ProgressRing,
  type ProgressRingProps,
  type ProgressTone,
  progressIndicatorVariants,
  progressRingIndicatorVariants,
} from './progress';
