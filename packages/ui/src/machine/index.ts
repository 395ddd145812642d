// Machine-aware components: a card per machine and the grid of a floor.
export * from './alarm-chip';
export * from './machine-card';
export * from './machine-grid';
export {
  type AlarmSeverity,
  alarmSeverityLabel,
  alarmSeverityRank,
  availableCommands,
  type ConnectionThresholds,
  type CyclePhase,
  type CycleProgress,
  type CycleStatus,
  compareAlarms,
  cycleProgress,
  cycleStatus,
  deriveMachineConnection,
  type MachineAlarm,
  type MachineCommand,
  type MachineConnection,
  type MachineCycle,
  type MachineFreshness,
  type MachineFreshnessInput,
  type MachineState,
  machineFreshness,
  machineStateLabel,
  type ShownMachineState,
  type SortableAlarm,
  shownMachineState,
  sortAlarms,
  topAlarm,
} from './machine-status';
