export { MachineCard, type MachineCardProps, type MachineTelemetry } from './machine-card';
