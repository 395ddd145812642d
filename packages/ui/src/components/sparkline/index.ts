export { Sparkline, type SparklineProps, type SparklineVariants, sparklinePoints } from './sparkline';
