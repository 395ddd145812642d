export {
  MachineCard,
  type MachineCardProps,
  type MachineCardVariants,
  type MachineTelemetry,
  machineCardVariants,
} from './machine-card';
