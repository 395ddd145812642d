export { Combobox, type ComboboxProps } from './combobox';
export { type ComboboxOption, matchOptions, searchText } from './match-options';
