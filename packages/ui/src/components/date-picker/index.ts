export { DatePicker, type DatePickerProps } from './date-picker';
export { atTime, formatDay, formatTime, readDay } from './read-day';
