// Which of a combobox's options a person's typing finds: every word typed, in any order, inside the option's label,
// secondary text or keywords, whatever the case, accents and spacing ("ana  ló" finds "Ana López", "912 34" finds
// "+351 912 345 678").

export interface ComboboxOption {
  /** what the combobox reports when the option is chosen: an id */
  value: string;
  /** what the input shows once it is chosen: a name */
  label: string;
  /** shown beside the label, and searched as well: a phone number */
  description?: string;
  /** more words that find it, not shown */
  keywords?: readonly string[];
}

/** Text as it is compared: lower case, without accents, spaces or the dashes, dots and brackets of phone numbers. */
export function searchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-.()]/g, '');
}

/** The words of a query, each as it is compared; none for a blank query. */
const wordsOf = (query: string) => query.split(/\s+/).map(searchText).filter(Boolean);

/**
 * The options the query finds, in their given order: all of them for a blank query. Each word of the query must be
 * found in one of the option's texts, so "ana 912" finds Ana by her name and her phone; a query also matches across
 * the spaces of a text ("91234" finds "912 345").
 */
export function matchOptions<O extends ComboboxOption>(options: readonly O[], query: string): O[] {
  const words = wordsOf(query);
  const whole = searchText(query);
  if (words.length === 0) return [...options];
  return options.filter((option) => {
    const texts = [option.label, option.description ?? '', ...(option.keywords ?? [])].map(searchText);
    return (
      texts.some((text) => text.includes(whole)) || words.every((word) => texts.some((text) => text.includes(word)))
    );
  });
}

/** The option whose label is the query, ignoring case, accents and spacing: then there is nothing new to create. */
export function exactOption<O extends ComboboxOption>(options: readonly O[], query: string): O | undefined {
  const wanted = searchText(query);
  return wanted ? options.find((option) => searchText(option.label) === wanted) : undefined;
}

/** The row shown active: the one the person moved to while it is still shown, else the first row ('' for none). */
export function activeRow(rows: readonly string[], active: string): string {
  return rows.includes(active) ? active : (rows[0] ?? '');
}
