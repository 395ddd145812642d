export { MachineGrid, type MachineGridItem, type MachineGridProps } from './machine-grid';
