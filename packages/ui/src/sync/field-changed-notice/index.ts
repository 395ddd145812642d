export {
  describeFieldValue,
  FieldChangedNotice,
  type FieldChangedNoticeProps,
} from './field-changed-notice';
