export {
  type SettledFieldItem,
  type SettledFieldItemState,
  type SettledFieldRule,
  type SettledFieldSide,
  SettledFieldsList,
  type SettledFieldsListProps,
} from './settled-fields-list';
