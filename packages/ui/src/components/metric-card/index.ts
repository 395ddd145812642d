export {
  type DeltaDirection,
  type DeltaTone,
  describeDelta,
  MetricCard,
  type MetricCardProps,
  type MetricDelta,
} from './metric-card';
