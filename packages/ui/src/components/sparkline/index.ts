export { Sparkline, type SparklineProps, sparklinePoints } from './sparkline';
