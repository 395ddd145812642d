// Machine-aware components: a card per machine and the grid of a floor.
export * from './alarm-chip';
export * from './machine-card';
export * from './machine-grid';
export {
  type AlarmSeverity,
  alarmSeverityLabel,
  availableCommands,
  type ConnectionThresholds,
  type CycleProgress,
  cycleProgress,
  deriveMachineConnection,
  type MachineAlarm,
  type MachineCommand,
  type MachineConnection,
  type MachineCycle,
  type MachineState,
  machineStateLabel,
  topAlarm,
} from './machine-status';
