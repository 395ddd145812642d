export { DatePicker, type DatePickerProps } from './date-picker';
export { atTime, formatDay, formatLongDay, formatTime, readDay } from './read-day';
